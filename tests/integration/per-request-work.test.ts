// Issue 14, "no per-request waste": what used to be done per view is done once, and stays true.
import { describe, expect, it } from "vitest";
import { buildJobView } from "../../app/jobs/job-page.server";
import { getJobPage } from "../../app/jobs/jobs.server";
import {
  flushJobViews,
  listDashboardJobs,
  recordJobView,
} from "../../app/jobs/posting-stats.server";
import { searchJobs } from "../../app/search/search.server";
import { emptyFilters } from "../../app/search/search-schemas";
import { getDb } from "../../app/utils/db.server";
import { employerWithDraft } from "./billing-helpers";

const DAY = 86_400_000;

async function publishedJob() {
  const { employer, jobId } = await employerWithDraft({ title: "Batched Counter Coder" });
  await getDb()
    .updateTable("jobs")
    .set({
      status: "published",
      published_at: new Date(),
      valid_through: new Date(Date.now() + 10 * DAY),
      description: "Code **inpatient** charts.\n\n- DRG validation\n- CDI queries",
    })
    .where("id", "=", jobId)
    .execute();
  return { employer, jobId };
}

describe("the description", () => {
  it("is never shown stale: a description changed without its rendering is rendered anew", async () => {
    const { jobId } = await publishedJob();
    const first = await buildJobView((await getJobPage(jobId))!, { similarLimit: 0 });
    expect(first.descriptionHtml).toContain("<strong>inpatient</strong>");
    // Stored for the next view.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const stored = await getDb()
      .selectFrom("jobs")
      .select(["description_html", "description_text"])
      .where("id", "=", jobId)
      .executeTakeFirstOrThrow();
    expect(stored.description_html).toBe(first.descriptionHtml);
    await getDb()
      .updateTable("jobs")
      .set({ description: "Now **outpatient** work. <script>alert(1)</script>" })
      .where("id", "=", jobId)
      .execute();
    const second = await buildJobView((await getJobPage(jobId))!, { similarLimit: 0 });
    expect(second.descriptionHtml).toContain("<strong>outpatient</strong>");
    expect(second.descriptionHtml).not.toContain("inpatient");
    expect(second.descriptionHtml).not.toContain("<script");
    expect(second.summary).toBe("Now outpatient work.");
  });
});

describe("job views", () => {
  it("are counted in batches and every human view reaches the employer's numbers", async () => {
    const { employer, jobId } = await publishedJob();
    const human = (url = "http://localhost/jobs/1/x") =>
      new Request(url, { headers: { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/130" } });
    const bot = new Request("http://localhost/jobs/1/x", {
      headers: { "user-agent": "Googlebot/2.1 (+http://www.google.com/bot.html)" },
    });
    for (let i = 0; i < 25; i++) void recordJobView(jobId, human());
    void recordJobView(jobId, human("http://localhost/jobs/1/x?utm_source=alert"));
    void recordJobView(jobId, bot);
    await flushJobViews();
    const [row] = (await listDashboardJobs({ companyId: employer.companyId! })).jobs.filter(
      (j) => j.id === jobId,
    );
    expect(row.views).toBe(26);
    const stats = await getDb()
      .selectFrom("job_stats_daily")
      .select(["views", "alert_views"])
      .where("job_id", "=", jobId)
      .executeTakeFirstOrThrow();
    expect(stats).toEqual({ views: 26, alert_views: 1 });
  });
});

describe("counts", () => {
  it("follow a job the moment it closes (the counting copy is kept in the same transaction)", async () => {
    const { jobId } = await publishedJob();
    const before = await searchJobs({ ...emptyFilters, q: "batched counter" });
    expect(before.jobs.map((j) => j.id)).toContain(jobId);
    await getDb()
      .updateTable("jobs")
      .set({ status: "closed", closed_at: new Date() })
      .where("id", "=", jobId)
      .execute();
    const after = await searchJobs({ ...emptyFilters, q: "batched counter" });
    expect(after.total).toBe(before.total - 1);
    expect(after.jobs.map((j) => j.id)).not.toContain(jobId);
  });
});
