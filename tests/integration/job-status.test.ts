// "Open" has three forms, SQL for queries (isOpen), SQL for job_search, which holds only the
// jobs that can be open (isOpenSearchRow), and JavaScript for rows already loaded (isOpenJob):
// they must agree on every kind of job, or a list, a count and a page would disagree.
import { en, Faker } from "@faker-js/faker";
import { describe, expect, it } from "vitest";
import { isOpenJob, jobClock } from "../../app/jobs/job-status";
import { isOpen, isOpenSearchRow } from "../../app/jobs/jobs.server";
import { getDb } from "../../app/utils/db.server";
import { buildJob, insertBuiltJobs } from "../factories/jobs";
import { createUser } from "../factories/users";

const DAY = 86_400_000;

describe("open jobs", () => {
  it("agree between the SQL form and the JavaScript form on every kind of job", async () => {
    const faker = new Faker({ locale: [en], seed: 13 });
    const owner = await createUser({ role: "employer" });
    const db = getDb();
    const now = Date.now();
    const kinds = [
      { status: "published", valid_through: now + 5 * DAY, held_since: null, open: true },
      { status: "published", valid_through: now - DAY, held_since: null, open: false },
      { status: "published", valid_through: now + 5 * DAY, held_since: now - DAY, open: false },
      { status: "expired", valid_through: now - DAY, held_since: null, open: false },
      { status: "closed", valid_through: now + 5 * DAY, held_since: null, open: false },
      { status: "draft", valid_through: null, held_since: null, open: false },
      { status: "pending_payment", valid_through: null, held_since: null, open: false },
      { status: "pending_review", valid_through: null, held_since: null, open: false },
      { status: "removed", valid_through: now + 5 * DAY, held_since: null, open: false },
    ] as const;
    const ids = await insertBuiltJobs(
      db,
      kinds.map(() => ({
        companyId: owner.companyId!,
        job: buildJob(faker, { companyName: "Acme", postedDaysAgo: 1 }),
      })),
    );
    for (const [i, kind] of kinds.entries()) {
      await db
        .updateTable("jobs")
        .set({
          status: kind.status,
          valid_through: kind.valid_through ? new Date(kind.valid_through) : null,
          held_since: kind.held_since ? new Date(kind.held_since) : null,
        })
        .where("id", "=", ids[i])
        .execute();
    }
    const rows = await db
      .selectFrom("jobs")
      .select((eb) => ["id", "status", "valid_through", "held_since", isOpen(eb).as("open")])
      .where("id", "in", ids)
      .execute();
    for (const [i, kind] of kinds.entries()) {
      const row = rows.find((r) => r.id === ids[i])!;
      expect({ ...kind, sql: row.open }).toEqual({ ...kind, sql: kind.open });
      expect({ ...kind, js: isOpenJob(row) }).toEqual({ ...kind, js: kind.open });
    }
    const searchable = () =>
      db
        .selectFrom("job_search as jobs" as "jobs")
        .select("jobs.id")
        .where(isOpenSearchRow)
        .where("jobs.id", "in", ids)
        .execute()
        .then((r) => r.map((row) => row.id));
    const listed = await searchable();
    for (const [i, kind] of kinds.entries())
      expect({ ...kind, search: listed.includes(ids[i]) }).toEqual({ ...kind, search: kind.open });
    // A hold lifted puts the job back in job_search; a new hold takes it out again.
    const held = ids[kinds.findIndex((k) => k.held_since)];
    const hold = (at: Date | null) =>
      db.updateTable("jobs").set({ held_since: at }).where("id", "=", held).execute();
    await hold(null);
    expect(await searchable()).toContain(held);
    await hold(new Date());
    expect(await searchable()).not.toContain(held);
  });

  it("pause a held job's clock: still in its period, not live, days left counted from the hold", () => {
    const now = new Date("2026-12-02T12:00:00Z");
    const held = jobClock(
      {
        status: "published",
        valid_through: new Date(now.getTime() - DAY),
        held_since: new Date(now.getTime() - 3 * DAY),
      },
      now,
    );
    expect(held).toMatchObject({ live: false, held: true, running: true, daysLeft: 2 });
    const live = jobClock(
      { status: "published", valid_through: new Date(now.getTime() + 3 * DAY), held_since: null },
      now,
    );
    expect(live).toMatchObject({ live: true, held: false, running: true, daysLeft: 3 });
  });
});
