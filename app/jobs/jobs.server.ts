import { type ExpressionBuilder, type Kysely, sql } from "kysely";
import { jsonArrayFrom, jsonObjectFrom } from "kysely/helpers/postgres";
import type { DB } from "#db/types";
import { logoVersion } from "~/companies/logo.server";
import { cached } from "~/utils/cache.server";
import { getDb } from "~/utils/db.server";
import { PUBLIC_JOB_STATUSES } from "./job-status";

/**
 * The one definition of "open": published, not past its validity end, and not held (its
 * company or poster suspended, or reported by enough people: app/admin/holds.server.ts).
 */
export function isOpen(eb: ExpressionBuilder<DB, "jobs">) {
  return eb.and([
    eb("jobs.status", "=", "published"),
    eb("jobs.valid_through", ">", sql<Date>`now()`),
    eb("jobs.held_since", "is", null),
  ]);
}

/**
 * isOpen for rows of job_search, read under the name `jobs`: its sync trigger keeps there only
 * the published jobs not on hold (LISTED in db/migrations/lib/job-search-sync.ts), so the end
 * of the validity period is all that is left to test. Over the 100k matches of a common word
 * the two tests it skips cost ~3 ms. tests/integration/job-status.test.ts checks the two agree.
 */
export function isOpenSearchRow(eb: ExpressionBuilder<DB, "jobs">) {
  return eb("jobs.valid_through", ">", sql<Date>`now()`);
}

export const cardColumns = [
  "jobs.id",
  "jobs.slug",
  "jobs.title",
  "jobs.setting",
  "jobs.employment_type",
  "jobs.level",
  "jobs.city",
  "jobs.state",
  "jobs.remote_states",
  "jobs.salary_period",
  "jobs.salary_min_cents",
  "jobs.salary_max_cents",
  "jobs.published_at",
  "jobs.featured_until",
  "companies.name as company_name",
  "companies.slug as company_slug",
  "companies.verified_at as company_verified_at",
] as const;

/** A card's credential badges: required first. */
export function cardCredentials(eb: ExpressionBuilder<DB, "jobs">) {
  return jsonArrayFrom(
    eb
      .selectFrom("job_credentials")
      .innerJoin("credentials", "credentials.id", "job_credentials.credential_id")
      .select(["credentials.code", "job_credentials.required"])
      .whereRef("job_credentials.job_id", "=", "jobs.id")
      .orderBy("job_credentials.required", "desc")
      .orderBy("credentials.code"),
  ).as("credentials");
}

/** Job cards, whatever the jobs' status (callers that list open jobs use cardQuery). */
export function cardBaseQuery(db: Kysely<DB>) {
  return db
    .selectFrom("jobs")
    .innerJoin("companies", "companies.id", "jobs.company_id")
    .select(cardColumns)
    .select((eb) => [
      sql<boolean>`coalesce(jobs.featured_until > now(), false)`.as("featured"),
      cardCredentials(eb),
    ]);
}

function cardQuery(db: Kysely<DB>) {
  return cardBaseQuery(db).where(isOpen);
}

export type JobCard = Awaited<ReturnType<ReturnType<typeof cardQuery>["execute"]>>[number];

export async function listLatestJobs({ limit = 10 }: { limit?: number } = {}) {
  return cardQuery(getDb())
    .orderBy("jobs.published_at", "desc")
    .orderBy("jobs.id", "desc")
    .limit(limit)
    .execute();
}

export async function listFeaturedJobs({ limit = 6 }: { limit?: number } = {}) {
  return cardQuery(getDb())
    .where("jobs.featured_until", ">", sql<Date>`now()`)
    .orderBy("jobs.published_at", "desc")
    .orderBy("jobs.id", "desc")
    .limit(limit)
    .execute();
}

