// Reports and suspensions: a job held out of every public list at once, its paused days
// given back when the hold ends, sessions ended and the reason shown at sign-in.
import { describe, expect, it } from "vitest";
import { REPORTS_TO_HOLD, syncJobHolds } from "../../app/admin/holds.server";
import { expireJobs } from "../../app/jobs/expiry.server";
import { isOpen } from "../../app/jobs/jobs.server";
import * as adminCompany from "../../app/routes/admin.companies.$id";
import * as reports from "../../app/routes/admin.reports";
import * as adminUser from "../../app/routes/admin.users.$id";
import * as dashboard from "../../app/routes/employer._index";
import * as report from "../../app/routes/jobs.$id.report";
import * as login from "../../app/routes/login";
import { getDb } from "../../app/utils/db.server";
import { TEST_PASSWORD } from "../factories/users";
import { call, get, post, testContext } from "../routes";
import {
  auditRows,
  emailsTo,
  employerWithJob,
  everywhere,
  jobState,
  nowhere,
  operator,
  payFor,
  publicPresence,
} from "./admin-helpers";

const HOUR = 3_600_000;

function fileReport(jobId: number, ip: string, fields: Record<string, string> = {}) {
  return call(
    report.action,
    post(`/jobs/${jobId}/report`, { reason: "scam", note: "Asked me for my SSN", ...fields }),
    { id: String(jobId) },
    { ...testContext, clientIp: ip },
  );
}

async function liveJob(options: { verified?: boolean } = {}) {
  const made = await employerWithJob(options);
  await payFor(made.employer, made.jobId);
  return made;
}

async function isOpenNow(jobId: number) {
  const row = await getDb()
    .selectFrom("jobs")
    .select("id")
    .where("id", "=", jobId)
    .where(isOpen)
    .executeTakeFirst();
  return Boolean(row);
}

/** Pretends the hold started `hours` ago, as if the clock had run since. */
async function backdateHold(jobId: number, hours: number) {
  await getDb()
    .updateTable("jobs")
    .set({ held_since: new Date(Date.now() - hours * HOUR) })
    .where("id", "=", jobId)
    .execute();
}

