// What an alert email shows, loaded by the worker when it delivers the message (the outbox
// keeps only ids: decision 016). Jobs closed since the match are left out; an alert paused or
// deleted since, or with no open job left, has nothing to send.
import { type Kysely, sql } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import { z } from "zod";
import type { DB } from "#db/types";
import { formatLocation, formatPay, jobPath, SETTINGS } from "~/jobs/format";
import { isOpen } from "~/jobs/jobs.server";
import type { AlertJobsProps } from "../../emails/alert-jobs";

export const storedAlertEmailSchema = z.object({
  alertId: z.number().int().positive(),
  kind: z.enum(["instant", "daily", "weekly"]),
  /** The jobs to show, in order (featured first, then newest). */
  jobIds: z.array(z.number().int().positive()).min(1).max(10),
  /** Matches beyond the cap, linked as "and N more". */
  more: z.number().int().min(0),
});

export type StoredAlertEmail = z.infer<typeof storedAlertEmailSchema>;

/** Links from alert emails carry their source, counted in the employer's stats. */
export function alertUtm(kind: StoredAlertEmail["kind"]) {
  return `utm_source=alert&utm_medium=email&utm_campaign=${kind}`;
}

export async function loadAlertEmails(
  db: Kysely<DB>,
  stored: StoredAlertEmail[],
  { appUrl }: { appUrl: string },
): Promise<(AlertJobsProps | null)[]> {
  const alertIds = [...new Set(stored.map((s) => s.alertId))];
  const jobIds = [...new Set(stored.flatMap((s) => s.jobIds))];
  const [alerts, jobs] = await Promise.all([
    db
      .selectFrom("alerts")
      .select(["id", "name", "description", "query", "token"])
      .where("id", "in", alertIds)
      .where("confirmed_at", "is not", null)
      .where("paused_at", "is", null)
      .execute(),
    db
      .selectFrom("jobs")
      .innerJoin("companies", "companies.id", "jobs.company_id")
      .select([
        "jobs.id",
        "jobs.slug",
        "jobs.title",
        "jobs.setting",
        "jobs.city",
        "jobs.state",
        "jobs.remote_states",
        "jobs.salary_period",
        "jobs.salary_min_cents",
        "jobs.salary_max_cents",
        "companies.name as company",
        sql<boolean>`coalesce(jobs.featured_until > now(), false)`.as("featured"),
      ])
      .select((eb) => [
        jsonArrayFrom(
          eb
            .selectFrom("job_credentials")
            .innerJoin("credentials", "credentials.id", "job_credentials.credential_id")
            .select("credentials.code")
            .whereRef("job_credentials.job_id", "=", "jobs.id")
            .where("job_credentials.required", "=", true)
            .orderBy("credentials.code"),
        ).as("credentials"),
        jsonArrayFrom(
          eb
            .selectFrom("job_specialties")
            .innerJoin("specialties", "specialties.id", "job_specialties.specialty_id")
            .select("specialties.name")
            .whereRef("job_specialties.job_id", "=", "jobs.id")
            .orderBy("specialties.name"),
        ).as("specialties"),
      ])
      .where("jobs.id", "in", jobIds)
      .where(isOpen)
      .execute(),
  ]);
  const alertById = new Map(alerts.map((a) => [a.id, a]));
  const jobById = new Map(jobs.map((j) => [j.id, j]));
  return stored.map((message) => {
    const alert = alertById.get(message.alertId);
    const shown = message.jobIds.flatMap((id) => jobById.get(id) ?? []);
    if (!alert || shown.length === 0) return null;
    const utm = alertUtm(message.kind);
    return {
      kind: message.kind,
      alertName: alert.name,
      description: alert.description,
      more: message.more,
      jobs: shown.map((job) => ({
        title: job.title,
        company: job.company,
        where:
          job.setting === "remote"
            ? formatLocation(job)
            : `${SETTINGS[job.setting as keyof typeof SETTINGS]} · ${formatLocation(job)}`,
        pay: formatPay(job),
        credentials: job.credentials.map((c) => c.code),
        codeFamilies: job.specialties.map((s) => s.name),
        featured: job.featured,
        url: `${appUrl}${jobPath(job)}?${utm}`,
      })),
      searchUrl: `${appUrl}/jobs?${alert.query ? `${alert.query}&` : ""}${utm}`,
      manageUrl: `${appUrl}/alerts/manage/${alert.token}`,
      unsubscribeUrl: `${appUrl}/alerts/unsubscribe/${alert.token}`,
    };
  });
}
