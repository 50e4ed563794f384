// Matching alerts to jobs, set-based (decision 015): a newly published job against every
// instant alert in one statement, inside the publishing transaction; digests a batch of due
// alerts at a time against the jobs first published since each one's last run. Whether a job
// matches is decided by the shared search conditions (alertMatchConditions); the statements
// here only choose which pairs to test. Every email is queued through the outbox together
// with the alert_deliveries rows that keep a job from being sent to an alert twice.
import { createHash } from "node:crypto";
import { type Expression, expressionBuilder, type Kysely, type SqlBool, sql } from "kysely";
import type { DB } from "#db/types";
import { ALERT_EMAIL_TEMPLATE, type SendEmailInput, sendEmails } from "~/email/email.server";
import { isOpen } from "~/jobs/jobs.server";
import { jobConditions, NO_TERMS } from "~/search/conditions.server";
import { getDb } from "~/utils/db.server";
import type { StoredAlertEmail } from "./alert-email.server";
import { alertMatchConditions } from "./match-columns.server";
import { digestPeriod } from "./schedule.server";

/** Jobs shown in one email; the rest are counted ("and 14 more") and linked to the search. */
export const JOBS_PER_EMAIL = 10;
/** Due alerts handled per transaction. */
export const DIGEST_BATCH_SIZE = 1000;
// A job's first_published_at is its transaction's clock, which can trail the commit: a digest
// looks a little before its cursor, and alert_deliveries keeps the overlap from repeating.
const CURSOR_OVERLAP = sql`interval '15 minutes'`;
// However long an alert waited (a worker outage), a digest covers at most this much.
const LONGEST_WINDOW = sql`interval '8 days'`;

type Match = { alert_id: number; job_id: number; recipient: string; total: number };

const and = (conditions: Expression<SqlBool>[]) =>
  sql<SqlBool>`(${sql.join(conditions, sql` and `)})`;

/** Alerts live for sending: confirmed, not paused, and writing to an address we may write to. */
const active = sql<SqlBool>`(alerts.confirmed_at is not null and alerts.paused_at is null
  and not exists (select 1 from email_suppressions s where s.email = lower(coalesce(users.email, alerts.email))))`;

const recipient = sql<string>`coalesce(users.email, alerts.email)`;

const notDelivered = sql<SqlBool>`not exists (select 1 from alert_deliveries d where d.alert_id = alerts.id and d.job_id = jobs.id)`;

const isOpenJob = isOpen(expressionBuilder<DB, "jobs">());

/** Featured first, then newest (what "first in alert emails" on the Featured plan promises). */
const emailOrder = sql`coalesce(jobs.featured_until > now(), false) desc, jobs.first_published_at desc, jobs.id desc`;

function dedupeKey(parts: (string | number)[]) {
  const key = parts.join(":");
  return key.length <= 200 ? key : `${parts[0]}:${createHash("sha256").update(key).digest("hex")}`;
}

/**
 * Queues one email per alert with its first JOBS_PER_EMAIL matches (rows arrive in email
 * order) and records those jobs as delivered, in the caller's transaction.
 */
async function queueAlertEmails(
  trx: Kysely<DB>,
  matches: Match[],
  kind: StoredAlertEmail["kind"],
  period: string | null,
) {
  const byAlert = new Map<number, Match[]>();
  for (const match of matches) {
    const list = byAlert.get(match.alert_id);
    if (list) list.push(match);
    else byAlert.set(match.alert_id, [match]);
  }
  const emails: SendEmailInput[] = [];
  const delivered: { alertIds: number[]; jobIds: number[] } = { alertIds: [], jobIds: [] };
  for (const [alertId, list] of byAlert) {
    const shown = list.slice(0, JOBS_PER_EMAIL).map((m) => m.job_id);
    for (const jobId of shown) {
      delivered.alertIds.push(alertId);
      delivered.jobIds.push(jobId);
    }
    const props: StoredAlertEmail = {
      alertId,
      kind,
      jobIds: shown,
      more: Math.max(0, list[0].total - shown.length),
    };
    emails.push({
      to: list[0].recipient,
      template: ALERT_EMAIL_TEMPLATE,
      props,
      // One email per alert and period (digests) or per alert and published jobs (instant).
      dedupeKey: dedupeKey(["alert", alertId, kind, period ?? shown.join("-")]),
    });
  }
  if (delivered.alertIds.length) {
    await sql`insert into alert_deliveries (alert_id, job_id)
      select * from unnest(${delivered.alertIds}::int[], ${delivered.jobIds}::int[])
      on conflict do nothing`.execute(trx);
  }
  return sendEmails(emails, trx);
}

/**
 * Instant alerts for jobs that just went live for the first time (renewals do not call it).
 * Runs in the publishing transaction: the emails exist if and only if the job is published.
 */
