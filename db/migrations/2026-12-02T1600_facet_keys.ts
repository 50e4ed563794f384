import { type Kysely, sql } from "kysely";

// Issue 14, a fresh common keyword: the facet counts grouped up to 100k matching rows by their
// facet columns, two of them int arrays, and hashing the arrays cost about as much as finding
// the rows. Each distinct combination of the facet columns (setting, type, level, specialty
// ids, credential ids) now gets a small id in facet_keys, kept on the job_search row by a
// trigger on job_search itself; counts group by (facet_key, featured) and read the columns of
// each of the few hundred groups from facet_keys. Exact: one id per combination, by the
// unique index. Rows are never removed: there are as many as combinations ever posted.
const COLUMNS = ["setting", "employment_type", "level", "specialty_ids", "credential_ids"];
const list = (prefix = "") => COLUMNS.map((c) => prefix + c).join(", ");

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table facet_keys (
    id integer generated always as identity primary key,
    setting text not null,
    employment_type text not null,
    level text not null,
    specialty_ids integer[] not null,
    credential_ids integer[] not null,
    unique (${sql.raw(list())})
  )`.execute(db);
  await sql
    .raw(`insert into facet_keys (${list()}) select distinct ${list()} from job_search`)
    .execute(db);
  await sql`alter table job_search add column facet_key integer references facet_keys`.execute(db);
  await sql
    .raw(`update job_search s set facet_key = k.id from facet_keys k
      where (${list("k.")}) = (${list("s.")})`)
    .execute(db);
  await sql`alter table job_search alter column facet_key set not null`.execute(db);
  // The key of a row's combination, created on first use. An update that leaves the columns as
  // they were (the sync from jobs rewrites every column) keeps the key it has. `do update` (a
  // no-op) rather than `do nothing` so `returning` gives the id even when another transaction
  // created it first.
  await sql
    .raw(`create function job_search_facet_key() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' and (${list("new.")}) is not distinct from (${list("old.")}) then
        return new;
      end if;
      select id into new.facet_key from facet_keys where (${list()}) = (${list("new.")});
      if new.facet_key is null then
        insert into facet_keys (${list()}) values (${list("new.")})
        on conflict (${list()}) do update set setting = excluded.setting
        returning id into new.facet_key;
      end if;
      return new;
    end $$`)
    .execute(db);
  await sql
    .raw(`create trigger job_search_facet_key before insert or update of ${list()}
      on job_search for each row execute function job_search_facet_key()`)
    .execute(db);
  await sql`analyze job_search`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger job_search_facet_key on job_search`.execute(db);
  await sql`drop function job_search_facet_key()`.execute(db);
  await sql`alter table job_search drop column facet_key`.execute(db);
  await sql`drop table facet_keys`.execute(db);
}
