// "Jobs that fit you": open jobs ranked by how well they fit a coder's profile: one read of the
// profile, then one ranking query (decisions 026 and 029). Exact on credentials: a job that requires
// credentials is a fit only when the coder holds one of them (postings read "CPC or CCS"),
// unexpired, the same condition as the /jobs filter "only jobs whose required credentials I
// hold" (conditions.server.ts, `qualified`); preferred credentials, specialties, code
// families and setting only rank.
import { type Expression, type Kysely, type SqlBool, sql } from "kysely";
import type { DB } from "#db/types";
import { heldCredentialsArray } from "~/applications/credentials.server";
import { type CodeBounds, codeInRange } from "~/codes/job-lists.server";
import { jobConditions, NO_TERMS } from "~/search/conditions.server";
import { getDb } from "~/utils/db.server";
import { cardBaseQuery, isOpenSearchRow } from "./jobs.server";

/** What a coder's fit is measured on, read once: ids the ranking query takes as constants. */
type FitProfile = {
  /** Credentials held today (unexpired). */
  held: number[];
  specialtyIds: number[];
  /** The code ranges the coder names as their code families: ids, and bounds for the reasons. */
  familyIds: number[];
  familyBounds: CodeBounds[];
  setting: string | null;
};

async function loadFitProfile(db: Kysely<DB>, userId: number): Promise<FitProfile> {
  const { rows } = await sql<FitProfile>`
    select
      ${heldCredentialsArray(userId)} as held,
      array(select s.id from specialties s where s.slug = any(coalesce(cp.specialty_slugs, '{}'))
            order by 1) as "specialtyIds",
      array(select r.id from code_ranges r where r.ref = any(coalesce(cp.code_families, '{}'))
            order by 1) as "familyIds",
      (select coalesce(json_agg(json_build_object(
                'system', r.system, 'from_code', r.from_code, 'to_code', r.to_code)), '[]')
         from code_ranges r where r.ref = any(coalesce(cp.code_families, '{}'))) as "familyBounds",
      cp.setting_preference as setting
    from (select 1) one left join candidate_profiles cp on cp.user_id = ${userId}`.execute(db);
  return rows[0];
}

const ids = (list: number[]) => sql<number[]>`${list}::int[]`;

/** Points per part of the profile a job meets (see bestFits for why these numbers). */
const POINTS = { required: 4, specialty: 3, family: 3, preferred: 1, setting: 1 };

/** Every way to choose k of the items (the profile has at most three parts). */
function choose<T>(items: T[], k: number): T[][] {
  if (k === 0) return [[]];
  if (items.length < k) return [];
  const [first, ...rest] = items;
  return [...choose(rest, k - 1).map((c) => [first, ...c]), ...choose(rest, k)];
}

/**
 * The best-fitting open jobs' ids, from job_search (the narrow copy of published jobs with
 * their credential, specialty and code-range ids, migrations T1300 and T1410), scored by
 * array overlaps: a required credential held 4 (else a preferred one 1), a specialty 3, a code
 * from a family 3, the setting preferred 1.
 *
 * Exact and fast: with these points a job meeting more parts of the profile the coder filled in
 * (a required credential, a specialty, a family) always outscores one meeting fewer (three
 * parts score at least 10, two at most 8; two at least 6, one at most 5; one at least 3,
 * none at most 2). So the answer lies in the first level, from "meets every part" down, that
 * holds at least `limit` jobs, each level found through the GIN indexes of its parts; all
 * candidates are scored only when even "meets one part" holds fewer.
 */
