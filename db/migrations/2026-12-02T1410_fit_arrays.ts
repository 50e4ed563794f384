import { type Kysely, sql } from "kysely";
import { recreateSearchSync } from "./lib/job-search-sync";

// Issue 15: what a coder's fit is tested on, as arrays on the job row and on job_search (the
// narrow copy of published jobs, migration T1300), so "only jobs whose required credentials I
// hold" and "Jobs that fit you" read one narrow row per job instead of joining link tables:
// - required_credential_ids: the credentials a job REQUIRES (credential_ids holds required and
//   preferred alike), kept by the statement triggers on job_credentials;
// - code_range_ids: every code range (code_ranges.id, at every level; ids are stable, the
//   reference seed upserts ranges by ref) containing a code the posting names, kept by a
//   statement trigger on job_codes and recomputed for all jobs when a range's bounds change.
//   A coder's code families are ranges, so "names a code from your families" is one overlap
//   of int arrays (text arrays compare by collation, several times slower);
// - named_codes, named_families: the codes the posting names and their families, from the same
//   trigger, so a code page's tiers are GIN lookups on the narrow row (decision 025).

/**
 * Code ranges containing a job_codes row, by the rule of `codeInRange` in
 * app/codes/job-lists.server.ts: ICD-10-CM by the category (first three characters), ICD-10-PCS
 * by the prefix the bounds have, other systems inside the bounds with the same shape.
 */
const RANGES_OF_JOB = (job: string) => `coalesce((
  select array_agg(distinct r.id order by r.id) from job_codes jc
  join code_ranges r on r.system = jc.system and case
    when r.system = 'ICD-10-CM' then left(jc.code, 3) collate "C" between r.from_code and r.to_code
    when r.system = 'ICD-10-PCS' then left(jc.code, length(r.from_code)) collate "C" between r.from_code and r.to_code
    else jc.code collate "C" >= r.from_code collate "C" and jc.code collate "C" <= r.to_code collate "C"
      and translate(jc.code, '0123456789', '9999999999') = translate(r.from_code, '0123456789', '9999999999')
    end
  where jc.job_id = ${job}), '{}')`;

/** The codes a job names, and their families (job_codes.code and .family). */
const CODES_OF_JOB = (job: string, column: "code" | "family") => `coalesce((
  select array_agg(distinct jc.${column} order by jc.${column}) from job_codes jc where jc.job_id = ${job}), '{}')`;

/** Everything the job_codes trigger keeps on the job row. */
const CODE_ARRAYS = (job: string) =>
  `code_range_ids = ${RANGES_OF_JOB(job)}, named_codes = ${CODES_OF_JOB(job, "code")}, named_families = ${CODES_OF_JOB(job, "family")}`;

const REQUIRED_OF_JOB = (job: string) => `coalesce(
  (select array_agg(distinct l.credential_id order by l.credential_id) from job_credentials l
   where l.job_id = ${job} and l.required), '{}')`;

const ALL_OF_JOB = (job: string) => `coalesce(
  (select array_agg(distinct l.credential_id order by l.credential_id) from job_credentials l
   where l.job_id = ${job}), '{}')`;

const syncCredentials = (withRequired: boolean) => {
  const set = withRequired
    ? `credential_ids = ${ALL_OF_JOB("j.id")}, required_credential_ids = ${REQUIRED_OF_JOB("j.id")}`
    : `credential_ids = ${ALL_OF_JOB("j.id")}`;
  return `create or replace function job_credentials_sync_ids() returns trigger language plpgsql as $$
  begin
    if tg_op in ('INSERT', 'UPDATE') then
      update jobs j set ${set} where j.id in (select distinct job_id from new_rows);
    end if;
    if tg_op in ('DELETE', 'UPDATE') then
      update jobs j set ${set} where j.id in (select distinct job_id from old_rows);
    end if;
    return null;
  end $$`;
};

