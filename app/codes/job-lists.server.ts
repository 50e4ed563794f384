// Open-job lists for the graph pages (specialty, credential, code, company): the job-card
// columns, newest first, with a total, filtered by an indexed EXISTS on the link tables.
import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from "kysely";
import type { DB } from "#db/types";
import { cardBaseQuery, isOpen } from "~/jobs/jobs.server";

type JobsEb = ExpressionBuilder<DB, "jobs">;
export type JobFilter = (eb: JobsEb) => Expression<SqlBool>;

export function inSpecialtyIds(ids: number[]): JobFilter {
  return (eb) =>
    eb.exists(
      eb
        .selectFrom("job_specialties")
        .select(sql`1`.as("one"))
        .whereRef("job_specialties.job_id", "=", "jobs.id")
        .where("job_specialties.specialty_id", "in", ids.length ? ids : [-1]),
    );
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

/** The newest open jobs matching a filter, as job cards, and how many match in all. */
export async function listOpenJobCards(
  db: Kysely<DB>,
  { filter, limit = 10 }: { filter: JobFilter; limit?: number },
) {
  const [jobs, total] = await Promise.all([
    cardBaseQuery(db)
      .where(isOpen)
      .where(filter)
      .orderBy("jobs.published_at", "desc")
      .orderBy("jobs.id", "desc")
      .limit(limit)
      .execute(),
    db
      .selectFrom("jobs")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where(isOpen)
      .where(filter)
      .executeTakeFirstOrThrow()
      .then((row) => row.n),
  ]);
  return { jobs, total };
}
