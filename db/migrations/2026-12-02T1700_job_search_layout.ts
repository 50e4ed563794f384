import { type Kysely, sql } from "kysely";
import { recreateSearchSync } from "./lib/job-search-sync";
import { reorderColumns } from "./lib/reorder-columns";

// Issue 14, a fresh common keyword: counting reads up to 100k job_search rows for their facet
// key, featured and open columns, and Postgres takes a row's columns apart from the first up
// to the last one a query needs. facet_key came last (T1600), behind the arrays and the
// 280-byte rank document, so every counted row was taken apart whole. Rewritten with what the
// counts read first, fixed-width and never-null columns leading (their offsets are cached):
// the count of a pair of words matching all open jobs went from ~47 ms to ~38 (decision 023).
//
// And page one's featured list tested the keyword on each featured job's search document (a
// ~2 kB toasted value, ~10 ms for the thousand featured jobs of the bench), or read the whole
// keyword index to AND it: a keyword index of the featured jobs alone answers it in a
// fraction of a millisecond (~3 ms for the list). A featured period that ended leaves its job
// in that index until the job leaves job_search; the list's `featured_until > now()` decides.
const COUNTED_FIRST = [
  "id",
  "facet_key",
  "valid_through",
  "featured_until",
  "held_since",
  "status",
  "company_id",
  "published_at",
  "salary_max_annual",
  "salary_min_annual",
  "latitude",
  "longitude",
  "setting",
  "employment_type",
  "level",
  "title",
  "remote_states",
  "specialty_ids",
  "credential_ids",
  "required_credential_ids",
  "code_range_ids",
  "named_codes",
  "named_families",
  "search_vector",
  "rank_vector",
];

// The order the earlier migrations left (T1300, T1410, T1411, T1510, T1600).
const AS_ADDED = [
  "id",
  "status",
  "valid_through",
  "held_since",
  "company_id",
  "title",
  "setting",
  "employment_type",
  "level",
  "salary_max_annual",
  "published_at",
  "featured_until",
  "latitude",
  "longitude",
  "remote_states",
  "specialty_ids",
  "credential_ids",
  "search_vector",
  "required_credential_ids",
  "code_range_ids",
  "named_codes",
  "named_families",
  "rank_vector",
  "salary_min_annual",
  "facet_key",
];

export async function up(db: Kysely<any>): Promise<void> {
  await reorderColumns(db, "job_search", COUNTED_FIRST);
  await recreateSearchSync(db);
  await sql`create index job_search_featured_vector_idx on job_search using gin (search_vector)
    where featured_until is not null`.execute(db);
  await sql`analyze job_search`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists job_search_featured_vector_idx`.execute(db);
  await reorderColumns(db, "job_search", AS_ADDED);
  await recreateSearchSync(db);
}