/** How many jobs are open (home page headline): counted at most once a minute. */
export function countOpenJobs() {
  return cached("open-job-count", 60_000, async () => {
    const row = await getDb()
      .selectFrom("jobs")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .where(isOpen)
      .executeTakeFirstOrThrow();
    return row.count;
  });
}

/** What a job page shows of the job row (the raw description stays on the server). */
const jobPageColumns = [
  "jobs.id",
  "jobs.slug",
  "jobs.title",
  "jobs.description",
  "jobs.description_html",
  "jobs.description_text",
  "jobs.setting",
  "jobs.employment_type",
  "jobs.level",
  "jobs.years_experience",
  "jobs.city",
  "jobs.state",
  "jobs.zip",
  "jobs.remote_states",
  "jobs.salary_period",
  "jobs.salary_min_cents",
  "jobs.salary_max_cents",
  "jobs.charts_per_day",
  "jobs.accuracy_pct",
  "jobs.apply_method",
  "jobs.status",
  "jobs.published_at",
  "jobs.valid_through",
  "jobs.featured_until",
  "jobs.closed_at",
] as const;

/** The public job page's data, for any job: callers add who may see which jobs. */
export function jobPageQuery(db: Kysely<DB>) {
  return db
    .selectFrom("jobs")
    .innerJoin("companies", "companies.id", "jobs.company_id")
    .select(jobPageColumns)
    .select((eb) => [
      sql<boolean>`coalesce(jobs.featured_until > now(), false)`.as("featured"),
      isOpen(eb).as("open"),
      jsonObjectFrom(
        eb
          .selectFrom("companies as c")
          .select([
            "c.id",
            "c.name",
            "c.slug",
            "c.kind",
            "c.website",
            "c.headquarters",
            "c.size",
            "c.verified_at",
            "c.verified_domain",
            logoVersion("c").as("logo_version"),
          ])
          .whereRef("c.id", "=", "jobs.company_id"),
      ).as("company"),
      jsonArrayFrom(
        eb
          .selectFrom("job_specialties")
          .innerJoin("specialties", "specialties.id", "job_specialties.specialty_id")
          .select(["specialties.slug", "specialties.name", "job_specialties.source"])
          .whereRef("job_specialties.job_id", "=", "jobs.id")
          .orderBy("specialties.name"),
      ).as("specialties"),
      jsonArrayFrom(
        eb
          .selectFrom("job_credentials")
          .innerJoin("credentials", "credentials.id", "job_credentials.credential_id")
          .select([
            "credentials.code",
            "credentials.slug",
            "credentials.name",
            "job_credentials.required",
          ])
          .whereRef("job_credentials.job_id", "=", "jobs.id")
          .orderBy("credentials.code"),
      ).as("credentials"),
    ]);
}

/**
 * A public job (live, expired or closed: the page decides what to say), by id. A held job is
 * not public at all: its page would say why, and reporters are never told the outcome.
 */
export async function getJobPage(id: number) {
  return jobPageQuery(getDb())
    .where("jobs.id", "=", id)
    .where("jobs.status", "in", PUBLIC_JOB_STATUSES)
    .where("jobs.held_since", "is", null)
    .executeTakeFirst();
}

export type JobPageRow = NonNullable<Awaited<ReturnType<typeof getJobPage>>>;
/** The job as its page receives it: the description arrives rendered, beside it. */
export type JobPage = Omit<JobPageRow, "description" | "description_html" | "description_text">;

/** Open jobs sharing a specialty with the given job, best overlap first. */
export async function listSimilarJobs({ jobId, limit = 5 }: { jobId: number; limit?: number }) {
  return cardQuery(getDb())
    .where("jobs.id", "!=", jobId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("job_specialties as mine")
          .innerJoin("job_specialties as theirs", "theirs.specialty_id", "mine.specialty_id")
          .whereRef("theirs.job_id", "=", "jobs.id")
          .where("mine.job_id", "=", jobId),
      ),
    )
    .orderBy("jobs.published_at", "desc")
    .limit(limit)
    .execute();
}
