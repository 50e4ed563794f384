import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { pauseAlert } from "../../app/alerts/alerts.server";
import { JOBS_PER_EMAIL, runDueDigests } from "../../app/alerts/matching.server";
import { extendJob } from "../../app/billing/fulfillment.server";
import { suppressEmailAddress } from "../../app/email/outbox.server";
import { getDb } from "../../app/utils/db.server";
import {
  alertEmails,
  createAlert,
  createCompany,
  insertJobs,
  nextLocalTime,
  publishNewJob,
} from "./alerts-helpers";

const HOUR = 3_600_000;
const NY = "America/New_York";
let company: number;

beforeAll(async () => {
  company = (await createCompany()).id;
});

beforeEach(async () => {
  // Each test starts with no open job and no alert.
  await getDb().updateTable("jobs").set({ status: "closed" }).execute();
  await getDb().deleteFrom("alerts").execute();
  await getDb().deleteFrom("emails").execute();
  await getDb().deleteFrom("email_suppressions").execute();
});

describe("instant alerts", () => {
  it("a job going live for the first time queues one email to each matching instant alert, with that job", async () => {
    const cardiology = await createAlert({ query: "specialty=cardiology", frequency: "instant" });
    const remoteCpc = await createAlert({
      query: "setting=remote&credential=cpc",
      frequency: "instant",
    });
    const radiology = await createAlert({
      query: "specialty=interventional-radiology",
      frequency: "instant",
    });
    const jobId = await publishNewJob(company, {
      title: "Remote Cardiology Coder",
      specialties: ["cardiology"],
      credentials: ["CPC"],
    });
    const emails = await alertEmails();
    expect(emails.map((e) => e.props.alertId).sort()).toEqual([cardiology.id, remoteCpc.id].sort());
    expect(emails.every((e) => e.props.kind === "instant" && e.props.jobIds[0] === jobId)).toBe(
      true,
    );
    expect(emails.some((e) => e.props.alertId === radiology.id)).toBe(false);
    const delivered = await getDb().selectFrom("alert_deliveries").selectAll().execute();
    expect(delivered.map((d) => d.job_id)).toEqual([jobId, jobId]);
  });

  it("a renewal, or a relaunch of an expired job, alerts no one again", async () => {
    const jobId = await publishNewJob(company, { title: "Inpatient DRG Coder", setting: "onsite" });
    await createAlert({ query: "q=inpatient", frequency: "instant" });
    await getDb()
      .transaction()
      .execute((trx) => extendJob(trx, { jobId, days: 30, featured: false }));
    await getDb()
      .updateTable("jobs")
      .set({ status: "expired", valid_through: new Date(Date.now() - HOUR) })
      .where("id", "=", jobId)
      .execute();
    await getDb()
      .transaction()
      .execute((trx) => extendJob(trx, { jobId, days: 30, featured: false }));
    expect(await alertEmails()).toEqual([]);
  });

  it("paused, unconfirmed, suppressed and daily alerts get no instant email", async () => {
    const paused = await createAlert({ query: "q=auditor", frequency: "instant" });
    await pauseAlert({ token: paused.token });
    await createAlert({ query: "q=auditor", frequency: "instant", confirmedAt: null });
    await createAlert({ query: "q=auditor", frequency: "daily" });
    await createAlert({
      query: "q=auditor",
      frequency: "instant",
      email: "bounced@example.com",
    });
    await suppressEmailAddress({ email: "bounced@example.com", reason: "bounce" });
    await publishNewJob(company, { title: "Coding Auditor" });
    expect(await alertEmails()).toEqual([]);
  });
});

