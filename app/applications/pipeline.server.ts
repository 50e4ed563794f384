// The employer's side: applicants of one of the company's jobs, the pipeline, notes and the
// CSV export. Every query carries the company id in its WHERE clause: an application is
// visible only to the company it was sent to.
import { sql } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import { sendEmail } from "~/email/email.server";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import type { EmployerStatus } from "./applications-schemas";
import { claimedCredentials, hasVerifiedCredential } from "./credentials.server";

export const DELETED_CANDIDATE = "Deleted candidate";

export type Answer = { question_id: number; kind: string; prompt: string; answer: string | null };

export type ApplicantFilters = {
  status?: string;
  credential?: string;
  /** Only applicants with a verified, unexpired credential (the one named, if any). */
  verifiedOnly?: boolean;
  sort?: "newest" | "oldest";
};

export async function listApplicants(
  input: { companyId: number; jobId: number } & ApplicantFilters,
) {
  let query = getDb()
    .selectFrom("applications")
    .leftJoin("files", "files.id", "applications.resume_file_id")
    .select([
      "applications.id",
      "applications.candidate_id",
      "applications.candidate_name",
      "applications.status",
      "applications.created_at",
      "applications.credential_codes",
      "applications.years_experience",
      "applications.location",
      "applications.answers",
      "files.original_name as resume_name",
      claimedCredentials.as("credential_checks"),
    ])
    .select((eb) =>
      eb
        .selectFrom("application_notes")
        .select((n) => n.fn.countAll<number>().as("n"))
        .whereRef("application_notes.application_id", "=", "applications.id")
        .where("application_notes.company_id", "=", input.companyId)
        .as("note_count"),
    )
    .where("applications.company_id", "=", input.companyId)
    .where("applications.job_id", "=", input.jobId);
  if (input.status) query = query.where("applications.status", "=", input.status);
  if (input.credential) {
    query = query.where(sql<boolean>`${input.credential} = any(applications.credential_codes)`);
  }
  if (input.verifiedOnly) query = query.where((eb) => hasVerifiedCredential(eb, input.credential));
  const rows = await query
    .orderBy("applications.created_at", input.sort === "oldest" ? "asc" : "desc")
    .orderBy("applications.id", input.sort === "oldest" ? "asc" : "desc")
    .execute();
  return rows.map((row) => ({
    ...row,
    candidate_name: row.candidate_name ?? DELETED_CANDIDATE,
    answers: row.answers as unknown as Answer[],
  }));
}

/** Status counts for the filter bar. */
export async function countByStatus(input: { companyId: number; jobId: number }) {
  const rows = await getDb()
    .selectFrom("applications")
    .select(["status", (eb) => eb.fn.countAll<number>().as("count")])
    .where("company_id", "=", input.companyId)
    .where("job_id", "=", input.jobId)
    .groupBy("status")
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, r.count])) as Record<string, number>;
}

export async function getApplicant(input: {
  companyId: number;
  jobId: number;
  applicationId: number;
}) {
  const row = await getDb()
    .selectFrom("applications")
    .leftJoin("files", "files.id", "applications.resume_file_id")
    .select([
      "applications.id",
      "applications.candidate_id",
      "applications.candidate_name",
      "applications.candidate_email",
      "applications.candidate_phone",
      "applications.headline",
      "applications.years_experience",
      "applications.location",
      "applications.cover_letter",
      "applications.credential_codes",
      claimedCredentials.as("credential_checks"),
      "applications.aapc_member_number",
      "applications.ahima_member_number",
      "applications.answers",
      "applications.status",
      "applications.created_at",
      "applications.candidate_deleted_at",
      "files.original_name as resume_name",
      "files.size_bytes as resume_size",
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
            "application_events.actor_name",
            "application_events.created_at",
          ])
          .whereRef("application_events.application_id", "=", "applications.id")
          .orderBy("application_events.id"),
      ).as("events"),
      jsonArrayFrom(
        eb
          .selectFrom("application_notes")
          .select([
            "application_notes.id",
            "application_notes.author_name",
            "application_notes.body",
            "application_notes.created_at",
          ])
          .whereRef("application_notes.application_id", "=", "applications.id")
          .where("application_notes.company_id", "=", input.companyId)
          .orderBy("application_notes.id"),
      ).as("notes"),
    ])
    .where("applications.id", "=", input.applicationId)
    .where("applications.job_id", "=", input.jobId)
    .where("applications.company_id", "=", input.companyId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    ...row,
    candidate_name: row.candidate_name ?? DELETED_CANDIDATE,
    answers: row.answers as unknown as Answer[],
  };
}

