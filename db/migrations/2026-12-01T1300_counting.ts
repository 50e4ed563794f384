import { type Kysely, sql } from "kysely";
import { markdownToText, renderMarkdown } from "../../app/utils/markdown.server";

// Issue 14: data shaped for counting and for serving without per-request work.
// - jobs.specialty_ids / credential_ids: the job's link rows as int arrays, kept by statement
//   triggers on job_specialties and job_credentials (whatever writes the links, the arrays
//   follow in the same transaction), so facet counts and filters read the job row alone.
// - jobs.description_html / description_text: the description rendered and sanitized once,
//   when it is saved. A trigger clears both when the description changes without them, so a
//   stale rendering is never served (readers render and store it again).
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
}

export async function down(db: Kysely<any>): Promise<void> {
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
