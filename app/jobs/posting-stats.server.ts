// Per-job, per-day numbers for employers: views counted in memory and written in batches,
// apply clicks as they happen (one upsert on a tiny primary-key row), applications rolled up
// by the worker.
import { isbot } from "isbot";
import { sql } from "kysely";
import { getDb } from "~/utils/db.server";
import { jobClock } from "./job-status";

const DAY = 86_400_000;

type Counter = "views" | "apply_clicks" | "alert_views";

async function bump(jobId: number, columns: Counter[]) {
  await sql`
    insert into job_stats_daily (job_id, day, ${sql.join(columns.map((c) => sql.ref(c)))})
    values (${jobId}, (now() at time zone 'utc')::date, ${sql.join(columns.map(() => sql`1`))})
    on conflict (job_id, day) do update set ${sql.join(
      columns.map((c) => sql`${sql.ref(c)} = job_stats_daily.${sql.ref(c)} + 1`),
    )}
  `.execute(getDb());
}

/** A person's request, not a crawler's nor Remix's own prefetch of the same page. */
function isHumanVisit(request: Request) {
  if (isbot(request.headers.get("user-agent") ?? "")) return false;
  return request.headers.get("purpose") !== "prefetch";
}

// Views are counted in memory and written in batches: one statement every FLUSH_MS (or
// sooner once many jobs wait) instead of one upsert per page view. A process that stops
// flushes what it holds (flushJobViews in the shutdown of scripts/start.ts).
const FLUSH_MS = 2_000;
const FLUSH_AT = 500;
type Pending = { views: number; alertViews: number };
type Batch = {
  pending: Map<string, Pending>;
  waiters: (() => void)[];
  timer: NodeJS.Timeout | null;
  flushing: Promise<void>;
};
// One batch per process, shared by every copy of this module (the server bundle's and the
// page cache's in server/, loaded apart), so one flush at shutdown writes them all.
const batchKey = Symbol.for("medcode.jobViews");
const state: Batch = ((globalThis as Record<symbol, unknown>)[batchKey] as Batch | undefined) ?? {
  pending: new Map(),
  waiters: [],
  timer: null,
  flushing: Promise.resolve(),
};
(globalThis as Record<symbol, unknown>)[batchKey] = state;

function utcDay(now = new Date()) {
  return now.toISOString().slice(0, 10);
}

/** Writes every view counted so far (the timer does this on its own; shutdown and tests call it). */
export function flushJobViews(): Promise<void> {
  if (state.timer) {
    clearTimeout(state.timer);
    state.timer = null;
  }
  const batch = state.pending;
  const done = state.waiters;
  state.pending = new Map();
  state.waiters = [];
  state.flushing = state.flushing.then(async () => {
    if (batch.size) {
      const keys = [...batch.keys()];
      const jobIds = keys.map((k) => Number(k.split("|")[0]));
      const days = keys.map((k) => k.split("|")[1]);
      const views = keys.map((k) => batch.get(k)?.views ?? 0);
      const alertViews = keys.map((k) => batch.get(k)?.alertViews ?? 0);
      await sql`
        insert into job_stats_daily (job_id, day, views, alert_views)
        select v.job_id, v.day, v.views, v.alert_views
          from unnest(${jobIds}::int[], ${days}::date[], ${views}::int[], ${alertViews}::int[])
            as v(job_id, day, views, alert_views)
          join jobs on jobs.id = v.job_id
        on conflict (job_id, day) do update set
          views = job_stats_daily.views + excluded.views,
          alert_views = job_stats_daily.alert_views + excluded.alert_views
      `
        .execute(getDb())
        .catch(() => {});
    }
    for (const resolve of done) resolve();
  });
  return state.flushing;
}

/**
 * Counts a human view of a job page. The page does not wait for it and it never fails the
 * page; the returned promise (never rejected) resolves once the batch holding it is written.
 */
export function recordJobView(jobId: number, request: Request): Promise<void> {
  if (!isHumanVisit(request)) return Promise.resolve();
  // Alert emails link with utm_source=alert: a source of its own in the employer's numbers.
  const fromAlert = new URL(request.url).searchParams.get("utm_source") === "alert";
  const key = `${jobId}|${utcDay()}`;
  const entry = state.pending.get(key) ?? { views: 0, alertViews: 0 };
  entry.views++;
  if (fromAlert) entry.alertViews++;
  state.pending.set(key, entry);
  const written = new Promise<void>((resolve) => state.waiters.push(resolve));
  if (state.pending.size >= FLUSH_AT) void flushJobViews();
  else if (!state.timer) {
    state.timer = setTimeout(() => void flushJobViews(), FLUSH_MS);
    state.timer.unref();
  }
  return written;
}

/**
 * Counts an apply click: opening the site's own apply form, or the counted redirect to an
 * employer's apply page or address. Awaited, so the count is there when the page answers.
 */
