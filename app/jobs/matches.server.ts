// "Jobs that fit you": open jobs ranked by how well they fit a coder's profile, in one query
// (docs/decisions/026-range-pages.md, "Matches"). Exact on credentials: a job that requires
// credentials is a fit only when the coder holds one of them (postings read "CPC or CCS"),
// unexpired; preferred credentials, specialties, code families, setting and pay only rank.
import { type Kysely, sql } from "kysely";
import type { DB } from "#db/types";
import { getDb } from "~/utils/db.server";
import { cardBaseQuery, isOpen } from "./jobs.server";

/** The coder's credentials that count today (unexpired). */
const heldCredentials = (userId: number) => sql`(
  select cc.credential_id from candidate_credentials cc
  where cc.user_id = ${userId} and (cc.expires_on is null or cc.expires_on > now()))`;

/** True when the job requires no credential, or one the coder holds. */
export const holdsRequired = (userId: number) => sql<boolean>`(
  not exists (select 1 from job_credentials jr where jr.job_id = jobs.id and jr.required)
  or exists (select 1 from job_credentials jr where jr.job_id = jobs.id and jr.required
             and jr.credential_id in ${heldCredentials(userId)}))`;

export async function listJobMatches(
  userId: number,
  { limit = 10, db = getDb() }: { limit?: number; db?: Kysely<DB> } = {},
) {
  const profile = sql`(select * from candidate_profiles cp where cp.user_id = ${userId})`;
  const rows = await cardBaseQuery(db)
    .select([
      sql<
        string[]
      >`array(select c.code from job_credentials jc join credentials c on c.id = jc.credential_id
        where jc.job_id = jobs.id and jc.required and jc.credential_id in ${heldCredentials(userId)} order by c.code)`.as(
        "required_met",
      ),
      sql<
        string[]
      >`array(select c.code from job_credentials jc join credentials c on c.id = jc.credential_id
        where jc.job_id = jobs.id and not jc.required and jc.credential_id in ${heldCredentials(userId)} order by c.code)`.as(
        "preferred_met",
      ),
      sql<
        string[]
      >`array(select s.name from job_specialties js join specialties s on s.id = js.specialty_id
        where js.job_id = jobs.id and s.slug = any(coalesce((select p.specialty_slugs from ${profile} p), '{}')) order by s.name)`.as(
        "specialties_met",
      ),
      sql<string[]>`array(select jc.code from job_codes jc join code_ranges r
          on r.ref = any(coalesce((select p.code_families from ${profile} p), '{}')) and r.system = jc.system
         and jc.code collate "C" between r.from_code and r.to_code
         and regexp_replace(jc.code, '[0-9]', '9', 'g') = regexp_replace(r.from_code, '[0-9]', '9', 'g')
        where jc.job_id = jobs.id order by jc.code limit 3)`.as("codes_met"),
      sql<boolean>`coalesce((select p.setting_preference from ${profile} p) in (jobs.setting, 'any'), false)`.as(
        "setting_met",
      ),
    ])
    .where(isOpen)
    .where(holdsRequired(userId))
    .where(
      sql<boolean>`(exists (select 1 from job_credentials jc where jc.job_id = jobs.id and jc.credential_id in ${heldCredentials(userId)})
        or exists (select 1 from job_specialties js join specialties s on s.id = js.specialty_id
                   where js.job_id = jobs.id and s.slug = any(coalesce((select p.specialty_slugs from ${profile} p), '{}'))))`,
    )
    .orderBy(
      sql`(select 3 * count(*) filter (where jc.required) + count(*) filter (where not jc.required)
           from job_credentials jc where jc.job_id = jobs.id and jc.credential_id in ${heldCredentials(userId)})
        + 2 * (select count(*) from job_specialties js join specialties s on s.id = js.specialty_id
               where js.job_id = jobs.id and s.slug = any(coalesce((select p.specialty_slugs from ${profile} p), '{}')))
        + 2 * (select count(*) from job_codes jc join code_ranges r
                 on r.ref = any(coalesce((select p.code_families from ${profile} p), '{}')) and r.system = jc.system
                and jc.code collate "C" between r.from_code and r.to_code
                and regexp_replace(jc.code, '[0-9]', '9', 'g') = regexp_replace(r.from_code, '[0-9]', '9', 'g')
               where jc.job_id = jobs.id)
        + case when (select p.setting_preference from ${profile} p) in (jobs.setting, 'any') then 1 else 0 end`,
      "desc",
    )
    .orderBy("jobs.published_at", "desc")
    .orderBy("jobs.id", "desc")
    .limit(limit)
    .execute();
  return rows.map((job) => ({ ...job, reason: fitReason(job) }));
}

const list = (items: string[]) =>
  items.length <= 2 ? items.join(" and ") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;

/** Why a job fits, in the order a coder checks: credentials, specialty, codes, setting. */
function fitReason(job: {
  required_met: string[];
  preferred_met: string[];
  specialties_met: string[];
  codes_met: string[];
  setting_met: boolean;
  setting: string;
}) {
  const parts: string[] = [];
  if (job.required_met.length) parts.push(`You hold the required ${list(job.required_met)}`);
  if (job.preferred_met.length) parts.push(`you hold the preferred ${list(job.preferred_met)}`);
  if (job.specialties_met.length) parts.push(`${list(job.specialties_met)} is your specialty`);
  if (job.codes_met.length) parts.push(`it names ${list(job.codes_met)} from your code families`);
  if (job.setting_met)
    parts.push(`${job.setting === "onsite" ? "on site" : job.setting} as you prefer`);
  const text = parts.join("; ");
  return text
    ? `${text.charAt(0).toUpperCase()}${text.slice(1)}.`
    : "Open to you: it requires no credential.";
}