/** The resume of an application sent to this company: its storage key for the download. */
export async function getApplicantResume(input: {
  companyId: number;
  jobId: number;
  applicationId: number;
}) {
  return getDb()
    .selectFrom("applications")
    .innerJoin("files", "files.id", "applications.resume_file_id")
    .select(["files.storage_key", "files.original_name", "files.content_type"])
    .where("applications.id", "=", input.applicationId)
    .where("applications.job_id", "=", input.jobId)
    .where("applications.company_id", "=", input.companyId)
    .executeTakeFirst();
}

/**
 * Moves applicants to a stage, one event each. Withdrawn applications and those already at
 * the stage are left alone. The candidate is emailed on interview or rejection when the
 * company allows it.
 */
export async function moveApplications(input: {
  companyId: number;
  jobId: number;
  ids: number[];
  to: EmployerStatus;
  actor: { id: number; name: string };
}) {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const rows = await trx
        .selectFrom("applications")
        .innerJoin("jobs", "jobs.id", "applications.job_id")
        .innerJoin("companies", "companies.id", "applications.company_id")
        .select([
          "applications.id",
          "applications.status",
          "applications.candidate_name",
          "applications.candidate_email",
          "jobs.title",
          "companies.name as company_name",
          "companies.notify_candidate_on_status",
        ])
        .where("applications.id", "in", input.ids)
        .where("applications.company_id", "=", input.companyId)
        .where("applications.job_id", "=", input.jobId)
        .where("applications.status", "!=", "withdrawn")
        .where("applications.status", "!=", input.to)
        .orderBy("applications.id")
        .forUpdate("applications")
        .execute();
      for (const row of rows) {
        await trx
          .updateTable("applications")
          .set({ status: input.to, updated_at: sql`now()` })
          .where("id", "=", row.id)
          .execute();
        await trx
          .insertInto("application_events")
          .values({
            application_id: row.id,
            actor_id: input.actor.id,
            actor_kind: "employer",
            actor_name: input.actor.name,
            from_status: row.status,
            to_status: input.to,
          })
          .execute();
        if (
          row.notify_candidate_on_status &&
          row.candidate_email &&
          row.candidate_name &&
          (input.to === "interview" || input.to === "rejected")
        ) {
          await sendEmail(
            {
              to: row.candidate_email,
              template: "application-status",
              props: {
                name: row.candidate_name,
                jobTitle: row.title,
                companyName: row.company_name,
                status: input.to,
              },
              // One email per application and stage: moving back and forth does not spam.
              dedupeKey: `application-status:${row.id}:${input.to}`,
            },
            trx,
          );
        }
      }
      return { moved: rows.length };
    });
}

export async function addNote(input: {
  companyId: number;
  jobId: number;
  applicationId: number;
  author: { id: number; name: string };
  body: string;
}) {
  const row = await getDb()
    .insertInto("application_notes")
    .columns(["application_id", "company_id", "author_id", "author_name", "body"])
    .expression((eb) =>
      eb
        .selectFrom("applications")
        .select([
          "applications.id",
          "applications.company_id",
          eb.val(input.author.id).as("author_id"),
          eb.val(input.author.name).as("author_name"),
          eb.val(input.body).as("body"),
        ])
        .where("applications.id", "=", input.applicationId)
        .where("applications.job_id", "=", input.jobId)
        .where("applications.company_id", "=", input.companyId),
    )
    .returning("id")
    .executeTakeFirst();
  return row ? { ok: true as const, noteId: row.id } : { ok: false as const };
}

