import { getDb } from "~/utils/db.server";

/**
 * Moves published jobs past their validity end to expired; they leave search, feeds and
 * sitemap. A held job's clock is paused (its days come back when the hold ends): not yet.
 */
export async function expireJobs({ now = new Date() }: { now?: Date } = {}) {
  const rows = await getDb()
    .updateTable("jobs")
    .set({ status: "expired", updated_at: now })
    .where("status", "=", "published")
    .where("valid_through", "<=", now)
    .where("held_since", "is", null)
    .returning("id")
    .execute();
  return { expired: rows.length };
}