describe("Report this job", () => {
  it("thanks the reporter without an account, and tells nothing about the job", async () => {
    const { jobId } = await liveJob();
    const page = await call(report.loader, get(`/jobs/${jobId}/report`), { id: String(jobId) });
    expect(page.status).toBe(200);
    const sent = await fileReport(jobId, "198.51.100.1");
    expect(sent).toMatchObject({ status: 200, body: { sent: true } });
    const rows = await getDb()
      .selectFrom("reports")
      .select(["reason", "note", "status", "reporter_hash"])
      .where("job_id", "=", jobId)
      .execute();
    expect(rows).toEqual([
      expect.objectContaining({ reason: "scam", note: "Asked me for my SSN", status: "open" }),
    ]);
    // Only a hash of the address is kept.
    expect(rows[0].reporter_hash).not.toContain("198.51.100.1");
  });

  it("refuses a report without a reason, keeping the note typed", async () => {
    const { jobId } = await liveJob();
    const outcome = await fileReport(jobId, "198.51.100.2", { reason: "" });
    expect(outcome.status).toBe(400);
    expect(JSON.stringify(outcome.body)).toContain("Asked me for my SSN");
  });

  it(`takes a job out of search, feeds and sitemap after ${REPORTS_TO_HOLD} different people report it`, async () => {
    const { jobId, word } = await liveJob();
    await fileReport(jobId, "203.0.113.10");
    // The same person again counts once.
    await fileReport(jobId, "203.0.113.10");
    await fileReport(jobId, "203.0.113.11");
    expect(await publicPresence(jobId, word)).toEqual(everywhere);
    await fileReport(jobId, "203.0.113.12");
    expect(await publicPresence(jobId, word)).toEqual(nowhere);
    expect((await jobState(jobId)).held_since).not.toBeNull();
    // Reporting a held job is not possible: its page is gone.
    expect((await fileReport(jobId, "203.0.113.13")).status).toBe(404);
  });

  it("limits reports from one address", async () => {
    const ip = "203.0.113.77";
    let last = 200;
    for (let i = 0; i < 11; i++) {
      const { jobId } = await liveJob();
      last = (await fileReport(jobId, ip)).status;
    }
    expect(last).toBe(429);
  });

  it("dismissing the reports puts the job back with the days it was held added back", async () => {
    const admin = await operator();
    const { jobId, word } = await liveJob();
    for (const ip of ["192.0.2.1", "192.0.2.2", "192.0.2.3"]) await fileReport(jobId, ip);
    await backdateHold(jobId, 48);
    const held = await jobState(jobId);
    const listed = await call(reports.loader, get("/admin/reports", admin.cookie));
    expect(
      (listed.body as { jobs: { id: number; open_reporters: number }[] }).jobs.find(
        (j) => j.id === jobId,
      ),
    ).toMatchObject({ open_reporters: 3 });

    const outcome = await call(
      reports.action,
      post("/admin/reports", { intent: "dismiss", jobId: String(jobId) }, admin.cookie),
    );
    expect(outcome.status).toBe(302);
    const back = await jobState(jobId);
    expect(back.held_since).toBeNull();
    const added = back.valid_through!.getTime() - held.valid_through!.getTime();
    expect(Math.abs(added - 48 * HOUR)).toBeLessThan(60_000);
    expect(await publicPresence(jobId, word)).toEqual(everywhere);
    expect(await auditRows({ type: "job", id: jobId })).toMatchObject([
      { action: "report.dismiss", actor_id: admin.id, before: { open_reports: 3 } },
    ]);
  });

  it("taking the job down asks first, then removes it and emails the employer", async () => {
    const admin = await operator();
    const { employer, jobId } = await liveJob();
    await fileReport(jobId, "192.0.2.50");
    const fields = { intent: "remove", jobId: String(jobId), note: "Fake recruiter." };
    const asked = await call(reports.action, post("/admin/reports", fields, admin.cookie));
    expect(asked.body).toMatchObject({ confirmation: { confirmLabel: "Yes, take it down" } });
    expect((await jobState(jobId)).status).toBe("published");
    await call(
      reports.action,
      post("/admin/reports", { ...fields, confirmed: "yes" }, admin.cookie),
    );
    expect((await jobState(jobId)).status).toBe("removed");
    const [email] = await emailsTo(employer.email, "job-reviewed");
    expect(email.text).toMatch(/Fake recruiter/);
  });

  it("a held job's clock is paused: the expiry sweep leaves it alone", async () => {
    const { jobId } = await liveJob();
    await getDb()
      .updateTable("jobs")
      .set({
        valid_through: new Date(Date.now() - HOUR),
        held_since: new Date(Date.now() - 2 * HOUR),
      })
      .where("id", "=", jobId)
      .execute();
    await expireJobs();
    expect((await jobState(jobId)).status).toBe("published");
    // When the hold ends, the hour it had left when held comes back.
    await getDb()
      .transaction()
      .execute((trx) => syncJobHolds(trx, { jobIds: [jobId] }));
    const after = await jobState(jobId);
    expect(after.valid_through!.getTime()).toBeGreaterThan(Date.now() + 0.9 * HOUR);
  });
});

