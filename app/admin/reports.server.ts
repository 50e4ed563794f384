// Reports of bad postings: anyone may file one (no account needed), rate-limited per address
// and per job; enough distinct reporters hold the job out of search until an operator
// decides (holds.server.ts). Reporters are thanked and never told what others reported.
import { sql } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import { hit, LIMITS } from "~/auth/rate-limit.server";
import { hashToken } from "~/auth/tokens.server";
import { companyContact } from "~/companies/companies.server";
import { sendEmail } from "~/email/email.server";
import { isOpen } from "~/jobs/jobs.server";
import { refreshSearchVectors } from "~/jobs/search-vector.server";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import type { ReportReason } from "./admin-schemas";
import { type Actor, recordAudit } from "./audit.server";
import { syncJobHolds } from "./holds.server";

export type FileReportResult =
  | { ok: true }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

/** The open job a visitor may report, for the report page. */
export async function getReportableJob(jobId: number) {
  return getDb()
    .selectFrom("jobs")
    .innerJoin("companies", "companies.id", "jobs.company_id")
    .select(["jobs.id", "jobs.title", "jobs.slug", "companies.name as company_name"])
    .where("jobs.id", "=", jobId)
    .where(isOpen)
    .executeTakeFirst();
}

export async function fileReport(input: {
  jobId: number;
  reason: ReportReason;
  note?: string;
  ip: string;
  userId?: number | null;
  now?: Date;
}): Promise<FileReportResult> {
  const now = input.now ?? new Date();
  if (!(await getReportableJob(input.jobId))) return { ok: false, reason: "not_found" };
  const reporter = hashToken(`report:${input.ip}`);
  const limited = (r: { retryAfterSeconds: number }) =>
    ({ ok: false, reason: "rate_limited", retryAfterSeconds: r.retryAfterSeconds }) as const;
  const perIp = await hit(`report:ip:${reporter}`, LIMITS.reportPerIp, now);
  if (!perIp.allowed) return limited(perIp);
  // The same person reporting the same job again is thanked again, and counted once.
  const again = await hit(
    `report:ip-job:${reporter}:${input.jobId}`,
    LIMITS.reportPerIpAndJob,
    now,
  );
  if (!again.allowed) return { ok: true };
  const perJob = await hit(`report:job:${input.jobId}`, LIMITS.reportPerJob, now);
  if (!perJob.allowed) return limited(perJob);
  await getDb()
    .transaction()
    .execute(async (trx) => {
      await trx
        .insertInto("reports")
        .values({
          job_id: input.jobId,
          reason: input.reason,
          note: input.note || null,
          reporter_hash: reporter,
          reporter_user_id: input.userId ?? null,
          created_at: now,
        })
        .execute();
      await syncJobHolds(trx, { jobIds: [input.jobId] }, now);
    });
  return { ok: true };
}

/** Reported jobs, those with open reports first (most reporters first), with each report. */
export async function listReportedJobs({ status }: { status: "open" | "all" }) {
  let query = getDb()
    .selectFrom("jobs")
    .innerJoin("companies", "companies.id", "jobs.company_id")
    .select((eb) => [
      "jobs.id",
      "jobs.title",
      "jobs.slug",
      "jobs.status",
      "jobs.held_since",
      "companies.id as company_id",
      "companies.name as company_name",
      "companies.verified_at as company_verified_at",
      sql<number>`(select count(distinct r.reporter_hash)::int from reports r where r.job_id = jobs.id and r.status = 'open')`.as(
        "open_reporters",
      ),
      jsonArrayFrom(
        eb
          .selectFrom("reports")
          .select([
            "reports.id",
            "reports.reason",
            "reports.note",
            "reports.status",
            "reports.created_at",
          ])
          .whereRef("reports.job_id", "=", "jobs.id")
          .orderBy("reports.id", "desc")
          .limit(20),
      ).as("reports"),
    ])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("reports")
          .select("reports.id")
          .whereRef("reports.job_id", "=", "jobs.id")
          .$if(status === "open", (q) => q.where("reports.status", "=", "open")),
      ),
    )
    .orderBy(
      sql`(select count(*) from reports r where r.job_id = jobs.id and r.status = 'open')`,
      "desc",
    )
    .orderBy("jobs.id", "desc")
    .limit(100);
  if (status === "open") query = query.where("jobs.status", "!=", "removed");
  return query.execute();
}

/**
 * An operator's decision on a job's open reports: dismiss them (the job returns to search,
 * with the days it was held added back) or take the job down (the employer is told).
 */
export async function resolveReports(input: {
  jobId: number;
  actor: Actor;
  decision: "dismiss" | "remove";
  note?: string;
  now?: Date;
}) {
  const now = input.now ?? new Date();
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const job = await trx
        .selectFrom("jobs")
        .select(["id", "title", "status", "company_id", "created_by"])
        .where("id", "=", input.jobId)
        .forUpdate()
        .executeTakeFirst();
      if (!job) return { ok: false as const, reason: "not_found" as const };
      const resolved = await trx
        .updateTable("reports")
        .set({
          status: input.decision === "dismiss" ? "dismissed" : "upheld",
          resolved_by: input.actor.id,
          resolved_at: now,
        })
        .where("job_id", "=", job.id)
        .where("status", "=", "open")
        .returning("id")
        .execute();
      if (resolved.length === 0) return { ok: false as const, reason: "already" as const };
      if (input.decision === "remove") {
        await trx
          .updateTable("jobs")
          .set({ status: "removed", featured_until: null, updated_at: now })
          .where("id", "=", job.id)
          .execute();
        await refreshSearchVectors(trx, [job.id]);
        const to = await companyContact(trx, {
          companyId: job.company_id,
          preferUserId: job.created_by,
        });
        if (to) {
          await sendEmail(
            {
              to: to.email,
              template: "job-reviewed",
              dedupeKey: `job-removed:${job.id}:${now.toISOString()}`,
              props: {
                name: to.name,
                jobTitle: job.title,
                decision: "removed",
                note: input.note || null,
                validThrough: null,
                returned: null,
                url: `${getEnv().APP_URL}/employer/jobs/${job.id}`,
              },
            },
            trx,
          );
        }
      }
      await syncJobHolds(trx, { jobIds: [job.id] }, now);
      await recordAudit(trx, {
        actor: input.actor,
        action: input.decision === "dismiss" ? "report.dismiss" : "report.remove",
        subject: { type: "job", id: job.id },
        companyId: job.company_id,
        before: { status: job.status, open_reports: resolved.length },
        after: { status: input.decision === "remove" ? "removed" : job.status },
        note: input.note ?? null,
      });
      return { ok: true as const, reports: resolved.length };
    });
}
