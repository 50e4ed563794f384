// A coder's side of applying: the apply page's data, recording an application (one per job,
// enforced by the database), their list with its timeline, and withdrawing.
import { type Kysely, sql } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import type { DB } from "#db/types";
import { sendEmail } from "~/email/email.server";
import { PUBLIC_JOB_STATUSES } from "~/jobs/job-status";
import { isOpen } from "~/jobs/jobs.server";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import type { ApplyQuestion } from "./applications-schemas";
import { listCredentialCodes } from "./credentials.server";

/** The job as the apply page needs it, whatever its state (the page says what applies). */
export async function getApplyJob(jobId: number) {
  return getDb()
    .selectFrom("jobs")
    .innerJoin("companies", "companies.id", "jobs.company_id")
    .select([
      "jobs.id",
      "jobs.title",
      "jobs.slug",
      "jobs.apply_method",
      "jobs.apply_url",
      "jobs.apply_email",
      "companies.id as company_id",
      "companies.name as company_name",
      "companies.slug as company_slug",
    ])
    .select((eb) => [
      isOpen(eb).as("open"),
      jsonArrayFrom(
        eb
          .selectFrom("job_questions")
          .select([
            "job_questions.id",
            "job_questions.kind",
            "job_questions.prompt",
            "job_questions.required",
          ])
          .whereRef("job_questions.job_id", "=", "jobs.id")
          .orderBy("job_questions.position"),
      ).as("questions"),
      jsonArrayFrom(
        eb
          .selectFrom("job_credentials")
          .innerJoin("credentials", "credentials.id", "job_credentials.credential_id")
          .select(["credentials.code", "job_credentials.required"])
          .whereRef("job_credentials.job_id", "=", "jobs.id")
          .orderBy("credentials.code"),
      ).as("credentials"),
    ])
    .where("jobs.id", "=", jobId)
    .where("jobs.status", "in", PUBLIC_JOB_STATUSES)
    .executeTakeFirst();
}

export type ApplyJob = NonNullable<Awaited<ReturnType<typeof getApplyJob>>>;

/** The coder's own application to a job, if any. */
export async function findApplication(input: { jobId: number; candidateId: number }) {
  return getDb()
    .selectFrom("applications")
    .select(["id", "status", "created_at"])
    .where("job_id", "=", input.jobId)
    .where("candidate_id", "=", input.candidateId)
    .executeTakeFirst();
}

/** What pre-fills an application: the profile, the coder's files and their default. */
export async function getApplyDefaults(userId: number) {
  const db = getDb();
  const [profile, files, credentials] = await Promise.all([
    db
      .selectFrom("candidate_profiles")
      .select(["default_resume_file_id", "phone"])
      .where("user_id", "=", userId)
      .executeTakeFirst(),
    db
      .selectFrom("files")
      .select(["id", "original_name", "kind", "size_bytes", "created_at"])
      .where("user_id", "=", userId)
      .orderBy("created_at", "desc")
      .limit(20)
      .execute(),
    listCredentialCodes(userId),
  ]);
  return {
    credentials,
    phone: profile?.phone ?? "",
    defaultResumeId: profile?.default_resume_file_id ?? files[0]?.id ?? null,
    files,
  };
}

export type ApplicationInput = {
  jobId: number;
  candidateId: number;
  resumeFileId: number;
  coverLetter?: string;
  phone?: string;
  credentials: string[];
  aapcNumber?: string;
  ahimaNumber?: string;
  answers: Record<string, string | undefined>;
};

export type RecordResult =
  | { ok: true; applicationId: number; created: boolean }
  | { ok: false; reason: "closed" | "resume" | "answers"; message: string };

/**
 * Records an application and queues its emails, in one transaction. A second application
 * to the same job (a double click, 50 tabs) hits the unique constraint and returns the
 * first one instead: `created: false`.
 */
