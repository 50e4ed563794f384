// The operators' overview: how the site is doing over the last 90 days, one query per
// figure, each a series with one value per day (or week) so a chart and its table agree.
import { type RawBuilder, sql } from "kysely";
import { ALERT_EMAIL_TEMPLATE } from "~/email/email.server";
import { getDb } from "~/utils/db.server";

export const METRIC_DAYS = 90;
export const REVENUE_WEEKS = 13;

type DayRow = { day: string } & Record<string, number>;

/**
 * One row per day for the last 90 days (oldest first), one column per series, zero where
 * nothing happened. Each series is a query grouped by day: `select <date> as day, count(*) as n`.
 */
function daily(series: Record<string, RawBuilder<unknown>>) {
  const names = Object.keys(series);
  const columns = names.map(
    (name, i) => sql`coalesce(${sql.ref(`s${i}.n`)}, 0)::int as ${sql.ref(name)}`,
  );
  const joins = names.map(
    (name, i) =>
      sql`left join (${series[name]}) as ${sql.ref(`s${i}`)} on ${sql.ref(`s${i}.day`)} = days.day`,
  );
  return sql<DayRow>`
    with days as (
      select generate_series(${since()}::date, current_date, interval '1 day')::date as day
    )
    select to_char(days.day, 'YYYY-MM-DD') as day, ${sql.join(columns)}
      from days ${sql.join(joins, sql` `)}
     order by days.day
  `;
}

const since = () => sql`(current_date - ${METRIC_DAYS - 1}::int)`;

/** Rows of `table` per day of `column`, over the window, where `where` holds. */
function countPerDay(table: string, column: string, where: RawBuilder<unknown> = sql`true`) {
  return sql`
    select ${sql.ref(column)}::date as day, count(*) as n from ${sql.table(table)}
     where ${sql.ref(column)} >= ${since()} and ${where}
     group by 1
  `;
}

/** Email templates that are job alerts: the alert emails themselves, not their confirmations. */
export function alertTemplates(): string[] {
  return [ALERT_EMAIL_TEMPLATE];
}

/** Addresses suppressed for bounces (or complaints) that had been sent an alert. */
function alertSuppressions(reason: string, alertNames: string[]) {
  return countPerDay(
    "email_suppressions",
    "created_at",
    sql`reason ilike ${`%${reason}%`} and exists (
      select 1 from emails e
       where lower(e.to_address) = email_suppressions.email
         and e.template = any(${alertNames}::text[]))`,
  );
}

export async function getSiteMetrics() {
  const db = getDb();
  const alertNames = alertTemplates();
  const [statuses, openJobs, reviews, waiting, applications, signups, revenue, alerts] =
    await Promise.all([
      db
        .selectFrom("jobs")
        .select(["status", (eb) => eb.fn.countAll<number>().as("count")])
        .groupBy("status")
        .orderBy("status")
        .execute(),
      // Open at the end of each day, from the dates a job keeps (publish, end, close). Jobs
      // taken down are left out: when they came down is not recorded.
      sql<{ day: string; open: number }>`
        with days as (
          select generate_series(${since()}::date, current_date, interval '1 day')::date as day
        )
        select to_char(days.day, 'YYYY-MM-DD') as day, count(j.id)::int as open
          from days
          left join jobs j
            on j.status in ('published', 'expired', 'closed')
           and j.published_at < days.day + 1
           and j.valid_through >= days.day + 1
           and (j.closed_at is null or j.closed_at >= days.day + 1)
         group by days.day
         order by days.day
      `.execute(db),
      daily({
        entered: countPerDay("job_reviews", "created_at"),
        decided: countPerDay("job_reviews", "decided_at"),
      }).execute(db),
      db
        .selectFrom("job_reviews")
        .innerJoin("jobs", "jobs.id", "job_reviews.job_id")
        .select([
          sql<number>`count(*)::int`.as("count"),
          sql<Date | null>`min(job_reviews.created_at)`.as("oldest"),
        ])
        .where("job_reviews.status", "=", "open")
        .where("jobs.status", "=", "pending_review")
        .executeTakeFirstOrThrow(),
      daily({ applications: countPerDay("applications", "created_at") }).execute(db),
      daily({
        coders: countPerDay("users", "created_at", sql`role = 'candidate'`),
        employers: countPerDay("users", "created_at", sql`role = 'employer'`),
      }).execute(db),
      sql<{ week: string; paid: number; refunded: number }>`
        with weeks as (
          select generate_series(date_trunc('week', current_date) - ${REVENUE_WEEKS - 1} * interval '1 week',
                                 date_trunc('week', current_date), interval '1 week')::date as week
        )
        select to_char(weeks.week, 'YYYY-MM-DD') as week,
               (select coalesce(sum(o.amount_paid_cents), 0)::int from orders o
                 where o.paid_at >= weeks.week and o.paid_at < weeks.week + 7
                   and o.status in ('paid', 'refunded', 'disputed')) as paid,
               (select coalesce(sum(o.amount_paid_cents), 0)::int from orders o
                 where o.refunded_at >= weeks.week and o.refunded_at < weeks.week + 7
                   and o.status in ('refunded', 'disputed') and o.paid_at is not null) as refunded
          from weeks order by weeks.week
      `.execute(db),
      alertNames.length
        ? daily({
            sent: countPerDay(
              "emails",
              "created_at",
              sql`template = any(${alertNames}::text[]) and state in ('sent', 'captured')`,
            ),
            bounces: alertSuppressions("bounce", alertNames),
            complaints: alertSuppressions("complain", alertNames),
          }).execute(db)
        : null,
    ]);
  return {
    statuses,
    openJobs: openJobs.rows,
    reviews: reviews.rows,
    waiting,
    applications: applications.rows,
    signups: signups.rows,
    revenue: revenue.rows.map((r) => ({ ...r, net: r.paid - r.refunded })),
    alerts: alerts ? alerts.rows : null,
  };
}
