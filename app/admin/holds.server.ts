// Holds: a job is out of every public list (isOpen checks jobs.held_since) while its company
// or its poster is suspended, or while enough distinct people have reported it and no
// operator has decided yet. The clock is paused meanwhile: when the last reason goes away,
// the time held is added back, so the employer loses no paid day. One function decides, for
// any set of jobs, from the facts; every writer that changes a fact calls it.
// See docs/decisions/017-moderation-and-holds.md.
import { type Kysely, sql } from "kysely";
import type { DB } from "#db/types";

/** Open reports from this many different people take a job out of search. */
export const REPORTS_TO_HOLD = 3;

export type HoldScope = { jobIds: number[] } | { companyId: number } | { userId: number };

function scopeCondition(scope: HoldScope) {
  if ("jobIds" in scope) return sql`j.id = any(${scope.jobIds}::int[])`;
  if ("companyId" in scope) return sql`j.company_id = ${scope.companyId}`;
  return sql`j.created_by = ${scope.userId}`;
}

/** Why a job should be held, as SQL over `j` (jobs): the one definition. */
const shouldHold = sql<boolean>`(
  exists (select 1 from companies c where c.id = j.company_id and c.suspended_at is not null)
  or exists (select 1 from users u where u.id = j.created_by and u.suspended_at is not null)
  or (select count(distinct r.reporter_hash) from reports r
       where r.job_id = j.id and r.status = 'open') >= ${REPORTS_TO_HOLD}
)`;

/** Brings held_since in line with the facts for the jobs in scope; returns what changed. */
export async function syncJobHolds(trx: Kysely<DB>, scope: HoldScope, now = new Date()) {
  if ("jobIds" in scope && scope.jobIds.length === 0) return { held: [], released: [] };
  const where = scopeCondition(scope);
  const held = await sql<{ id: number }>`
    update jobs j set held_since = ${now}
     where ${where} and j.held_since is null and ${shouldHold}
    returning j.id
  `.execute(trx);
  // Days left are restored: a live job's end (and its featured end) move by the time held.
  const released = await sql<{ id: number }>`
    update jobs j set
      valid_through = case when j.status = 'published'
                           then j.valid_through + (${now}::timestamptz - j.held_since)
                           else j.valid_through end,
      featured_until = case when j.status = 'published' and j.featured_until is not null
                            then j.featured_until + (${now}::timestamptz - j.held_since)
                            else j.featured_until end,
      held_since = null,
      updated_at = ${now}
     where ${where} and j.held_since is not null and not ${shouldHold}
    returning j.id
  `.execute(trx);
  return { held: held.rows.map((r) => r.id), released: released.rows.map((r) => r.id) };
}
