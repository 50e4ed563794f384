import { type Kysely, sql } from "kysely";

/** job_search columns kept by job_search's own triggers, not copied from jobs (T1600). */
const OWN_COLUMNS = ["facet_key"];

/**
 * Which jobs job_search holds: the published jobs not on hold (since T1710; before it, held
 * jobs too). Queries on job_search test only the rest of "open" (isOpenSearchRow).
 */
export const LISTED = "new.status = 'published' and new.held_since is null";

/**
 * The row trigger on jobs that keeps job_search (migration T1300), written from job_search's
 * own columns: each column that is not generated (nor in OWN_COLUMNS) is copied from the job
 * row of the same name. Adding a column to job_search and to jobs, then calling this, is the
 * whole change.
 */
export async function recreateSearchSync(db: Kysely<any>, { listed = LISTED } = {}) {
  const columns = await copiedColumns(db);
  const values = columns.map((c) => `new.${c}`).join(", ");
  const updates = columns
    .filter((c) => c !== "id")
    .map((c) => `${c} = excluded.${c}`)
    .join(", ");
  await sql
    .raw(`create or replace function jobs_sync_search() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        delete from job_search where id = old.id;
      elsif not (${listed}) then
        delete from job_search where id = new.id;
      else
        insert into job_search (${columns.join(", ")}) values (${values})
        on conflict (id) do update set ${updates};
      end if;
      return null;
    end $$`)
    .execute(db);
}

/** The job_search columns copied from jobs, in the table's order. */
export async function copiedColumns(db: Kysely<any>) {
  const { rows } = await sql<{ column_name: string }>`
    select column_name from information_schema.columns
    where table_schema = current_schema() and table_name = 'job_search' and is_generated = 'NEVER'
      and column_name not in (${sql.join(OWN_COLUMNS)})
    order by ordinal_position`.execute(db);
  return rows.map((r) => r.column_name);
}
