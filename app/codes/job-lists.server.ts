// Open-job lists for the graph pages (specialty, credential, code, company): the job-card
// columns, newest first, with a total. Filters and counts read job_search, the narrow copy of
// published jobs (migration T1300), under the name `jobs`, through indexed EXISTS on the link
// tables or the id arrays on the row; only the page's cards are read from jobs.
import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from "kysely";
import type { DB } from "#db/types";
import { cardBaseQuery, isOpenSearchRow } from "~/jobs/jobs.server";

type JobsEb = ExpressionBuilder<DB, "jobs">;
export type JobFilter = (eb: JobsEb) => Expression<SqlBool>;

export function inSpecialtyIds(ids: number[]): JobFilter {
  // The job's specialty ids, kept on the row by triggers (migration T1300), GIN-indexed.
  return () => sql<SqlBool>`jobs.specialty_ids && ${ids}::int[]`;
}

export function withCredential(credentialId: number, required: boolean): JobFilter {
  return (eb) =>
    eb.exists(
      eb
        .selectFrom("job_credentials")
        .select(sql`1`.as("one"))
        .whereRef("job_credentials.job_id", "=", "jobs.id")
        .where("job_credentials.credential_id", "=", credentialId)
        .where("job_credentials.required", "=", required),
    );
}

export function atCompany(companyId: number): JobFilter {
  return (eb) => eb("jobs.company_id", "=", companyId);
}

/** job_search under the name `jobs`: it has every column the filters read. */
const OPEN = "job_search as jobs" as "jobs";

/** How many open jobs match a filter. */
function countOpenJobs(db: Kysely<DB>, filter: JobFilter) {
  return db
    .selectFrom(OPEN)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where(isOpenSearchRow)
    .where(filter)
    .executeTakeFirstOrThrow()
    .then((row) => Number(row.n));
}

/** The cards of the newest open jobs matching a filter, newest first. */
function newestCards(db: Kysely<DB>, filter: JobFilter, limit: number) {
  const newest = db
    .selectFrom(OPEN)
    .select(["jobs.id", "jobs.published_at"])
    .where(isOpenSearchRow)
    .where(filter)
    .orderBy("jobs.published_at", "desc")
    .orderBy("jobs.id", "desc")
    .limit(limit);
  return cardBaseQuery(db)
    .innerJoin(newest.as("newest"), (join) => join.onRef("newest.id", "=", "jobs.id"))
    .orderBy("newest.published_at", "desc")
    .orderBy("newest.id", "desc");
}

/** The newest open jobs matching a filter, as job cards, and how many match in all. */
export async function listOpenJobCards(
  db: Kysely<DB>,
  { filter, limit = 10 }: { filter: JobFilter; limit?: number },
) {
  const [jobs, total] = await Promise.all([
    newestCards(db, filter, limit).execute(),
    countOpenJobs(db, filter),
  ]);
  return { jobs, total };
}

/**
 * Jobs whose posting names this code, or a code of this family: the job's named_codes and
 * named_families, kept from job_codes by a trigger (migration T1410), GIN-indexed.
 */
export const namesCode =
  (code: string): JobFilter =>
  () =>
    sql<SqlBool>`jobs.named_codes @> array[${code}::text]`;
export const namesFamily =
  (family: string): JobFilter =>
  () =>
    sql<SqlBool>`jobs.named_families @> array[${family}::text]`;

export type CodeBounds = { system: string; from_code: string; to_code: string };

/** job_codes rows whose code falls in a range, by the same shape rules as rangeContains. */
export function codeInRange(
  eb: ExpressionBuilder<DB, "job_codes">,
  range: CodeBounds,
): Expression<SqlBool> {
  const { system, from_code: from, to_code: to } = range;
  if (system === "ICD-10-CM")
    return sql<SqlBool>`(job_codes.system = 'ICD-10-CM' and left(job_codes.code, 3) collate "C" between ${from} and ${to})`;
  if (system === "ICD-10-PCS")
    return sql<SqlBool>`(job_codes.system = 'ICD-10-PCS' and left(job_codes.code, ${from.length}) collate "C" between ${from} and ${to})`;
  const shape = from.replace(/\d/g, "9");
  return eb.and([
    eb("job_codes.system", "=", system),
    sql<SqlBool>`job_codes.code collate "C" between ${from} and ${to}`,
    sql<SqlBool>`translate(job_codes.code, '0123456789', '9999999999') = ${shape}`,
  ]);
}

export function namesCodeIn(range: CodeBounds): JobFilter {
  return (eb) =>
    eb.exists(
      eb
        .selectFrom("job_codes")
        .select(sql`1`.as("one"))
        .whereRef("job_codes.job_id", "=", "jobs.id")
        .where((jc) => codeInRange(jc, range)),
    );
}

/** Which codes of a tier's kind a job names (the card's reason), up to four. */
export type NamedCodes = { code?: string; family?: string; range?: CodeBounds };

export type Tier = {
  key: string;
  filter: JobFilter;
  named?: NamedCodes;
};

/**
 * Open jobs in tiers, each tier's filter excluding the tiers before it: up to `limit` newest
 * cards per tier with the codes the job names that put it there, and each tier's total.
 */
export async function listJobTiers(db: Kysely<DB>, tiers: Tier[], { limit = 8 } = {}) {
  return Promise.all(
    tiers.map(async (tier) => {
      const named = tier.named;
      const [jobs, total] = await Promise.all([
        newestCards(db, tier.filter, limit)
          .select((eb) =>
            named
              ? sql<string[]>`array(${eb
                  .selectFrom("job_codes")
                  .select("job_codes.code")
                  .whereRef("job_codes.job_id", "=", "jobs.id")
                  .where((jc) =>
                    named.code
                      ? jc("job_codes.code", "=", named.code)
                      : named.family
                        ? jc("job_codes.family", "=", named.family)
                        : codeInRange(jc, named.range!),
                  )
                  .orderBy("job_codes.code")
                  .limit(4)})`.as("named_codes")
              : sql<string[]>`'{}'::text[]`.as("named_codes"),
          )
          .execute(),
        countOpenJobs(db, tier.filter),
      ]);
      return { key: tier.key, jobs, total };
    }),
  );
}