export async function matchInstantAlerts(trx: Kysely<DB>, jobIds: number[]) {
  if (jobIds.length === 0) return { alerts: 0, emails: 0 };
  const { rows } = await sql<Match>`
    select alerts.id as alert_id, jobs.id as job_id, ${recipient} as recipient,
           (count(*) over (partition by alerts.id))::int as total
      from jobs
      cross join alerts
      left join users on users.id = alerts.user_id
     where jobs.id = any(${jobIds}::int[]) and ${isOpenJob}
       and alerts.frequency = 'instant' and ${active}
       and ${and(alertMatchConditions())}
       and ${notDelivered}
     order by alerts.id, ${emailOrder}`.execute(trx);
  const emails = await queueAlertEmails(trx, rows, "instant", null);
  return { alerts: new Set(rows.map((r) => r.alert_id)).size, emails };
}

type Group = { frequency: "daily" | "weekly"; time_zone: string; period: string };

/** Batches in flight at once per run: the matching is database work, one core each. */
export const DIGEST_CONCURRENCY = 2;

/**
 * Sends every due daily and weekly digest: for each frequency and time zone whose 7:00 has
 * passed, due alerts are claimed a batch at a time (FOR UPDATE SKIP LOCKED, so any number of
 * workers share the work without overlap), matched, queued and marked with the period in one
 * transaction. A crash loses the open batch's transaction, never half of it; a second run of a
 * period finds nothing due.
 */
export async function runDueDigests({
  now = new Date(),
  batchSize = DIGEST_BATCH_SIZE,
  concurrency = DIGEST_CONCURRENCY,
  db = getDb(),
}: {
  now?: Date;
  batchSize?: number;
  concurrency?: number;
  db?: Kysely<DB>;
} = {}) {
  const { rows: groups } = await sql<Group>`
    select g.frequency, g.time_zone,
           ${digestPeriod(sql.ref("g.frequency"), sql.ref("g.time_zone"), sql.val(now))}::text as period
      from (select distinct frequency, time_zone from alerts
             where frequency <> 'instant' and confirmed_at is not null and paused_at is null) g
     order by g.frequency, g.time_zone`.execute(db);
  const due = (group: Group) => sql<SqlBool>`(alerts.frequency = ${group.frequency}
    and alerts.time_zone = ${group.time_zone}
    and alerts.confirmed_at is not null and alerts.paused_at is null
    and (alerts.digest_period is null or alerts.digest_period < ${group.period}::date))`;
  const totals = { alerts: 0, emails: 0 };
  // Daily and weekly alerts look back over different spans: each frequency has its window of
  // jobs, and its keyword matches, shared by all its time zones.
  for (const frequency of ["daily", "weekly"] as const) {
    const mine = groups.filter((g) => g.frequency === frequency);
    if (mine.length === 0) continue;
    const window = await digestWindow(db, sql.join(mine.map(due), sql` or `), now);
    const keywords = new KeywordMatches(window);
    for (const group of mine) {
      const claim = claimer(due(group), batchSize);
      const loop = async () => {
        for (;;) {
          const result = await db.transaction().execute(async (trx) => {
            const ids = await claim(trx);
            if (ids.length === 0) return null;
            const matches = window
              ? await matchDigestBatch(trx, { ids, window, keywords, now })
              : [];
            const emails = await queueAlertEmails(trx, matches, group.frequency, group.period);
            await sql`update alerts set digest_period = ${group.period}::date, digest_cursor = ${now}
              where id = any(${ids}::int[])`.execute(trx);
            return { alerts: ids.length, emails };
          });
          if (!result) return;
          totals.alerts += result.alerts;
          totals.emails += result.emails;
        }
      };
      await Promise.all(Array.from({ length: concurrency }, loop));
    }
  }
  return totals;
}

/**
 * Due alerts in search order (alerts of one search come together, see matchDigestBatch), from
 * where this run got to. Rows another transaction holds are skipped (it sends them); rows it
 * finished are no longer due.
 */
function claimer(due: Expression<SqlBool>, batchSize: number) {
  let after = { query: "", id: 0 };
  return async (trx: Kysely<DB>) => {
    const { rows } = await sql<{ id: number; query: string }>`
      select alerts.id, alerts.query from alerts
       where ${due} and (alerts.query collate "C", alerts.id) > (${after.query}, ${after.id})
       order by alerts.query collate "C", alerts.id limit ${batchSize} for update skip locked`.execute(
      trx,
    );
    // Two loops share the position; it only moves forward. Queries are ASCII (URL-encoded), so
    // JavaScript compares them as the "C" collation does.
    const last = rows[rows.length - 1];
    if (last && (last.query > after.query || (last.query === after.query && last.id > after.id)))
      after = { query: last.query, id: last.id };
    return rows.map((row) => row.id);
  };
}

