// Matching alerts to jobs, set-based (decision 015): a newly published job against every
// instant alert in one statement, inside the publishing transaction; digests a batch of due
// alerts at a time against the jobs first published since each one's last run. Whether a job
// matches is decided by the shared search conditions (alertMatchConditions); the statements
// here only choose which pairs to test. Every email is queued through the outbox together
// with the alert_deliveries rows that keep a job from being sent to an alert twice.
import { createHash } from "node:crypto";
import { type Expression, type Kysely, type SqlBool, sql } from "kysely";
import type { DB } from "#db/types";
import { type SendEmailInput, sendEmails } from "~/email/email.server";
import { getDb } from "~/utils/db.server";
import type { StoredAlertEmail } from "./alert-email.server";
import { alertMatchConditions } from "./match-columns.server";
import { digestPeriod } from "./schedule.server";

/** Jobs shown in one email; the rest are counted ("and 14 more") and linked to the search. */
export const JOBS_PER_EMAIL = 10;
/** Due alerts handled per transaction. */
export const DIGEST_BATCH_SIZE = 500;
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

const isOpenJob = sql<SqlBool>`(jobs.status = 'published' and jobs.valid_through > now())`;

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
      template: "alert-jobs",
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
  db = getDb(),
}: {
  now?: Date;
  batchSize?: number;
  db?: Kysely<DB>;
} = {}) {
  const { rows: groups } = await sql<Group>`
    select g.frequency, g.time_zone,
           ${digestPeriod(sql.ref("g.frequency"), sql.ref("g.time_zone"), sql.val(now))}::text as period
      from (select distinct frequency, time_zone from alerts
             where frequency <> 'instant' and confirmed_at is not null and paused_at is null) g`.execute(
    db,
  );
  const totals = { alerts: 0, emails: 0 };
  for (const group of groups) {
    const due = sql<SqlBool>`(alerts.frequency = ${group.frequency} and alerts.time_zone = ${group.time_zone}
      and alerts.confirmed_at is not null and alerts.paused_at is null
      and (alerts.digest_period is null or alerts.digest_period < ${group.period}::date))`;
    const windowIds = await digestWindow(db, due, now);
    const keywords = new KeywordMatches(windowIds);
    let after = 0;
    for (;;) {
      const result = await db.transaction().execute(async (trx) => {
        // In id order from where this run got to; rows another worker holds are skipped (it
        // sends them), rows it finished are no longer due.
        const { rows: claimed } = await sql<{ id: number }>`
          select alerts.id from alerts where ${due} and alerts.id > ${after}
           order by alerts.id limit ${batchSize} for update skip locked`.execute(trx);
        if (claimed.length === 0) return null;
        after = claimed[claimed.length - 1].id;
        const ids = claimed.map((row) => row.id);
        const matches = windowIds.length
          ? await matchDigestBatch(trx, { ids, windowIds, keywords, now })
          : [];
        const emails = await queueAlertEmails(trx, matches, group.frequency, group.period);
        await sql`update alerts set digest_period = ${group.period}::date, digest_cursor = ${now}
          where id = any(${ids}::int[])`.execute(trx);
        return { alerts: ids.length, emails };
      });
      if (!result) break;
      totals.alerts += result.alerts;
      totals.emails += result.emails;
    }
  }
  return totals;
}

/** The jobs any due alert of the group may get: first published since the oldest cursor. */
async function digestWindow(db: Kysely<DB>, due: Expression<SqlBool>, now: Date) {
  const { rows } = await sql<{ id: number }>`
    select jobs.id from jobs
     where ${isOpenJob}
       and jobs.first_published_at <= ${now}
       and jobs.first_published_at > greatest(
             (select min(coalesce(alerts.digest_cursor, alerts.confirmed_at)) from alerts where ${due}),
             ${now}::timestamptz - ${LONGEST_WINDOW}) - ${CURSOR_OVERLAP}`.execute(db);
  return rows.map((row) => row.id);
}

/**
 * Which window jobs each keyword query finds, computed once per distinct query for the whole
 * run (thousands of alerts share a few hundred queries) and handed to each batch's statement.
 */
