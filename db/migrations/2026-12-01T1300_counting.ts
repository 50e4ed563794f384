import { type Kysely, sql } from "kysely";
import { markdownToText, renderMarkdown } from "../../app/utils/markdown.server";

// Issue 14: data shaped for counting and for serving without per-request work.
// - jobs.specialty_ids / credential_ids: the job's link rows as int arrays, kept by statement
//   triggers on job_specialties and job_credentials (whatever writes the links, the arrays
//   follow in the same transaction), so facet counts and filters read the job row alone.
// - jobs.description_html / description_text: the description rendered and sanitized once,
//   when it is saved. A trigger clears both when the description changes without them, so a
//   stale rendering is never served (readers render and store it again).
/** What public pages show: a change to any of these makes every cached page older. */
const PAGE_TABLES = [
  "jobs",
  "companies",
  "job_specialties",
  "job_credentials",
  "specialties",
  "credentials",
  "codes",
  "code_ranges",
  "code_specialties",
  "code_range_specialties",
  "specialty_code_ranges",
  "credential_specialties",
];

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table jobs
    add column specialty_ids integer[] not null default '{}',
    add column credential_ids integer[] not null default '{}',
    add column description_html text,
    add column description_text text`.execute(db);

  for (const [table, column, key] of [
    ["job_specialties", "specialty_ids", "specialty_id"],
    ["job_credentials", "credential_ids", "credential_id"],
  ] as const) {
    const fn = `${table}_sync_ids`;
    await sql
      .raw(`create function ${fn}() returns trigger language plpgsql as $$
      begin
        if tg_op in ('INSERT', 'UPDATE') then
          update jobs j set ${column} = coalesce(
            (select array_agg(distinct l.${key} order by l.${key}) from ${table} l where l.job_id = j.id), '{}')
          where j.id in (select distinct job_id from new_rows);
        end if;
        if tg_op in ('DELETE', 'UPDATE') then
          update jobs j set ${column} = coalesce(
            (select array_agg(distinct l.${key} order by l.${key}) from ${table} l where l.job_id = j.id), '{}')
          where j.id in (select distinct job_id from old_rows);
        end if;
        return null;
      end $$`)
      .execute(db);
    await sql
      .raw(
        `create trigger ${table}_ids_ins after insert on ${table} referencing new table as new_rows for each statement execute function ${fn}()`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger ${table}_ids_upd after update on ${table} referencing new table as new_rows old table as old_rows for each statement execute function ${fn}()`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger ${table}_ids_del after delete on ${table} referencing old table as old_rows for each statement execute function ${fn}()`,
      )
      .execute(db);
    await sql
      .raw(
        `update jobs j set ${column} = l.ids from (select job_id, array_agg(distinct ${key} order by ${key}) as ids from ${table} group by job_id) l where l.job_id = j.id`,
      )
      .execute(db);
  }

  // Specialty and credential pages list open jobs by these arrays.
  await sql`create index jobs_open_specialty_ids_idx on jobs using gin (specialty_ids) where status = 'published'`.execute(
    db,
  );
  await sql`create index jobs_open_credential_ids_idx on jobs using gin (credential_ids) where status = 'published'`.execute(
    db,
  );

  await sql`create function jobs_description_html_guard() returns trigger language plpgsql as $$
    begin
      if new.description is distinct from old.description
         and new.description_html is not distinct from old.description_html then
        new.description_html := null;
        new.description_text := null;
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger jobs_description_html_guard before update of description on jobs
    for each row execute function jobs_description_html_guard()`.execute(db);

  // Backfill in id order; copies of one description share one rendering.
  const rendered = new Map<string, [string, string]>();
  let last = 0;
  for (;;) {
    const { rows } = await sql<{ id: number; description: string }>`
      select id, description from jobs where id > ${last} order by id limit 2000`.execute(db);
    if (!rows.length) break;
    last = rows[rows.length - 1].id;
    for (const r of rows) {
      if (!rendered.has(r.description)) {
        if (rendered.size > 5000) rendered.clear();
        rendered.set(r.description, [renderMarkdown(r.description), markdownToText(r.description)]);
      }
    }
    const html = rows.map((r) => rendered.get(r.description)?.[0] ?? "");
    const text = rows.map((r) => rendered.get(r.description)?.[1] ?? "");
    await sql`update jobs set description_html = r.html, description_text = r.text
      from unnest(${rows.map((r) => r.id)}::int[], ${html}::text[], ${text}::text[]) as r(id, html, text)
      where jobs.id = r.id`.execute(db);
  }
  // job_search: the published jobs, narrow, for counting. A search's total and facets read it
  // alone: ~150 bytes a row (the search document is moved out of line, toast_tuple_target),
  // so a keyword that matches every open job costs one GIN bitmap and a few thousand pages
  // rather than a page per wide job row. Kept by a row trigger on jobs in the same
  // transaction as every write, so it never disagrees with the list (which reads jobs).
  await sql`create table job_search (
    id integer primary key references jobs(id) on delete cascade,
    status text not null,
    valid_through timestamptz,
    held_since timestamptz,
    company_id integer not null,
    title text not null,
    setting text not null,
    employment_type text not null,
    level text not null,
    salary_max_annual integer,
    published_at timestamptz,
    featured_until timestamptz,
    latitude double precision,
    longitude double precision,
    remote_states text[] not null default '{}',
    specialty_ids integer[] not null default '{}',
    credential_ids integer[] not null default '{}',
    search_vector tsvector
  ) with (toast_tuple_target = 128)`.execute(db);
  // Only the search document goes out of line: what the counts group by stays in the row.
  await sql`alter table job_search
    alter column specialty_ids set storage plain,
    alter column credential_ids set storage plain,
    alter column remote_states set storage plain,
    alter column title set storage main`.execute(db);
  const columns =
    "id, status, valid_through, held_since, company_id, title, setting, employment_type, level, salary_max_annual, published_at, featured_until, latitude, longitude, remote_states, specialty_ids, credential_ids, search_vector";
  const values = columns
    .split(", ")
    .map((c) => `new.${c}`)
    .join(", ");
  const updates = columns
    .split(", ")
    .slice(1)
    .map((c) => `${c} = excluded.${c}`)
    .join(", ");
  await sql
    .raw(`create function jobs_sync_search() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        delete from job_search where id = old.id;
      elsif new.status <> 'published' then
        delete from job_search where id = new.id;
      else
        insert into job_search (${columns}) values (${values})
        on conflict (id) do update set ${updates};
      end if;
      return null;
    end $$`)
    .execute(db);
  await sql`create trigger jobs_sync_search after insert or update or delete on jobs
    for each row execute function jobs_sync_search()`.execute(db);
  await sql
    .raw(
      `insert into job_search (${columns}) select ${columns} from jobs where status = 'published'`,
    )
    .execute(db);
  await sql`create index job_search_vector_idx on job_search using gin (search_vector)`.execute(db);
  await sql`create index job_search_title_trgm_idx on job_search using gin (title gin_trgm_ops)`.execute(
    db,
  );
  await sql`create index job_search_geo_idx on job_search using gist (point(longitude, latitude)) where latitude is not null and longitude is not null`.execute(
    db,
  );
  await sql`create index job_search_specialty_idx on job_search using gin (specialty_ids)`.execute(
    db,
  );
  await sql`create index job_search_credential_idx on job_search using gin (credential_ids)`.execute(
    db,
  );
  await sql`analyze job_search`.execute(db);

  // The page cache's version (server/page-cache.ts, decision 023): one number every web
  // process compares its cached pages against. Bumped once per transaction that changes what
  // a public page shows, at commit time (a deferred constraint trigger takes the row lock
  // last, so job writers never deadlock on it), so a page rendered before the commit can never
  // be served after it.
  await sql`create table page_cache_version (
    id integer primary key default 1 check (id = 1),
    n bigint not null default 0
  )`.execute(db);
  await sql`insert into page_cache_version default values`.execute(db);
  await sql`create function page_cache_bump() returns trigger language plpgsql as $$
    begin
      if current_setting('medcode.page_cache_bumped', true) = 'yes' then return null; end if;
      perform set_config('medcode.page_cache_bumped', 'yes', true);
      update page_cache_version set n = n + 1;
      perform pg_notify('page_cache', '');
      return null;
    end $$`.execute(db);
  for (const table of PAGE_TABLES) {
    await sql
      .raw(
        `create constraint trigger ${table}_page_cache after insert or update or delete on ${table} deferrable initially deferred for each row execute function page_cache_bump()`,
      )
      .execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of PAGE_TABLES)
    await sql.raw(`drop trigger if exists ${table}_page_cache on ${table}`).execute(db);
  await sql`drop function if exists page_cache_bump()`.execute(db);
  await sql`drop table if exists page_cache_version`.execute(db);
  await sql`drop trigger if exists jobs_sync_search on jobs`.execute(db);
  await sql`drop function if exists jobs_sync_search()`.execute(db);
  await sql`drop table if exists job_search`.execute(db);
  await sql`drop index if exists jobs_open_specialty_ids_idx`.execute(db);
  await sql`drop index if exists jobs_open_credential_ids_idx`.execute(db);
  await sql`drop trigger if exists jobs_description_html_guard on jobs`.execute(db);
  await sql`drop function if exists jobs_description_html_guard()`.execute(db);
  for (const table of ["job_specialties", "job_credentials"]) {
    for (const suffix of ["ins", "upd", "del"])
      await sql.raw(`drop trigger if exists ${table}_ids_${suffix} on ${table}`).execute(db);
    await sql.raw(`drop function if exists ${table}_sync_ids()`).execute(db);
  }
  await sql`alter table jobs drop column specialty_ids, drop column credential_ids,
    drop column description_html, drop column description_text`.execute(db);
}