export async function recordApplication(input: ApplicationInput): Promise<RecordResult> {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const job = await trx
        .selectFrom("jobs")
        .innerJoin("companies", "companies.id", "jobs.company_id")
        .select([
          "jobs.id",
          "jobs.title",
          "jobs.company_id",
          "companies.name as company_name",
          "companies.new_application_email",
        ])
        .where("jobs.id", "=", input.jobId)
        .where(isOpen)
        .where("jobs.apply_method", "=", "site")
        .executeTakeFirst();
      if (!job)
        return {
          ok: false,
          reason: "closed",
          message: "This job no longer takes applications.",
        } as const;

      const resume = await trx
        .selectFrom("files")
        .select("id")
        .where("id", "=", input.resumeFileId)
        .where("user_id", "=", input.candidateId)
        .executeTakeFirst();
      if (!resume)
        return {
          ok: false,
          reason: "resume",
          message: "Choose one of your resumes or upload one.",
        } as const;

      const questions = (await trx
        .selectFrom("job_questions")
        .select(["id", "kind", "prompt", "required"])
        .where("job_id", "=", job.id)
        .orderBy("position")
        .execute()) as ApplyQuestion[];
      const answers = questions.map((q) => ({
        question_id: q.id,
        kind: q.kind,
        prompt: q.prompt,
        answer: input.answers[`q${q.id}`]?.trim() || null,
      }));
      if (answers.some((a, i) => questions[i].required && !a.answer)) {
        return { ok: false, reason: "answers", message: "Answer the required questions." } as const;
      }

      const person = await trx
        .selectFrom("users")
        .leftJoin("candidate_profiles", "candidate_profiles.user_id", "users.id")
        .select([
          "users.name",
          "users.email",
          "candidate_profiles.headline",
          "candidate_profiles.years_experience",
          "candidate_profiles.city",
          "candidate_profiles.state",
          "candidate_profiles.phone",
          "candidate_profiles.default_resume_file_id",
        ])
        .where("users.id", "=", input.candidateId)
        .where("users.role", "=", "candidate")
        .executeTakeFirstOrThrow();
      const known = input.credentials.length
        ? (
            await trx
              .selectFrom("credentials")
              .select("code")
              .where("code", "in", input.credentials)
              .orderBy("code")
              .execute()
          ).map((r) => r.code)
        : [];

      const inserted = await trx
        .insertInto("applications")
        .values({
          job_id: job.id,
          company_id: job.company_id,
          candidate_id: input.candidateId,
          candidate_name: person.name,
          candidate_email: person.email,
          candidate_phone: input.phone || person.phone || null,
          headline: person.headline,
          years_experience: person.years_experience,
          location: [person.city, person.state].filter(Boolean).join(", ") || null,
          cover_letter: input.coverLetter || null,
          credential_codes: known,
          aapc_member_number: input.aapcNumber || null,
          ahima_member_number: input.ahimaNumber || null,
          answers: JSON.stringify(answers),
          resume_file_id: resume.id,
        })
        .onConflict((oc) => oc.columns(["job_id", "candidate_id"]).doNothing())
        .returning("id")
        .executeTakeFirst();
      if (!inserted) {
        const existing = await trx
          .selectFrom("applications")
          .select("id")
          .where("job_id", "=", job.id)
          .where("candidate_id", "=", input.candidateId)
          .executeTakeFirstOrThrow();
        return { ok: true, applicationId: existing.id, created: false } as const;
      }

      await trx
        .insertInto("application_events")
        .values({
          application_id: inserted.id,
          actor_id: input.candidateId,
          actor_kind: "candidate",
          actor_name: person.name,
          from_status: null,
          to_status: "new",
        })
        .execute();
      if (!person.default_resume_file_id) {
        await trx
          .insertInto("candidate_profiles")
          .values({ user_id: input.candidateId, default_resume_file_id: resume.id })
          .onConflict((oc) =>
            oc.column("user_id").doUpdateSet({ default_resume_file_id: resume.id }),
          )
          .execute();
      }
      await sendEmail(
        {
          to: person.email,
          template: "application-received",
          props: { name: person.name, jobTitle: job.title, companyName: job.company_name },
          dedupeKey: `application-received:${inserted.id}`,
        },
        trx,
      );
      if (job.new_application_email === "instant") {
        await notifyCompanyMembers(trx, {
          applicationId: inserted.id,
          companyId: job.company_id,
          jobId: job.id,
          jobTitle: job.title,
          companyName: job.company_name,
          candidateName: person.name,
          credentials: known,
        });
      }
      return { ok: true, applicationId: inserted.id, created: true } as const;
    });
}

