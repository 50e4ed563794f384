import { type Kysely, sql } from "kysely";
import { recreateSearchSync } from "./lib/job-search-sync";

// Issue 14: lists and graph pages now pick their page of ids from job_search (decision 030),
// so it gets the orderings jobs had (newest, best paid, featured, by company), and the bottom
// of the yearly pay range, which a specialty page's pay summary reads.
const INDEXES = [
  "create index job_search_newest_idx on job_search (published_at desc, id desc)",
  "create index job_search_salary_idx on job_search (salary_max_annual desc nulls last, id desc)",
  "create index job_search_featured_idx on job_search (featured_until) where featured_until is not null",
  "create index job_search_company_idx on job_search (company_id, published_at desc)",
];
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table job_search add column salary_min_annual integer`.execute(db);
  await recreateSearchSync(db);
  await sql`update job_search s set salary_min_annual = j.salary_min_annual
    from jobs j where j.id = s.id and j.salary_min_annual is not null`.execute(db);
  for (const index of INDEXES) await sql.raw(index).execute(db);
  await sql`analyze job_search`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of INDEXES)
    await sql.raw(`drop index if exists ${index.split(" ")[2]}`).execute(db);
  await sql`alter table job_search drop column salary_min_annual`.execute(db);
  await recreateSearchSync(db);
}