/** After-statement triggers for insert, update and delete, with their transition tables. */
async function statementTriggers(db: Kysely<any>, table: string, name: string, fn: string) {
  for (const [suffix, event, tables] of [
    ["ins", "insert", "new table as new_rows"],
    ["upd", "update", "new table as new_rows old table as old_rows"],
    ["del", "delete", "old table as old_rows"],
  ] as const) {
    await sql
      .raw(
        `create trigger ${name}_${suffix} after ${event} on ${table} referencing ${tables} for each statement execute function ${fn}()`,
      )
      .execute(db);
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  const columns = sql.raw(`
    add column required_credential_ids integer[] not null default '{}',
    add column code_range_ids integer[] not null default '{}',
    add column named_codes text[] not null default '{}',
    add column named_families text[] not null default '{}'`);
  await sql`alter table jobs ${columns}`.execute(db);
  await sql`alter table job_search ${columns}`.execute(db);
  await sql`alter table job_search
    alter column required_credential_ids set storage plain,
    alter column code_range_ids set storage plain,
    alter column named_codes set storage plain,
    alter column named_families set storage plain`.execute(db);
  await recreateSearchSync(db);
  await sql.raw(syncCredentials(true)).execute(db);

  await sql
    .raw(`create function job_codes_sync_ranges() returns trigger language plpgsql as $$
    begin
      if tg_op in ('INSERT', 'UPDATE') then
        update jobs j set ${CODE_ARRAYS("j.id")}
        where j.id in (select distinct job_id from new_rows);
      end if;
      if tg_op in ('DELETE', 'UPDATE') then
        update jobs j set ${CODE_ARRAYS("j.id")}
        where j.id in (select distinct job_id from old_rows);
      end if;
      return null;
    end $$`)
    .execute(db);
  await statementTriggers(db, "job_codes", "job_codes_ranges", "job_codes_sync_ranges");
  // A range added, removed or moved (the reference seed upserts every range at each start,
  // mostly unchanged): only then every job's ranges are computed again.
  await sql
    .raw(`create function code_ranges_sync_jobs() returns trigger language plpgsql as $$
    begin
      -- An upsert fires the INSERT and UPDATE statement triggers even when it changed nothing.
      -- (Nested IFs: each names only the transition table its event has.)
      if tg_op = 'INSERT' then
        if not exists (select 1 from new_rows) then return null; end if;
      elsif tg_op = 'DELETE' then
        if not exists (select 1 from old_rows) then return null; end if;
      else
        if not exists (
          select 1 from new_rows n join old_rows o on o.id = n.id
          where (n.ref, n.system, n.from_code, n.to_code) is distinct from (o.ref, o.system, o.from_code, o.to_code)) then
          return null;
        end if;
      end if;
      update jobs j set code_range_ids = ${RANGES_OF_JOB("j.id")}
      where j.id in (select distinct job_id from job_codes);
      return null;
    end $$`)
    .execute(db);
  await statementTriggers(db, "code_ranges", "code_ranges_jobs", "code_ranges_sync_jobs");

  // Range and code pages find the open jobs naming a code in a range by code_range_ids; a
  // coder's matches intersect these with the specialty index (app/jobs/matches.server.ts).
  await sql`create index job_search_code_range_idx on job_search using gin (code_range_ids)`.execute(
    db,
  );
  // Code pages: postings that name the code, then another code of its family (decision 025).
  await sql`create index job_search_named_codes_idx on job_search using gin (named_codes)`.execute(
    db,
  );
  await sql`create index job_search_named_families_idx on job_search using gin (named_families)`.execute(
    db,
  );
  await sql`create index job_search_required_credential_idx on job_search using gin (required_credential_ids)`.execute(
    db,
  );
  // With the GIN index above, "requires none, or one I hold" is a BitmapOr of two indexes.
  await sql`create index job_search_open_to_all_idx on job_search (id) where cardinality(required_credential_ids) = 0`.execute(
    db,
  );
  // Backfill (the row trigger on jobs copies published jobs into job_search).
  await sql`update jobs j set required_credential_ids = l.ids
    from (select job_id, array_agg(distinct credential_id order by credential_id) as ids
          from job_credentials where required group by job_id) l
    where l.job_id = j.id`.execute(db);
  await sql
    .raw(`update jobs j set ${CODE_ARRAYS("j.id")}
    where j.id in (select distinct job_id from job_codes)`)
    .execute(db);
  await sql`analyze job_search`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const suffix of ["ins", "upd", "del"]) {
    await sql.raw(`drop trigger if exists code_ranges_jobs_${suffix} on code_ranges`).execute(db);
    await sql.raw(`drop trigger if exists job_codes_ranges_${suffix} on job_codes`).execute(db);
  }
  await sql`drop function if exists code_ranges_sync_jobs()`.execute(db);
  await sql`drop function if exists job_codes_sync_ranges()`.execute(db);
  await sql.raw(syncCredentials(false)).execute(db);
  const columns = sql.raw(
    "drop column required_credential_ids, drop column code_range_ids, drop column named_codes, drop column named_families",
  );
  await sql`alter table job_search ${columns}`.execute(db);
  await recreateSearchSync(db);
  await sql`alter table jobs ${columns}`.execute(db);
}