async function notifyCompanyMembers(
  trx: Kysely<DB>,
  input: {
    applicationId: number;
    companyId: number;
    jobId: number;
    jobTitle: string;
    companyName: string;
    candidateName: string;
    credentials: string[];
  },
) {
  const members = await trx
    .selectFrom("company_members")
    .innerJoin("users", "users.id", "company_members.user_id")
    .select(["users.id", "users.email"])
    .where("company_members.company_id", "=", input.companyId)
    .execute();
  for (const member of members) {
    await sendEmail(
      {
        to: member.email,
        template: "new-application",
        props: {
          jobTitle: input.jobTitle,
          companyName: input.companyName,
          candidateName: input.candidateName,
          credentials: input.credentials,
          url: `${getEnv().APP_URL}/employer/jobs/${input.jobId}/applicants/${input.applicationId}`,
        },
        dedupeKey: `new-application:${input.applicationId}:${member.id}`,
      },
      trx,
    );
  }
}

/** The coder's applications, newest first, each with its status timeline (never notes). */
export async function listCandidateApplications(candidateId: number) {
  return getDb()
    .selectFrom("applications")
    .innerJoin("jobs", "jobs.id", "applications.job_id")
    .innerJoin("companies", "companies.id", "applications.company_id")
    .select([
      "applications.id",
      "applications.status",
      "applications.created_at",
      "applications.updated_at",
      "applications.cover_letter",
      "applications.credential_codes",
      "applications.resume_file_id",
      "jobs.id as job_id",
      "jobs.slug as job_slug",
      "jobs.title as job_title",
      "companies.name as company_name",
    ])
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom("application_events")
          .select([
            "application_events.id",
            "application_events.from_status",
            "application_events.to_status",
            "application_events.actor_kind",
            "application_events.created_at",
          ])
          .whereRef("application_events.application_id", "=", "applications.id")
          .orderBy("application_events.id"),
      ).as("events"),
    ])
    .where("applications.candidate_id", "=", candidateId)
    .orderBy("applications.created_at", "desc")
    .execute();
}

/** Withdraws the coder's own application; a hired or already withdrawn one stays as it is. */
export async function withdrawApplication(input: { applicationId: number; candidateId: number }) {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const row = await trx
        .selectFrom("applications")
        .innerJoin("users", "users.id", "applications.candidate_id")
        .select(["applications.id", "applications.status", "users.name"])
        .where("applications.id", "=", input.applicationId)
        .where("applications.candidate_id", "=", input.candidateId)
        .forUpdate("applications")
        .executeTakeFirst();
      if (!row) return { ok: false as const, reason: "not_found" as const };
      if (row.status === "withdrawn" || row.status === "hired")
        return { ok: false as const, reason: "final" as const };
      await trx
        .updateTable("applications")
        .set({ status: "withdrawn", updated_at: sql`now()` })
        .where("id", "=", row.id)
        .execute();
      await trx
        .insertInto("application_events")
        .values({
          application_id: row.id,
          actor_id: input.candidateId,
          actor_kind: "candidate",
          actor_name: row.name,
          from_status: row.status,
          to_status: "withdrawn",
        })
        .execute();
      return { ok: true as const };
    });
}
