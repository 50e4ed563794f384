import { type Kysely, sql } from "kysely";

// Code and range pages show what job_codes says (the codes a posting names): a change to it
// bumps the page cache's version like a change to jobs does (decision 023), so a cached code
// page never lists a job by a code it no longer names.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create constraint trigger job_codes_page_cache after insert or update or delete on job_codes
    deferrable initially deferred for each row execute function page_cache_bump()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists job_codes_page_cache on job_codes`.execute(db);
}
