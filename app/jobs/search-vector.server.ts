import { type Kysely, sql } from "kysely";
import type { DB } from "#db/types";

/**
 * Rebuilds the weighted search document of jobs: title (A); specialties, credentials and
 * company (B); description (C). Called by every write that changes one of those.
 */
export async function refreshSearchVectors(db: Kysely<DB>, jobIds?: number[]) {
  if (jobIds && jobIds.length === 0) return;
  await sql`
    update jobs j set search_vector =
      setweight(to_tsvector('english', unaccent(j.title)), 'A') ||
      setweight(to_tsvector('english', unaccent(coalesce(
        (select string_agg(s.name || ' ' || replace(s.slug, '-', ' '), ' ')
           from job_specialties js join specialties s on s.id = js.specialty_id where js.job_id = j.id), '')
        || ' ' || coalesce(
        (select string_agg(c.code || ' ' || c.name, ' ')
           from job_credentials jc join credentials c on c.id = jc.credential_id where jc.job_id = j.id), '')
        || ' ' || (select co.name from companies co where co.id = j.company_id))), 'B') ||
      setweight(to_tsvector('english', unaccent(j.description)), 'C')
    ${jobIds ? sql`where j.id = any(${jobIds}::int[])` : sql``}
  `.execute(db);
}
