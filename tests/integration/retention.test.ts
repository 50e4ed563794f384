// What the worker forgets on schedule: expired sessions, the one-time links in sent emails
// once they have expired, and finished outbox rows after 90 days. Nothing still queued.
import { describe, expect, it } from "vitest";
import { pruneExpiredSessions } from "../../app/auth/session.server";
import { pruneOutbox } from "../../app/email/outbox.server";
import { getDb } from "../../app/utils/db.server";
import { createUser } from "../factories/users";

const DAY = 86_400_000;

async function anEmail(template: string, state: string, daysAgo: number) {
  const row = await getDb()
    .insertInto("emails")
    .values({
      dedupe_key: `retention:${template}:${state}:${daysAgo}:${Math.random()}`,
      template,
      state,
      to_address: "someone@example.com",
      from_address: "MedCode Jobs <jobs@example.com>",
      subject: "Subject",
      html: '<a href="https://example.com/reset?token=secret">Reset</a>',
      text: "https://example.com/reset?token=secret",
      created_at: new Date(Date.now() - daysAgo * DAY),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

const bodyOf = (id: number) =>
  getDb().selectFrom("emails").select(["html", "text"]).where("id", "=", id).executeTakeFirst();

describe("retention", () => {
  it("blanks expired one-time links, deletes finished rows after 90 days, keeps what is queued", async () => {
    const oldReset = await anEmail("reset-password", "sent", 9);
    const freshReset = await anEmail("reset-password", "sent", 1);
    const oldWelcome = await anEmail("welcome", "sent", 9);
    const ancient = await anEmail("welcome", "captured", 91);
    const ancientQueued = await anEmail("welcome", "queued", 91);

    const result = await pruneOutbox();
    expect(result.scrubbed).toBeGreaterThanOrEqual(1);
    expect(result.deleted).toBeGreaterThanOrEqual(1);

    const scrubbed = await bodyOf(oldReset);
    expect(scrubbed?.html).not.toContain("token=secret");
    expect(scrubbed?.text).not.toContain("token=secret");
    expect((await bodyOf(freshReset))?.text).toContain("token=secret");
    expect((await bodyOf(oldWelcome))?.text).toContain("token=secret");
    expect(await bodyOf(ancient)).toBeUndefined();
    expect(await bodyOf(ancientQueued)).toBeDefined();
  });

  it("deletes sessions past their expiry and keeps live ones", async () => {
    const stale = await createUser({ role: "candidate" });
    const live = await createUser({ role: "candidate" });
    const db = getDb();
    await db
      .updateTable("sessions")
      .set({ expires_at: new Date(Date.now() - DAY) })
      .where("user_id", "=", stale.id)
      .execute();
    await pruneExpiredSessions();
    const left = await db
      .selectFrom("sessions")
      .select("user_id")
      .where("user_id", "in", [stale.id, live.id])
      .execute();
    expect(left.map((s) => s.user_id)).toEqual([live.id]);
  });
});