class KeywordMatches {
  private found = new Map<string, number[]>();
  constructor(private windowIds: number[]) {}

  async pairs(trx: Kysely<DB>, ids: number[]) {
    const { rows } = await sql<{ q: string }>`
      select distinct match_tsquery::text as q from alerts
       where id = any(${ids}::int[]) and match_tsquery is not null`.execute(trx);
    const missing = rows.map((r) => r.q).filter((q) => !this.found.has(q));
    if (missing.length) {
      for (const q of missing) this.found.set(q, []);
      const { rows: hits } = await sql<{ q: string; ids: number[] }>`
        select q.q, array_agg(jobs.id) as ids
          from unnest(${missing}::text[]) as q(q)
          join jobs on jobs.id = any(${this.windowIds}::int[]) and jobs.search_vector @@ q.q::tsquery
         group by q.q`.execute(trx);
      for (const hit of hits) this.found.set(hit.q, hit.ids);
    }
    const queries: string[] = [];
    const jobIds: number[] = [];
    for (const { q } of rows) {
      for (const id of this.found.get(q) ?? []) {
        queries.push(q);
        jobIds.push(id);
      }
    }
    return { queries, jobIds };
  }
}

/**
 * One statement per batch. Candidate pairs come from each alert's most selective filter
 * (keywords, else specialties, else credentials, else every window job), so the shared
 * conditions run on a few pairs per alert rather than on every alert × job.
 */
async function matchDigestBatch(
  trx: Kysely<DB>,
  input: { ids: number[]; windowIds: number[]; keywords: KeywordMatches; now: Date },
) {
  const { ids, windowIds, now } = input;
  const kw = await input.keywords.pairs(trx, ids);
  const { rows } = await sql<Match>`
    with batch as materialized (
      select id, match_tsquery::text as q, match_specialty_ids, match_credential_ids
        from alerts where id = any(${ids}::int[])
    ),
    win_specialties as materialized (
      select job_id, specialty_id from job_specialties where job_id = any(${windowIds}::int[])
    ),
    win_credentials as materialized (
      select job_id, credential_id from job_credentials where job_id = any(${windowIds}::int[])
    ),
    candidates as (
      select b.id as alert_id, k.job_id
        from batch b join unnest(${kw.queries}::text[], ${kw.jobIds}::int[]) as k(q, job_id) on k.q = b.q
      union all
      select distinct b.id, ws.job_id
        from batch b cross join lateral unnest(b.match_specialty_ids) as s(id)
        join win_specialties ws on ws.specialty_id = s.id
       where b.q is null
      union all
      select distinct b.id, wc.job_id
        from batch b cross join lateral unnest(b.match_credential_ids) as c(id)
        join win_credentials wc on wc.credential_id = c.id
       where b.q is null and cardinality(b.match_specialty_ids) = 0
      union all
      select b.id, w.id
        from batch b cross join unnest(${windowIds}::int[]) as w(id)
       where b.q is null and cardinality(b.match_specialty_ids) = 0
         and cardinality(b.match_credential_ids) = 0
    ),
    matched as (
      select alerts.id as alert_id, jobs.id as job_id, ${recipient} as recipient,
             row_number() over (partition by alerts.id order by ${emailOrder}) as rn,
             (count(*) over (partition by alerts.id))::int as total
        from candidates c
        join alerts on alerts.id = c.alert_id
        join jobs on jobs.id = c.job_id
        left join users on users.id = alerts.user_id
       where ${isOpenJob} and ${active}
         and jobs.first_published_at <= ${now}
         and jobs.first_published_at > greatest(coalesce(alerts.digest_cursor, alerts.confirmed_at),
               ${now}::timestamptz - ${LONGEST_WINDOW}) - ${CURSOR_OVERLAP}
         and ${and(alertMatchConditions())}
         and ${notDelivered}
    )
    select alert_id, job_id, recipient, total from matched
     where rn <= ${JOBS_PER_EMAIL}
     order by alert_id, rn`.execute(trx);
  return rows;
}