export async function recordApplyClick(jobId: number, request: Request) {
  if (!isHumanVisit(request)) return;
  await bump(jobId, ["apply_clicks"]);
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
export const DASHBOARD_PAGE_SIZE = 50;

type Db = ReturnType<typeof getDb>;

/**
 * Each job's lifetime totals: views and apply clicks from the daily counters, applications
 * counted live (the daily roll-up lags by minutes). The dashboard and the job overview both
 * read this, so their numbers always agree.
 */
function jobTotals(db: Db, companyId: number) {
  return db
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
            s.fn.sum<number>("job_stats_daily.alert_views").as("alert_views"),
          ])
          .where("j.company_id", "=", companyId)
          .groupBy("job_stats_daily.job_id")
          .as("totals"),
      (join) => join.onRef("totals.job_id", "=", "jobs.id"),
    )
    .leftJoin(
      (eb) =>
        eb
          .selectFrom("applications")
          .select((s) => [
            "applications.job_id",
            s.fn.countAll<number>().as("applications"),
            sql<number>`count(*) filter (where applications.status = 'new')`.as("new_applications"),
          ])
          .where("applications.company_id", "=", companyId)
          .groupBy("applications.job_id")
          .as("apps"),
      (join) => join.onRef("apps.job_id", "=", "jobs.id"),
    )
    .select([
      sql<number>`coalesce(totals.views, 0)::int`.as("views"),
      sql<number>`coalesce(totals.apply_clicks, 0)::int`.as("apply_clicks"),
      sql<number>`coalesce(totals.alert_views, 0)::int`.as("alert_views"),
      sql<number>`coalesce(apps.applications, 0)::int`.as("applications"),
      sql<number>`coalesce(apps.new_applications, 0)::int`.as("new_applications"),
    ])
    .where("jobs.company_id", "=", companyId);
}

/** Views, apply clicks and applications of one of the company's jobs, over its whole life. */
export async function getJobTotals({ companyId, jobId }: { companyId: number; jobId: number }) {
  const row = await jobTotals(getDb(), companyId).where("jobs.id", "=", jobId).executeTakeFirst();
  return row ?? { views: 0, apply_clicks: 0, alert_views: 0, applications: 0, new_applications: 0 };
}

/** A page of the company's jobs with their totals and the last 14 days of views, for /employer. */
export async function listDashboardJobs({
  companyId,
  page = 1,
  now = new Date(),
}: {
  companyId: number;
  page?: number;
  now?: Date;
}) {
  const db = getDb();
  const since = new Date(now.getTime() - (TREND_DAYS - 1) * DAY);
  const [jobs, total] = await Promise.all([
    jobTotals(db, companyId)
      .select([
        "jobs.id",
        "jobs.title",
        "jobs.slug",
        "jobs.status",
        "jobs.published_at",
        "jobs.valid_through",
        "jobs.featured_until",
        "jobs.held_since",
        "jobs.updated_at",
      ])
      .where("jobs.status", "!=", "removed")
      .orderBy(
        sql`case jobs.status when 'published' then 0 when 'pending_review' then 1 when 'pending_payment' then 2 when 'draft' then 3 else 4 end`,
      )
      .orderBy("jobs.updated_at", "desc")
      .orderBy("jobs.id", "desc")
      .limit(DASHBOARD_PAGE_SIZE)
      .offset((page - 1) * DASHBOARD_PAGE_SIZE)
      .execute(),
    db
      .selectFrom("jobs")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("company_id", "=", companyId)
      .where("status", "!=", "removed")
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n)),
  ]);
  const daily = jobs.length
    ? await db
        .selectFrom("job_stats_daily")
        .select(["job_id", "day", "views"])
        .where(
          "job_id",
          "in",
          jobs.map((j) => j.id),
        )
        .where("day", ">=", since)
        .execute()
    : [];
  const series = new Map<number, number[]>();
  const startDay = Math.floor(since.getTime() / DAY);
  for (const row of daily) {
    const list = series.get(row.job_id) ?? Array.from({ length: TREND_DAYS }, () => 0);
    const index = Math.floor(new Date(row.day).getTime() / DAY) - startDay;
    if (index >= 0 && index < TREND_DAYS) list[index] = row.views;
    series.set(row.job_id, list);
  }
  const rows = jobs.map((job) => {
    const { live, held, featured, daysLeft } = jobClock(job, now);
    return {
      ...job,
      live,
      held,
      featured,
      daysLeft,
      trend: series.get(job.id) ?? Array.from({ length: TREND_DAYS }, () => 0),
      next: nextAction(job.status, daysLeft),
    };
  });
  return {
    jobs: rows,
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / DASHBOARD_PAGE_SIZE)),
  };
}

export function nextAction(status: string, daysLeft: number | null) {
  if (status === "draft") return { label: "Finish the draft", to: "edit" } as const;
  if (status === "pending_payment") return { label: "Pay to publish", to: "" } as const;
  if (status === "expired") return { label: "Renew", to: "renew" } as const;
  if (status === "published" && daysLeft != null && daysLeft <= 7)
    return { label: "Renew", to: "renew" } as const;
  return null;
}
