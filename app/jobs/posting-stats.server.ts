// Per-job, per-day numbers for employers: views and apply clicks counted as they happen (one
// upsert on a tiny primary-key row), applications rolled up by the worker.
import { isbot } from "isbot";
import { sql } from "kysely";
import { getDb } from "~/utils/db.server";

const DAY = 86_400_000;

async function bump(jobId: number, column: "views" | "apply_clicks") {
  await sql`
    insert into job_stats_daily (job_id, day, ${sql.ref(column)})
    values (${jobId}, (now() at time zone 'utc')::date, 1)
    on conflict (job_id, day) do update set ${sql.ref(column)} = job_stats_daily.${sql.ref(column)} + 1
  `.execute(getDb());
}

/** Counts a human view of a job page; never slows or fails the page. */
export function recordJobView(jobId: number, request: Request) {
  if (isbot(request.headers.get("user-agent") ?? "")) return;
  // Remix's own data requests for the same page are not a second view.
  if (request.headers.get("purpose") === "prefetch") return;
  bump(jobId, "views").catch(() => {});
}

export function recordApplyClick(jobId: number, request: Request) {
  if (isbot(request.headers.get("user-agent") ?? "")) return;
  bump(jobId, "apply_clicks").catch(() => {});
}

/** Writes each job's applications per day into job_stats_daily (the worker, every few minutes). */
export async function rollUpApplications({ days = 2 }: { days?: number } = {}) {
  const db = getDb();
  const result = await sql`
    insert into job_stats_daily (job_id, day, applications)
    select job_id, (created_at at time zone 'utc')::date, count(*)::int
      from applications
     where created_at >= (now() at time zone 'utc')::date - ${days}::int
     group by 1, 2
    on conflict (job_id, day) do update set applications = excluded.applications
  `.execute(db);
  return { rolledUp: Number(result.numAffectedRows ?? 0) };
}

export const TREND_DAYS = 14;

/** Every job of the company with its totals and the last 14 days of views, for /employer. */
export async function listDashboardJobs({
  companyId,
  now = new Date(),
}: {
  companyId: number;
  now?: Date;
}) {
  const db = getDb();
  const since = new Date(now.getTime() - (TREND_DAYS - 1) * DAY);
  const [jobs, daily] = await Promise.all([
    db
      .selectFrom("jobs")
      .leftJoin(
        (eb) =>
          eb
            .selectFrom("job_stats_daily")
            .innerJoin("jobs as j", "j.id", "job_stats_daily.job_id")
            .select((s) => [
              "job_stats_daily.job_id",
              s.fn.sum<number>("job_stats_daily.views").as("views"),
              s.fn.sum<number>("job_stats_daily.apply_clicks").as("apply_clicks"),
              s.fn.sum<number>("job_stats_daily.applications").as("applications"),
            ])
            .where("j.company_id", "=", companyId)
            .groupBy("job_stats_daily.job_id")
            .as("totals"),
        (join) => join.onRef("totals.job_id", "=", "jobs.id"),
      )
      .select([
        "jobs.id",
        "jobs.title",
        "jobs.slug",
        "jobs.status",
        "jobs.published_at",
        "jobs.valid_through",
        "jobs.featured_until",
        "jobs.updated_at",
        sql<number>`coalesce(totals.views, 0)::int`.as("views"),
        sql<number>`coalesce(totals.apply_clicks, 0)::int`.as("apply_clicks"),
        sql<number>`coalesce(totals.applications, 0)::int`.as("applications"),
      ])
      .where("jobs.company_id", "=", companyId)
      .where("jobs.status", "!=", "removed")
      .orderBy(
        sql`case jobs.status when 'published' then 0 when 'pending_payment' then 1 when 'draft' then 2 else 3 end`,
      )
      .orderBy("jobs.updated_at", "desc")
      .limit(200)
      .execute(),
    db
      .selectFrom("job_stats_daily")
      .innerJoin("jobs", "jobs.id", "job_stats_daily.job_id")
      .select(["job_stats_daily.job_id", "job_stats_daily.day", "job_stats_daily.views"])
      .where("jobs.company_id", "=", companyId)
      .where("job_stats_daily.day", ">=", since)
      .execute(),
  ]);
  const series = new Map<number, number[]>();
  const startDay = Math.floor(since.getTime() / DAY);
  for (const row of daily) {
    const list = series.get(row.job_id) ?? Array.from({ length: TREND_DAYS }, () => 0);
    const index = Math.floor(new Date(row.day).getTime() / DAY) - startDay;
    if (index >= 0 && index < TREND_DAYS) list[index] = row.views;
    series.set(row.job_id, list);
  }
  return jobs.map((job) => {
    const live = job.status === "published" && job.valid_through != null && job.valid_through > now;
    const daysLeft = live
      ? Math.ceil(((job.valid_through as Date).getTime() - now.getTime()) / DAY)
      : null;
    return {
      ...job,
      live,
      featured: Boolean(job.featured_until && job.featured_until > now),
      daysLeft,
      trend: series.get(job.id) ?? Array.from({ length: TREND_DAYS }, () => 0),
      next: nextAction(job.status, daysLeft),
    };
  });
}

export function nextAction(status: string, daysLeft: number | null) {
  if (status === "draft") return { label: "Finish the draft", to: "edit" } as const;
  if (status === "pending_payment") return { label: "Pay to publish", to: "" } as const;
  if (status === "expired") return { label: "Renew", to: "renew" } as const;
  if (status === "published" && daysLeft != null && daysLeft <= 7)
    return { label: "Renew", to: "renew" } as const;
  return null;
}

/** Job ids of the company, for a quick ownership check. */
export async function getJobStats({ companyId, jobId }: { companyId: number; jobId: number }) {
  return getDb()
    .selectFrom("job_stats_daily")
    .innerJoin("jobs", "jobs.id", "job_stats_daily.job_id")
    .select([
      "job_stats_daily.day",
      "job_stats_daily.views",
      "job_stats_daily.apply_clicks",
      "job_stats_daily.applications",
    ])
    .where("jobs.company_id", "=", companyId)
    .where("jobs.id", "=", jobId)
    .orderBy("job_stats_daily.day", "desc")
    .limit(90)
    .execute();
}