/**
 * The jobs any due alert may get: open, first published since the oldest cursor (at most a
 * week back) and by the run's time. Null when no alert is due.
 */
async function digestWindow(db: Kysely<DB>, due: Expression<SqlBool>, now: Date) {
  const { rows } = await sql<{ from: Date | null }>`
    select greatest(min(coalesce(alerts.digest_cursor, alerts.confirmed_at)),
                    ${now}::timestamptz - ${LONGEST_WINDOW}) - ${CURSOR_OVERLAP} as "from"
      from alerts where ${due}`.execute(db);
  const from = rows[0]?.from;
  if (!from) return null;
  // Read through jobs_open_window_idx alone (it carries every column the matching reads).
  return sql<SqlBool>`(${isOpenJob} and jobs.first_published_at > ${from}
    and jobs.first_published_at <= ${now})`;
}

type Window = NonNullable<Awaited<ReturnType<typeof digestWindow>>>;

/**
 * Which window jobs each keyword query finds, computed once per distinct query for the whole
 * run (thousands of alerts share a few hundred queries) and handed to each batch's statement.
 */
class KeywordMatches {
  private found = new Map<string, number[] | Promise<void>>();
  constructor(private window: Window | null) {}

  private async lookUp(trx: Kysely<DB>, missing: string[]) {
    // The keyword condition of the shared definition, the query as its operand. Each job's
    // document is decompressed once (the concatenation), not once per query.
    const matches = jobConditions({ ...NO_TERMS, tsquery: { value: sql.ref("q.tsq") } }).keyword;
    const { rows } = await sql<{ q: string; ids: number[] }>`
      with jobs as materialized (
        select id, search_vector || ''::tsvector as search_vector from jobs where ${this.window}
      )
      select q.q, array_agg(jobs.id) as ids
        from unnest(${missing}::text[], ${missing}::tsquery[]) as q(q, tsq)
        join jobs on ${matches}
       group by q.q`.execute(trx);
    for (const q of missing) this.found.set(q, []);
    for (const hit of rows) this.found.set(hit.q, hit.ids);
  }

  async pairs(trx: Kysely<DB>, ids: number[]) {
    const { rows } = await sql<{ q: string }>`
      select distinct match_tsquery::text as q from alerts
       where id = any(${ids}::int[]) and match_tsquery is not null`.execute(trx);
    const missing = rows.map((r) => r.q).filter((q) => !this.found.has(q));
    if (missing.length) {
      // Concurrent batches wait for one look-up rather than each running it.
      const pending = this.lookUp(trx, missing);
      for (const q of missing) this.found.set(q, pending);
      await pending;
    }
    await Promise.all(rows.map(({ q }) => this.found.get(q)));
    const queries: string[] = [];
    const jobIds: number[] = [];
    for (const { q } of rows) {
      for (const id of (this.found.get(q) as number[]) ?? []) {
        queries.push(q);
        jobIds.push(id);
      }
    }
    return { queries, jobIds };
  }
}

/**
 * What makes two alerts match the same jobs: their match columns (alerts saved from the same
 * search have the same ones).
 */
const searchKey = sql<string>`md5(row(alerts.match_tsquery, alerts.match_specialty_ids,
  alerts.match_credential_ids, alerts.match_settings, alerts.match_types, alerts.match_levels,
  alerts.match_salary_min, alerts.match_posted_days, alerts.match_company_id, alerts.match_latitude,
  alerts.match_longitude, alerts.match_state, alerts.match_radius)::text)`;

/**
 * One statement per batch. Each distinct search of the batch is matched once, through one
 * alert that has it (batches are claimed in search order, so alerts sharing a search are
 * matched together); the result is then shared by every alert of that search, each keeping
 * only jobs new since its own last digest and never delivered to it. Candidate pairs come
 * from each search's most selective filter (keywords, else specialties, else credentials,
 * else work settings, else every window job), so the shared conditions run on a few pairs
 * per search rather than on every search × job.
 */