// A spreadsheet treats a cell starting with = + - @ (or a tab or CR that hides one) as a
// formula; a leading apostrophe makes it text.
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** The job's applicants as CSV (RFC 4180, CRLF, formula cells neutralised). */
export async function applicantsCsv(input: { companyId: number; jobId: number }) {
  const rows = await getDb()
    .selectFrom("applications")
    .select([
      "id",
      "created_at",
      "status",
      "candidate_name",
      "candidate_email",
      "candidate_phone",
      "headline",
      "years_experience",
      "location",
      "credential_codes",
      claimedCredentials.as("credential_checks"),
      "aapc_member_number",
      "ahima_member_number",
      "answers",
      "cover_letter",
    ])
    .where("company_id", "=", input.companyId)
    .where("job_id", "=", input.jobId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  const prompts: string[] = [];
  for (const row of rows) {
    for (const a of row.answers as unknown as Answer[])
      if (!prompts.includes(a.prompt)) prompts.push(a.prompt);
  }
  const header = [
    "Application",
    "Applied (UTC)",
    "Status",
    "Name",
    "Email",
    "Phone",
    "Headline",
    "Years of experience",
    "Location",
    "Credentials",
    "Verified credentials",
    "AAPC member number",
    "AHIMA member number",
    ...prompts,
    "Cover letter",
  ];
  const lines = [header.map(csvCell).join(",")];
  for (const row of rows) {
    const answers = row.answers as unknown as Answer[];
    lines.push(
      [
        row.id,
        row.created_at.toISOString(),
        row.status,
        row.candidate_name ?? DELETED_CANDIDATE,
        row.candidate_email,
        row.candidate_phone,
        row.headline,
        row.years_experience,
        row.location,
        row.credential_codes.join(" "),
        row.credential_checks
          .filter((c) => c.verified && !c.expired)
          .map((c) => c.code)
          .join(" "),
        row.aapc_member_number,
        row.ahima_member_number,
        ...prompts.map((p) => answers.find((a) => a.prompt === p)?.answer ?? ""),
        row.cover_letter,
      ]
        .map(csvCell)
        .join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}

export async function getNotificationSettings(companyId: number) {
  return getDb()
    .selectFrom("companies")
    .select(["notify_candidate_on_status", "new_application_email"])
    .where("id", "=", companyId)
    .executeTakeFirstOrThrow();
}

export async function saveNotificationSettings(input: {
  companyId: number;
  notifyCandidateOnStatus: boolean;
  newApplicationEmail: "instant" | "daily" | "off";
}) {
  await getDb()
    .updateTable("companies")
    .set({
      notify_candidate_on_status: input.notifyCandidateOnStatus,
      new_application_email: input.newApplicationEmail,
      updated_at: sql`now()`,
    })
    .where("id", "=", input.companyId)
    .execute();
}

/**
 * The daily summary for companies that chose it: applications received on the previous UTC
 * day, one email per member. The dedupe key makes a second run the same day a no-op.
 */
export async function sendApplicationDigests(now = new Date()) {
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const start = new Date(end.getTime() - 86_400_000);
  const day = start.toISOString().slice(0, 10);
  const db = getDb();
  const rows = await db
    .selectFrom("applications")
    .innerJoin("companies", "companies.id", "applications.company_id")
    .innerJoin("jobs", "jobs.id", "applications.job_id")
    .select([
      "companies.id as company_id",
      "companies.name as company_name",
      "jobs.id as job_id",
      "jobs.title",
      (eb) => eb.fn.countAll<number>().as("count"),
    ])
    .where("companies.new_application_email", "=", "daily")
    .where("applications.created_at", ">=", start)
    .where("applications.created_at", "<", end)
    .groupBy(["companies.id", "companies.name", "jobs.id", "jobs.title"])
    .orderBy("companies.id")
    .orderBy("jobs.title")
    .execute();
  const byCompany = new Map<number, typeof rows>();
  for (const row of rows)
    byCompany.set(row.company_id, [...(byCompany.get(row.company_id) ?? []), row]);
  let sent = 0;
  for (const [companyId, jobs] of byCompany) {
    await db.transaction().execute(async (trx) => {
      const members = await trx
        .selectFrom("company_members")
        .innerJoin("users", "users.id", "company_members.user_id")
        .select(["users.id", "users.email"])
        .where("company_members.company_id", "=", companyId)
        .execute();
      for (const member of members) {
        await sendEmail(
          {
            to: member.email,
            template: "applications-digest",
            props: {
              companyName: jobs[0].company_name,
              day,
              jobs: jobs.map((j) => ({
                title: j.title,
                count: j.count,
                url: `${getEnv().APP_URL}/employer/jobs/${j.job_id}/applicants`,
              })),
            },
            dedupeKey: `applications-digest:${companyId}:${member.id}:${day}`,
          },
          trx,
        );
        sent += 1;
      }
    });
  }
  return { companies: byCompany.size, emails: sent };
}
