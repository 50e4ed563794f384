// Fixed-window rate limits stored in Postgres, so every replica counts the same hits.
import { sql } from "kysely";
import { getDb } from "~/utils/db.server";

export type Limit = { limit: number; windowSeconds: number };

export const LIMITS = {
  loginPerIp: { limit: 10, windowSeconds: 15 * 60 },
  loginPerAccount: { limit: 10, windowSeconds: 15 * 60 },
  signupPerIp: { limit: 10, windowSeconds: 60 * 60 },
  signupPerEmail: { limit: 3, windowSeconds: 60 * 60 },
  resetPerIp: { limit: 10, windowSeconds: 60 * 60 },
  resetPerEmail: { limit: 3, windowSeconds: 60 * 60 },
  verifyResendPerUser: { limit: 3, windowSeconds: 60 * 60 },
  invitePerCompany: { limit: 30, windowSeconds: 60 * 60 },
} as const satisfies Record<string, Limit>;

export type RateLimitResult = { allowed: boolean; retryAfterSeconds: number };

/** Counts one hit against `key`; refused once the window already holds `limit` hits. */
export async function hit(
  key: string,
  { limit, windowSeconds }: Limit,
  now = new Date(),
): Promise<RateLimitResult> {
  const windowStartCutoff = new Date(now.getTime() - windowSeconds * 1000);
  const row = await getDb()
    .insertInto("rate_limits")
    .values({ key, window_start: now, hits: 1 })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        // A window that has run out starts again with this hit.
        window_start: sql`case when rate_limits.window_start <= ${windowStartCutoff} then ${now} else rate_limits.window_start end`,
        hits: sql`case when rate_limits.window_start <= ${windowStartCutoff} then 1 else rate_limits.hits + 1 end`,
      }),
    )
    .returning(["hits", "window_start"])
    .executeTakeFirstOrThrow();
  const retryAfterSeconds = Math.max(
    1,
    Math.ceil((row.window_start.getTime() + windowSeconds * 1000 - now.getTime()) / 1000),
  );
  return { allowed: row.hits <= limit, retryAfterSeconds };
}

/** Hits several limits at once (e.g. per IP and per account); refused if any refuses. */
export async function hitAll(
  checks: [string, Limit][],
  now = new Date(),
): Promise<RateLimitResult> {
  const results = await Promise.all(checks.map(([key, limit]) => hit(key, limit, now)));
  const refused = results.filter((r) => !r.allowed);
  return refused.length
    ? { allowed: false, retryAfterSeconds: Math.max(...refused.map((r) => r.retryAfterSeconds)) }
    : { allowed: true, retryAfterSeconds: 0 };
}

/** Old windows are useless; the worker clears them hourly. */
export async function pruneRateLimits(now = new Date()) {
  const result = await getDb()
    .deleteFrom("rate_limits")
    .where("window_start", "<", new Date(now.getTime() - 24 * 3600 * 1000))
    .executeTakeFirst();
  return { pruned: Number(result.numDeletedRows) };
}