async function matchDigestBatch(
  trx: Kysely<DB>,
  input: { ids: number[]; window: Window; keywords: KeywordMatches; now: Date },
) {
  const { ids, window, now } = input;
  const kw = await input.keywords.pairs(trx, ids);
  // The planner cannot size the candidate pairs and would rather test every search × job:
  // joins run in the order written (candidates first, then their search and job).
  await sql`set local join_collapse_limit = 1`.execute(trx);
  const { rows } = await sql<Match>`
    with batch as materialized (
      -- The batch's alerts that write to an address we may write to, keyed by search.
      select alerts.id, coalesce(alerts.digest_cursor, alerts.confirmed_at) as cursor,
             ${recipient} as recipient, ${searchKey} as search
        from alerts left join users on users.id = alerts.user_id
       where alerts.id = any(${ids}::int[]) and ${active}
    ),
    searches as materialized (
      -- One alert per distinct search, as the conditions read it.
      select alerts.*, alerts.match_tsquery::text as q, s.search
        from (select search, min(id) as id from batch group by search) s
        join alerts on alerts.id = s.id
    ),
    win as materialized (
      -- The window's open jobs, with the columns the conditions and the email order read.
      select jobs.id, jobs.company_id, jobs.setting, jobs.employment_type, jobs.level,
             jobs.salary_max_annual, jobs.published_at, jobs.first_published_at,
             jobs.featured_until, jobs.latitude, jobs.longitude, jobs.remote_states,
             jobs.specialty_ids, jobs.credential_ids
        from jobs where ${window}
    ),
    win_specialties as materialized (
      select js.job_id, js.specialty_id from job_specialties js join win on win.id = js.job_id
    ),
    win_credentials as materialized (
      select jc.job_id, jc.credential_id from job_credentials jc join win on win.id = jc.job_id
    ),
    candidates as (
      select s.search, k.job_id
        from searches s join unnest(${kw.queries}::text[], ${kw.jobIds}::int[]) as k(q, job_id) on k.q = s.q
      union all
      select distinct s.search, ws.job_id
        from searches s cross join lateral unnest(s.match_specialty_ids) as sp(id)
        join win_specialties ws on ws.specialty_id = sp.id
       where s.q is null
      union all
      select distinct s.search, wc.job_id
        from searches s cross join lateral unnest(s.match_credential_ids) as c(id)
        join win_credentials wc on wc.credential_id = c.id
       where s.q is null and cardinality(s.match_specialty_ids) = 0
      union all
      select s.search, w.id
        from searches s cross join lateral unnest(s.match_settings) as st(setting)
        join win w on w.setting = st.setting
       where s.q is null and cardinality(s.match_specialty_ids) = 0
         and cardinality(s.match_credential_ids) = 0
      union all
      select s.search, w.id
        from searches s cross join win w
       where s.q is null and cardinality(s.match_specialty_ids) = 0
         and cardinality(s.match_credential_ids) = 0 and cardinality(s.match_settings) = 0
    ),
    search_matches as materialized (
      -- Keyword candidates passed the keyword condition already (KeywordMatches).
      select c.search, jobs.id, jobs.first_published_at, jobs.featured_until
        from candidates c
        join searches as alerts on alerts.search = c.search
        join win as jobs on jobs.id = c.job_id
       where ${and(alertMatchConditions({ keyword: false }))}
    ),
    lists as materialized (
      -- Alerts of one search with one cursor (most of them: the last run set it) share a list:
      -- the search's jobs new since that cursor, in email order, counted once.
      select k.search, k.cursor, jobs.id as job_id, jobs.first_published_at,
             row_number() over (partition by k.search, k.cursor order by ${emailOrder}) as rn,
             count(*) over (partition by k.search, k.cursor) as total
        from (select distinct search, cursor from batch) k
        join search_matches as jobs on jobs.search = k.search
       where jobs.first_published_at > greatest(k.cursor, ${now}::timestamptz - ${LONGEST_WINDOW})
               - ${CURSOR_OVERLAP}
    ),
    sent_before as materialized (
      -- Jobs of a list already delivered to the alert. Every job delivered to an alert was
      -- first published by its cursor (a run delivers only jobs up to its time, then moves
      -- the cursor there; a change of frequency or a resume moves it to now), so only the
      -- overlap before the cursor is looked up.
      select alerts.id as alert_id, jobs.job_id
        from batch as alerts
        join lists as jobs on jobs.search = alerts.search and jobs.cursor = alerts.cursor
       where jobs.first_published_at <= jobs.cursor
         and exists (select 1 from alert_deliveries d
                      where d.alert_id = alerts.id and d.job_id = jobs.job_id)
    ),
    shown as (
      -- Each alert's first jobs of its list, skipping those it got before.
      select alerts.id as alert_id, l.job_id, alerts.recipient,
             (l.total - coalesce(s.n, 0))::int as total,
             row_number() over (partition by alerts.id order by l.rn) as position
        from batch as alerts
        left join (select alert_id, count(*) as n from sent_before group by alert_id) s
               on s.alert_id = alerts.id
        join lists l on l.search = alerts.search and l.cursor = alerts.cursor
                    and l.rn <= ${JOBS_PER_EMAIL} + coalesce(s.n, 0)
       where not exists (select 1 from sent_before x
                          where x.alert_id = alerts.id and x.job_id = l.job_id)
    )
    select alert_id, job_id, recipient, total from shown
     where position <= ${JOBS_PER_EMAIL}
     order by alert_id, position`.execute(trx);
  return rows;
}