describe("suspension", () => {
  it("takes a company's jobs out of every public list, ends its sessions and says why at sign-in; unsuspending restores the days", async () => {
    const admin = await operator();
    const { employer, jobId, word } = await liveJob();
    const before = await jobState(jobId);
    const page = `/admin/companies/${employer.companyId}`;
    const params = { id: String(employer.companyId) };
    const reason = "Posting jobs that do not exist";

    const asked = await call(
      adminCompany.action,
      post(page, { intent: "suspend", reason }, admin.cookie),
      params,
    );
    expect(asked.body).toMatchObject({ confirmation: { title: "Suspend this company?" } });
    expect(await publicPresence(jobId, word)).toEqual(everywhere);

    const done = await call(
      adminCompany.action,
      post(page, { intent: "suspend", reason, confirmed: "yes" }, admin.cookie),
      params,
    );
    expect(done.status).toBe(302);
    expect(await publicPresence(jobId, word)).toEqual(nowhere);
    // Alerts match jobs with isOpen, like search: a held job is not open.
    expect(await isOpenNow(jobId)).toBe(false);
    // The old session no longer works, and signing in says why.
    const dashboardNow = await call(dashboard.loader, get("/employer", employer.cookie));
    expect(dashboardNow.status).toBe(302);
    const signIn = await call(
      login.action,
      post("/login", { email: employer.email, password: TEST_PASSWORD }),
    );
    expect(signIn.status).toBe(403);
    expect(JSON.stringify(signIn.body)).toContain(reason);
    expect(await auditRows({ type: "company", id: employer.companyId! })).toMatchObject([
      {
        action: "company.suspend",
        actor_id: admin.id,
        company_id: employer.companyId,
        after: { suspended: true, jobs_held: 1, sessions_ended: 1 },
      },
    ]);

    await backdateHold(jobId, 24);
    const undone = await call(
      adminCompany.action,
      post(page, { intent: "unsuspend" }, admin.cookie),
      params,
    );
    expect(undone.status).toBe(302);
    expect(await publicPresence(jobId, word)).toEqual(everywhere);
    const after = await jobState(jobId);
    const added = after.valid_through!.getTime() - before.valid_through!.getTime();
    expect(Math.abs(added - 24 * HOUR)).toBeLessThan(60_000);
    const again = await call(
      login.action,
      post("/login", { email: employer.email, password: TEST_PASSWORD }),
    );
    expect(again.status).toBe(302);
  });

  it("suspends a person: the jobs they posted leave search and their sessions end; an operator cannot suspend themself", async () => {
    const admin = await operator();
    const { employer, jobId, word } = await liveJob();
    await getDb()
      .updateTable("jobs")
      .set({ created_by: employer.id })
      .where("id", "=", jobId)
      .execute();
    const page = `/admin/users/${employer.id}`;
    await call(
      adminUser.action,
      post(page, { intent: "suspend", reason: "Spam", confirmed: "yes" }, admin.cookie),
      { id: String(employer.id) },
    );
    expect(await publicPresence(jobId, word)).toEqual(nowhere);
    const sessions = await getDb()
      .selectFrom("sessions")
      .select("id")
      .where("user_id", "=", employer.id)
      .execute();
    expect(sessions).toEqual([]);
    const self = await call(
      adminUser.action,
      post(
        `/admin/users/${admin.id}`,
        { intent: "suspend", reason: "Oops", confirmed: "yes" },
        admin.cookie,
      ),
      { id: String(admin.id) },
    );
    expect(self.status).toBe(302);
    const me = await getDb()
      .selectFrom("users")
      .select("suspended_at")
      .where("id", "=", admin.id)
      .executeTakeFirstOrThrow();
    expect(me.suspended_at).toBeNull();
  });

  it("a job approved while its company is suspended stays out of search until the suspension ends", async () => {
    const admin = await operator();
    const { employer, jobId, word } = await employerWithJob({ verified: false });
    await payFor(employer, jobId);
    await call(
      adminCompany.action,
      post(
        `/admin/companies/${employer.companyId}`,
        { intent: "suspend", reason: "Checking", confirmed: "yes" },
        admin.cookie,
      ),
      { id: String(employer.companyId) },
    );
    const { approveReview } = await import("../../app/admin/review.server");
    const review = await getDb()
      .selectFrom("job_reviews")
      .select("id")
      .where("job_id", "=", jobId)
      .executeTakeFirstOrThrow();
    expect(await approveReview({ reviewId: review.id, actor: admin })).toEqual({ ok: true });
    expect((await jobState(jobId)).status).toBe("published");
    expect(await publicPresence(jobId, word)).toEqual(nowhere);
  });
});
