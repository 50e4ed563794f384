import { type Kysely, sql } from "kysely";
import { recreateSearchSync } from "./lib/job-search-sync";

// Issue 14, a fresh common keyword: ranking every match by its whole search document (title,
// tags and description, ~2 kB compressed) cost more than the rest of the search. Relevance now
// ranks by the title (A) and the specialties, credentials and company (B) alone, kept on the
// narrow job_search row as a generated column (ts_filter keeps those weights' lexemes with
// their positions); the description still decides which jobs match, newest first among equals.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table job_search add column rank_vector tsvector
    generated always as (ts_filter(search_vector, '{a,b}')) stored`.execute(db);
  // In the row, never compressed or moved out (job_search keeps rows small with a toast target
  // of 128 bytes, which would move it out otherwise): read for every match when ranking. Set
  // after the column is filled, so the rows are written again under it.
  await sql`alter table job_search alter column rank_vector set storage plain`.execute(db);
  await sql`update job_search set search_vector = search_vector`.execute(db);
  await recreateSearchSync(db);
  await sql`analyze job_search`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table job_search drop column rank_vector`.execute(db);
  await recreateSearchSync(db);
}
