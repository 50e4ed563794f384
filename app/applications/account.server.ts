// What the account export and deletion need from applications and files.
import type { Kysely } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import type { DB } from "#db/types";
import { getDb } from "~/utils/db.server";

/** The coder's applications (with their status history, never the company's notes) and files. */
export async function exportApplicationData(userId: number) {
  const db = getDb();
  const [applications, files] = await Promise.all([
    db
      .selectFrom("applications")
      .innerJoin("jobs", "jobs.id", "applications.job_id")
      .innerJoin("companies", "companies.id", "applications.company_id")
      .select([
        "applications.id",
        "jobs.title as job_title",
        "companies.name as company",
        "applications.status",
        "applications.created_at",
        "applications.candidate_name",
        "applications.candidate_email",
        "applications.candidate_phone",
        "applications.headline",
        "applications.years_experience",
        "applications.location",
        "applications.cover_letter",
        "applications.credential_codes",
        "applications.aapc_member_number",
        "applications.ahima_member_number",
        "applications.answers",
        "applications.resume_file_id",
      ])
      .select((eb) =>
        jsonArrayFrom(
          eb
            .selectFrom("application_events")
            .select(["from_status", "to_status", "actor_kind", "created_at"])
            .whereRef("application_events.application_id", "=", "applications.id")
            .orderBy("application_events.id"),
        ).as("history"),
      )
      .where("applications.candidate_id", "=", userId)
      .orderBy("applications.created_at")
      .execute(),
    db
      .selectFrom("files")
      .select(["id", "original_name", "kind", "content_type", "size_bytes", "sha256", "created_at"])
      .where("user_id", "=", userId)
      .orderBy("created_at")
      .execute(),
  ]);
  return { applications, files };
}

/**
 * Before a coder's account row goes: clears the personal copy kept on each application (the
 * employer then sees "Deleted candidate"), and returns the storage keys of their files so the
 * caller deletes the bytes once the transaction has committed. Rows go with the user
 * (files cascade; applications.candidate_id and resume_file_id become null).
 */
export async function detachCandidate(trx: Kysely<DB>, userId: number) {
  await trx
    .updateTable("applications")
    .set({
      candidate_name: null,
      candidate_email: null,
      candidate_phone: null,
      headline: null,
      location: null,
      cover_letter: null,
      aapc_member_number: null,
      ahima_member_number: null,
      candidate_deleted_at: new Date(),
    })
    .where("candidate_id", "=", userId)
    .execute();
  const files = await trx
    .selectFrom("files")
    .select("storage_key")
    .where("user_id", "=", userId)
    .execute();
  return files.map((f) => f.storage_key);
}
