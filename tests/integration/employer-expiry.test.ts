import { describe, expect, it } from "vitest";
import { expireJobs } from "../../app/jobs/expiry.server";
import { sendExpiryWarnings } from "../../app/jobs/posting-expiry.server";
import {
  listDashboardJobs,
  recordJobView,
  rollUpApplications,
} from "../../app/jobs/posting-stats.server";
import { getDb } from "../../app/utils/db.server";
import { employerWithDraft } from "./billing-helpers";

const DAY = 86_400_000;

describe("expiry warnings", () => {
  it("warns once per validity period, three days before the end, with a renewal link", async () => {
    const { employer, jobId } = await employerWithDraft();
    const now = new Date();
    const end = new Date(now.getTime() + 2 * DAY);
    await getDb()
      .updateTable("jobs")
      .set({
        status: "published",
        published_at: new Date(now.getTime() - 28 * DAY),
        valid_through: end,
      })
      .where("id", "=", jobId)
      .execute();
    await sendExpiryWarnings({ now });
    await sendExpiryWarnings({ now });
    const mails = () =>
      getDb()
        .selectFrom("emails")
        .select(["text", "dedupe_key"])
        .where("to_address", "=", employer.email)
        .where("template", "=", "job-expiring")
        .execute();
    expect(await mails()).toHaveLength(1);
    expect((await mails())[0].text).toContain(`/employer/jobs/${jobId}#renew`);

    // Renewed: the next period ends 30 days later and gets its own warning near its end.
    const renewed = new Date(end.getTime() + 30 * DAY);
    await getDb()
      .updateTable("jobs")
      .set({ valid_through: renewed })
      .where("id", "=", jobId)
      .execute();
    await sendExpiryWarnings({ now });
    expect(await mails()).toHaveLength(1);
    await sendExpiryWarnings({ now: new Date(renewed.getTime() - 2 * DAY) });
    expect(await mails()).toHaveLength(2);

    await expireJobs({ now: new Date(renewed.getTime() + 1000) });
    const job = await getDb()
      .selectFrom("jobs")
      .select("status")
      .where("id", "=", jobId)
      .executeTakeFirstOrThrow();
    expect(job.status).toBe("expired");
  });
});

describe("job stats", () => {
  it("counts human views per day and shows them on the dashboard with a 14-day trend", async () => {
    const { employer, jobId } = await employerWithDraft();
    await getDb()
      .updateTable("jobs")
      .set({
        status: "published",
        published_at: new Date(),
        valid_through: new Date(Date.now() + 10 * DAY),
      })
      .where("id", "=", jobId)
      .execute();
    const human = new Request("http://localhost/jobs/1/x", {
      headers: { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0" },
    });
    const bot = new Request("http://localhost/jobs/1/x", {
      headers: { "user-agent": "Googlebot/2.1 (+http://www.google.com/bot.html)" },
    });
    await Promise.all([
      recordJobView(jobId, human),
      recordJobView(jobId, human),
      recordJobView(jobId, bot),
    ]);
    await rollUpApplications();
    const [row] = (await listDashboardJobs({ companyId: employer.companyId! })).jobs.filter(
      (j) => j.id === jobId,
    );
    expect(row.views).toBe(2);
    expect(row.trend).toHaveLength(14);
    expect(row.trend.at(-1)).toBe(2);
    expect(row.daysLeft).toBe(10);
    expect(row.next).toBeNull();
  });
});
