// Coders' saved jobs: ownership is in every WHERE clause.
import { getDb } from "~/utils/db.server";
import { PUBLIC_JOB_STATUSES } from "./job-status";
import { cardBaseQuery, isOpen } from "./jobs.server";

export async function saveJob({ userId, jobId }: { userId: number; jobId: number }) {
  const job = await getDb()
    .selectFrom("jobs")
    .select("id")
    .where("id", "=", jobId)
    .where("status", "in", PUBLIC_JOB_STATUSES)
    .executeTakeFirst();
  if (!job) return { ok: false as const };
  await getDb()
    .insertInto("saved_jobs")
    .values({ user_id: userId, job_id: jobId })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return { ok: true as const };
}

export async function unsaveJob({ userId, jobId }: { userId: number; jobId: number }) {
  await getDb()
    .deleteFrom("saved_jobs")
    .where("user_id", "=", userId)
    .where("job_id", "=", jobId)
    .execute();
}

export async function isJobSaved({ userId, jobId }: { userId: number; jobId: number }) {
  const row = await getDb()
    .selectFrom("saved_jobs")
    .select("job_id")
    .where("user_id", "=", userId)
    .where("job_id", "=", jobId)
    .executeTakeFirst();
  return Boolean(row);
}

/** Saved jobs, newest saved first; closed and expired ones stay, marked as no longer open. */
export async function listSavedJobs({ userId }: { userId: number }) {
  return cardBaseQuery(getDb())
    .innerJoin("saved_jobs", "saved_jobs.job_id", "jobs.id")
    .select((eb) => ["saved_jobs.created_at as saved_at", isOpen(eb).as("open")])
    .where("saved_jobs.user_id", "=", userId)
    .where("jobs.status", "in", PUBLIC_JOB_STATUSES)
    .orderBy("saved_jobs.created_at", "desc")
    .execute();
}