describe("digests", () => {
  it("a daily alert gets the new matching jobs once 7:00 has passed in its zone, featured first, then newest", async () => {
    const alert = await createAlert({ query: "q=coder&setting=remote", frequency: "daily" });
    const now = Date.now();
    const [older, newer, onsite] = await insertJobs(company, [
      { title: "Remote Coder One", firstPublishedAt: new Date(now - 2 * 60_000) },
      { title: "Remote Coder Two", firstPublishedAt: new Date(now - 60_000) },
      { title: "Onsite Coder", setting: "onsite" },
    ]);
    const featured = await publishNewJob(
      company,
      { title: "Remote Coder Featured" },
      { featured: true },
    );

    const at = nextLocalTime(NY, 7, 5);
    const before = new Date(at.getTime() - 35 * 60_000); // 6:30 the same morning
    expect(await runDueDigests({ now: before })).toEqual({ alerts: 0, emails: 0 });
    expect(await runDueDigests({ now: at })).toEqual({ alerts: 1, emails: 1 });
    const [email] = await alertEmails();
    expect(email.props).toEqual({
      alertId: alert.id,
      kind: "daily",
      jobIds: [featured, newer, older],
      more: 0,
    });
    expect(email.props.jobIds).not.toContain(onsite);
    // The same period again, later that day: nothing is due.
    expect(await runDueDigests({ now: new Date(at.getTime() + 5 * HOUR) })).toEqual({
      alerts: 0,
      emails: 0,
    });
    expect(await alertEmails()).toHaveLength(1);
  });

  it("shows at most 10 jobs and counts the rest as “and N more”", async () => {
    const alert = await createAlert({ query: "specialty=risk-adjustment-hcc", frequency: "daily" });
    await insertJobs(
      company,
      Array.from({ length: 24 }, (_, i) => ({
        title: `Risk Adjustment Coder ${i + 1}`,
        specialties: ["risk-adjustment-hcc"],
        firstPublishedAt: new Date(Date.now() - (24 - i) * 1000),
      })),
    );
    await runDueDigests({ now: nextLocalTime(NY, 8, 0) });
    const [email] = await alertEmails();
    expect(email.props.alertId).toBe(alert.id);
    expect(email.props.jobIds).toHaveLength(JOBS_PER_EMAIL);
    expect(email.props.more).toBe(14);
    expect(await getDb().selectFrom("alert_deliveries").select("job_id").execute()).toHaveLength(
      JOBS_PER_EMAIL,
    );
  });

  it("sends nothing when nothing matched, and still counts the period as done", async () => {
    const alert = await createAlert({ query: "q=zzzunmatchable", frequency: "daily" });
    const at = nextLocalTime(NY, 9, 0);
    expect(await runDueDigests({ now: at })).toEqual({ alerts: 1, emails: 0 });
    expect(await alertEmails()).toEqual([]);
    const row = await getDb()
      .selectFrom("alerts")
      .select(["digest_cursor"])
      .where("id", "=", alert.id)
      .executeTakeFirstOrThrow();
    expect(row.digest_cursor).toEqual(at);
  });

  it("never sends a job twice across periods, even one inside the cursor's overlap", async () => {
    await createAlert({ query: "q=auditor", frequency: "daily" });
    const [first] = await insertJobs(company, [{ title: "Coding Auditor" }]);
    const day1 = nextLocalTime(NY, 7, 30);
    await runDueDigests({ now: day1 });
    // Published a minute before the first run's cursor: the next run looks back that far.
    await insertJobs(company, [
      { title: "Senior Coding Auditor", firstPublishedAt: new Date(day1.getTime() - 60_000) },
    ]);
    const day2 = new Date(day1.getTime() + 24 * HOUR);
    await runDueDigests({ now: day2 });
    const emails = await alertEmails();
    expect(emails).toHaveLength(2);
    expect(emails[0].props.jobIds).toEqual([first]);
    expect(emails[1].props.jobIds).not.toContain(first);
    expect(emails[1].props.jobIds).toHaveLength(1);
    expect(emails.map((e) => e.dedupe_key)).toEqual([
      expect.stringMatching(/^alert:\d+:daily:\d{4}-\d{2}-\d{2}$/),
      expect.stringMatching(/^alert:\d+:daily:\d{4}-\d{2}-\d{2}$/),
    ]);
  });

  it("follows each subscriber's time zone: 7:00 in New York comes three hours before 7:00 in Los Angeles", async () => {
    const nySeven = nextLocalTime(NY, 7, 10);
    // Both confirmed the evening before (19:10 in New York, 16:10 in Los Angeles), after that
    // day's 7:00 in both zones, whatever the hour the test runs at; the job comes an hour later.
    const confirmedAt = new Date(nySeven.getTime() - 12 * HOUR);
    const ny = await createAlert({
      query: "q=billing",
      frequency: "daily",
      timeZone: NY,
      confirmedAt,
    });
    const la = await createAlert({
      query: "q=billing",
      frequency: "daily",
      timeZone: "America/Los_Angeles",
      email: "la@example.com",
      confirmedAt,
    });
    await insertJobs(company, [
      {
        title: "Billing and Coding Specialist",
        firstPublishedAt: new Date(confirmedAt.getTime() + HOUR),
      },
    ]);
    await runDueDigests({ now: nySeven });
    expect((await alertEmails()).map((e) => e.props.alertId)).toEqual([ny.id]);
    await runDueDigests({ now: new Date(nySeven.getTime() + 2 * HOUR) });
    expect(await alertEmails()).toHaveLength(1);
    await runDueDigests({ now: new Date(nySeven.getTime() + 3 * HOUR) });
    expect((await alertEmails()).map((e) => e.props.alertId)).toEqual([ny.id, la.id]);
  });

  it("sends a weekly alert once a week, from Monday 7:00", async () => {
    const alert = await createAlert({ query: "q=denials", frequency: "weekly" });
    await insertJobs(company, [{ title: "Denials Management Coder" }]);
    const monday = nextLocalTime(NY, 7, 15, 1);
    await runDueDigests({ now: new Date(monday.getTime() - 30 * 60_000) });
    expect(await alertEmails()).toEqual([]);
    await runDueDigests({ now: monday });
    expect((await alertEmails()).map((e) => [e.props.alertId, e.props.kind])).toEqual([
      [alert.id, "weekly"],
    ]);
    // Published on the Tuesday after the first weekly email.
    await insertJobs(company, [
      { title: "Denials Coder II", firstPublishedAt: new Date(monday.getTime() + 24 * HOUR) },
    ]);
    await runDueDigests({ now: new Date(monday.getTime() + 3 * 24 * HOUR) });
    expect(await alertEmails()).toHaveLength(1);
    await runDueDigests({ now: new Date(monday.getTime() + 7 * 24 * HOUR) });
    expect(await alertEmails()).toHaveLength(2);
  });

  it("never sends an expired, closed, removed or unpublished job", async () => {
    await createAlert({ query: "q=telehealth", frequency: "daily" });
    const past = new Date(Date.now() - HOUR);
    const [open] = await insertJobs(company, [
      { title: "Telehealth Coder" },
      { title: "Telehealth Coder Expired", status: "expired", valid_through: past },
      { title: "Telehealth Coder Closed", status: "closed" },
      { title: "Telehealth Coder Removed", status: "removed" },
      { title: "Telehealth Coder Draft", status: "draft", firstPublishedAt: null },
      { title: "Telehealth Coder Lapsed", valid_through: past },
    ]);
    await runDueDigests({ now: nextLocalTime(NY, 7, 45) });
    const [email] = await alertEmails();
    expect(email.props.jobIds).toEqual([open]);
  });
});