function bestFits(db: Kysely<DB>, fit: FitProfile, limit: number) {
  const held = ids(fit.held);
  // Each part of the profile the coder filled in, and its test on a job.
  const parts = [
    fit.held.length
      ? { name: "required", test: sql<SqlBool>`jobs.required_credential_ids && ${held}` }
      : null,
    fit.specialtyIds.length
      ? { name: "specialty", test: sql<SqlBool>`jobs.specialty_ids && ${ids(fit.specialtyIds)}` }
      : null,
    fit.familyIds.length
      ? { name: "family", test: sql<SqlBool>`jobs.code_range_ids && ${ids(fit.familyIds)}` }
      : null,
  ].filter((p) => p !== null);
  const preferred = sql`jobs.credential_ids && ${held}`;
  const qualified = jobConditions({ ...NO_TERMS, heldCredentialIds: { value: held } })
    .qualified as Expression<SqlBool>;
  // Each test once per job (the inner select, kept apart by OFFSET 0), then the score from them.
  const tested = (where: Expression<SqlBool>) =>
    db
      .selectFrom("job_search as jobs" as "jobs")
      .select([
        "jobs.id",
        "jobs.published_at",
        sql<boolean>`${fit.held.length ? preferred : sql`false`}`.as("any_credential"),
        ...parts.map((p) => sql<boolean>`${p.test}`.as(p.name)),
        sql<number>`case when ${fit.setting}::text in (jobs.setting, 'any') then ${POINTS.setting} else 0 end`.as(
          "setting_point",
        ),
      ])
      .where(isOpenSearchRow)
      // The /jobs "credentials I hold" condition: through the GIN index and the partial index
      // of jobs requiring none (migration T1410), so only qualifying jobs are read.
      .where(qualified)
      .where(where)
      .offset(0);
  const has = (name: string) => parts.some((p) => p.name === name);
  const col = (name: string) => sql.ref(`t.${name}`);
  const score = sql<number>`(
    ${has("required") ? sql`case when ${col("required")} then ${POINTS.required} when ${col("any_credential")} then ${POINTS.preferred} else 0 end` : sql`0`}
    + ${has("specialty") ? sql`case when ${col("specialty")} then ${POINTS.specialty} else 0 end` : sql`0`}
    + ${has("family") ? sql`case when ${col("family")} then ${POINTS.family} else 0 end` : sql`0`}
    + ${col("setting_point")})`;
  const ranked = (inner: ReturnType<typeof tested>, where: Expression<SqlBool>) =>
    db
      .selectFrom(inner.as("t"))
      .select([sql<number>`t.id`.as("id"), score.as("score")])
      .where(where)
      .orderBy("score", "desc")
      .orderBy(sql`t.published_at`, "desc")
      .orderBy(sql`t.id`, "desc")
      .limit(limit);
  // Level k: jobs meeting at least k parts (an OR of ANDs, a BitmapOr of BitmapAnds).
  const atLeast = (k: number) =>
    sql<SqlBool>`(${sql.join(
      choose(parts, k).map(
        (c) =>
          sql`(${sql.join(
            c.map((p) => p.test),
            sql` and `,
          )})`,
      ),
      sql` or `,
    )})`;
  const levels = parts.map((_, i) => parts.length - i); // e.g. 3, 2, 1
  const any = sql.join([col("any_credential"), ...parts.map((p) => col(p.name))], sql` or `);
  const name = (k: number) => sql.raw(`level_${k}`);
  // "Every level before this one holds fewer than `limit` jobs" (a level not needed is empty).
  const allShort = (ks: number[]) =>
    sql<SqlBool>`(${sql.join(
      ks.map((k) => sql`(select count(*) from ${name(k)}) < ${limit}`),
      sql` and `,
    )})`;
  // Each level is read only when every level above holds fewer than `limit` jobs.
  const ctes = levels.map((k, i) => {
    const query = ranked(tested(atLeast(k)), sql<SqlBool>`true`);
    return i === 0
      ? sql`${name(k)} as materialized (${query})`
      : sql`${name(k)} as materialized (select * from (${query}) q where ${allShort(levels.slice(0, i))})`;
  });
  const everyCandidate = ranked(tested(sql<SqlBool>`true`), sql<SqlBool>`(${any})`);
  return sql<{ id: number; score: number }>`(
    with ${sql.join(ctes, sql`, `)}
    ${sql.join(
      levels.map(
        (k) =>
          sql`select id, score from ${name(k)} where (select count(*) from ${name(k)}) >= ${limit}`,
      ),
      sql` union all `,
    )}
    union all
    select id, score from (${everyCandidate}) every_candidate where ${allShort(levels)})`;
}

export async function listJobMatches(
  userId: number,
  { limit = 10, db = getDb() }: { limit?: number; db?: Kysely<DB> } = {},
) {
  const fit = await loadFitProfile(db, userId);
  if (!fit.held.length && !fit.specialtyIds.length && !fit.familyIds.length) return [];
  const held = ids(fit.held);
  // The best few ids from the narrow table, then the cards and their reasons for those only.
  const rows = await cardBaseQuery(db)
    .innerJoin(bestFits(db, fit, limit).as("best"), (join) => join.onRef("best.id", "=", "jobs.id"))
    .select([
      sql<
        string[]
      >`array(select c.code from job_credentials jc join credentials c on c.id = jc.credential_id
        where jc.job_id = jobs.id and jc.required and jc.credential_id = any(${held}) order by c.code)`.as(
        "required_met",
      ),
      sql<
        string[]
      >`array(select c.code from job_credentials jc join credentials c on c.id = jc.credential_id
        where jc.job_id = jobs.id and not jc.required and jc.credential_id = any(${held}) order by c.code)`.as(
        "preferred_met",
      ),
      sql<
        string[]
      >`array(select s.name from job_specialties js join specialties s on s.id = js.specialty_id
        where js.job_id = jobs.id and js.specialty_id = any(${ids(fit.specialtyIds)}) order by s.name)`.as(
        "specialties_met",
      ),
      sql<boolean>`coalesce(${fit.setting}::text in (jobs.setting, 'any'), false)`.as(
        "setting_met",
      ),
    ])
    // The posting's codes inside one of the coder's family ranges, by the range pages' rule.
    .select((eb) =>
      fit.familyBounds.length
        ? sql<string[]>`array(${eb
            .selectFrom("job_codes")
            .select("job_codes.code")
            .whereRef("job_codes.job_id", "=", "jobs.id")
            .where((jc) => jc.or(fit.familyBounds.map((range) => codeInRange(jc, range))))
            .orderBy("job_codes.code")
            .limit(3)})`.as("codes_met")
        : sql<string[]>`'{}'::text[]`.as("codes_met"),
    )
    .orderBy("best.score", "desc")
    .orderBy("jobs.published_at", "desc")
    .orderBy("jobs.id", "desc")
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
