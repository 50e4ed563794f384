import { type Kysely, sql } from "kysely";
import { recreateSearchSync } from "./lib/job-search-sync";

// Issue 14: a specialty page's pay summary read every open job of the specialty from the wide
// jobs table; with the bottom of the yearly pay range on job_search too, it reads narrow rows.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table job_search add column salary_min_annual integer`.execute(db);
  await recreateSearchSync(db);
  await sql`update job_search s set salary_min_annual = j.salary_min_annual
    from jobs j where j.id = s.id and j.salary_min_annual is not null`.execute(db);
  await sql`analyze job_search`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table job_search drop column salary_min_annual`.execute(db);
  await recreateSearchSync(db);
}
