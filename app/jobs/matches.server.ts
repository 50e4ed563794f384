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

/** The coder's code families as ranges (code_ranges rows named in the profile). */
const familyRanges = (userId: number) => sql`(
  select r.system, r.from_code, r.to_code from code_ranges r
  where r.ref = any(coalesce((select cp.code_families from candidate_profiles cp where cp.user_id = ${userId}), '{}')))`;

/** job_codes rows inside one of the coder's family ranges (a range scan per family). */
const codesInFamilies = (userId: number, jobRef: ReturnType<typeof sql> | null) => sql`
  select jc.job_id, jc.code from ${familyRanges(userId)} r
  join job_codes jc on jc.system = r.system
   and jc.code collate "C" >= r.from_code collate "C" and jc.code collate "C" <= r.to_code collate "C"
   and translate(jc.code, '0123456789', '9999999999') = translate(r.from_code, '0123456789', '9999999999')
  ${jobRef ? sql`where jc.job_id = ${jobRef}` : sql``}`;

const mySpecialtyIds = (userId: number) => sql`(
  select s.id from specialties s
  where s.slug = any(coalesce((select cp.specialty_slugs from candidate_profiles cp where cp.user_id = ${userId}), '{}')))`;

export async function listJobMatches(
  userId: number,
  { limit = 10, db = getDb() }: { limit?: number; db?: Kysely<DB> } = {},
) {
  // One query: each source of fit adds points per job (set-based, through the link tables'
  // indexes), the sum ranks, and the reasons are read for the page's rows only.
  const scored = sql<{ job_id: number; score: number }>`(
    select c.job_id, sum(c.points)::int as score from (
      select jc.job_id, case when jc.required then 3 else 1 end as points
      from job_credentials jc where jc.credential_id in ${heldCredentials(userId)}
      union all
      select js.job_id, 2 from job_specialties js where js.specialty_id in ${mySpecialtyIds(userId)}
      union all
      select f.job_id, 2 from (${codesInFamilies(userId, null)}) f
    ) c group by c.job_id)`;
  const setting = sql`(select cp.setting_preference from candidate_profiles cp where cp.user_id = ${userId})`;
  const rows = await cardBaseQuery(db)
    .innerJoin(scored.as("scored"), (join) => join.onRef("scored.job_id", "=", "jobs.id"))
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
        where js.job_id = jobs.id and js.specialty_id in ${mySpecialtyIds(userId)} order by s.name)`.as(
        "specialties_met",
      ),
      sql<
        string[]
      >`array(select f.code from (${codesInFamilies(userId, sql.ref("jobs.id"))}) f order by f.code limit 3)`.as(
        "codes_met",
      ),
      sql<boolean>`coalesce(${setting} in (jobs.setting, 'any'), false)`.as("setting_met"),
    ])
    .where(isOpen)
    .where(holdsRequired(userId))
    .orderBy(
      sql`scored.score + case when ${setting} in (jobs.setting, 'any') then 1 else 0 end`,
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
