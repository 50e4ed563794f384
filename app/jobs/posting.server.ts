// Employers' side of jobs: drafts, edits (logged once a job has been live), preview, close.
// Every query is scoped by company_id in its WHERE clause.
import type { Kysely } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import type { DB } from "#db/types";
import { type Actor, recordAudit } from "~/admin/audit.server";
import { reviewLiveEdit } from "~/admin/moderation.server";
import { getDb } from "~/utils/db.server";
import { markdownToText, renderMarkdown } from "~/utils/markdown.server";
import { slugify } from "~/utils/slug";
import { type JobPageRow, jobPageQuery } from "./jobs.server";
import { type JobFormValues, parseStates } from "./posting-schemas";
import { refreshSearchVectors } from "./search-vector.server";
import { recordSuggestionChoices } from "./suggestions.server";
import { applyInferredTags } from "./tagging.server";

type Trx = Kysely<DB>;

export async function getPostingOptions() {
  const db = getDb();
  const [specialties, credentials] = await Promise.all([
    db.selectFrom("specialties").select(["slug", "name", "group"]).orderBy("name").execute(),
    db.selectFrom("credentials").select(["code", "name", "issuer"]).orderBy("code").execute(),
  ]);
  return { specialties, credentials };
}

async function columnsFrom(db: Trx, v: JobFormValues) {
  let city: string | undefined = v.city;
  let state: string | undefined = v.state;
  let latitude: number | null = null;
  let longitude: number | null = null;
  if (v.zip) {
    const place = await db
      .selectFrom("places")
      .select(["city", "state", "latitude", "longitude"])
      .where("zip", "=", v.zip)
      .executeTakeFirst();
    if (place) {
      city ??= place.city;
      state ??= place.state;
      latitude = place.latitude;
      longitude = place.longitude;
    }
  }
  const setting = v.setting ?? "remote";
  const cents = (dollars: number | undefined) =>
    dollars == null ? null : Math.round(dollars * 100);
  const description = v.description ?? "";
  return {
    title: v.title,
    slug: slugify(v.title, "job"),
    description,
    // Rendered and sanitized once, when saved; the page serves it as stored.
    description_html: renderMarkdown(description),
    description_text: markdownToText(description),
    setting,
    employment_type: v.employmentType ?? "full_time",
    level: v.level ?? "mid",
    years_experience: v.yearsExperience ?? null,
    city: city ?? null,
    state: state ?? null,
    zip: v.zip ?? null,
    latitude,
    longitude,
    remote_states: setting === "remote" ? parseStates(v.remoteStates) : [],
    salary_period: v.salaryPeriod ?? null,
    salary_min_cents: v.salaryPeriod ? cents(v.salaryMin) : null,
    salary_max_cents: v.salaryPeriod ? cents(v.salaryMax) : null,
    charts_per_day: v.chartsPerDay ?? null,
    accuracy_pct: v.accuracyPct ?? null,
    apply_method: v.applyMethod,
    apply_url: v.applyMethod === "url" ? (v.applyUrl ?? null) : null,
    apply_email: v.applyMethod === "email" ? (v.applyEmail ?? null) : null,
  };
}

async function writeLinks(trx: Trx, jobId: number, v: JobFormValues) {
  const slugs = [...new Set(v.specialties ?? [])];
  await trx
    .deleteFrom("job_specialties")
    .where("job_id", "=", jobId)
    .where("source", "=", "picked")
    .execute();
  if (slugs.length) {
    const rows = await trx
      .selectFrom("specialties")
      .select("id")
      .where("slug", "in", slugs)
      .execute();
    if (rows.length) {
      await trx
        .insertInto("job_specialties")
        .values(rows.map((r) => ({ job_id: jobId, specialty_id: r.id, source: "picked" })))
        .onConflict((oc) =>
          oc.columns(["job_id", "specialty_id"]).doUpdateSet({ source: "picked" }),
        )
        .execute();
    }
  }
  const required = new Set(v.credRequired ?? []);
  const preferred = new Set((v.credPreferred ?? []).filter((c) => !required.has(c)));
  await trx.deleteFrom("job_credentials").where("job_id", "=", jobId).execute();
  const codes = [...required, ...preferred];
  if (codes.length) {
    const creds = await trx
      .selectFrom("credentials")
      .select(["id", "code"])
      .where("code", "in", codes)
      .execute();
    if (creds.length) {
      await trx
        .insertInto("job_credentials")
        .values(
          creds.map((c) => ({
            job_id: jobId,
            credential_id: c.id,
            required: required.has(c.code),
          })),
        )
        .execute();
    }
  }
  await trx.deleteFrom("job_questions").where("job_id", "=", jobId).execute();
  const questions = (v.questions ?? []).filter((q) => q.prompt);
  if (questions.length) {
    await trx
      .insertInto("job_questions")
      .values(
        questions.slice(0, 5).map((q, i) => ({
          job_id: jobId,
          position: i + 1,
          kind: q.kind,
          prompt: q.prompt as string,
          required: true,
        })),
      )
      .execute();
  }
  // Suggested specialties (less the ones removed) and the search document follow the new text.
  await recordSuggestionChoices(trx, jobId, v);
  await applyInferredTags(jobId, trx);
}

export async function createJobDraft(input: {
  companyId: number;
  userId: number;
  values: JobFormValues;
}) {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const row = await trx
        .insertInto("jobs")
        .values({
          ...(await columnsFrom(trx, input.values)),
          company_id: input.companyId,
          created_by: input.userId,
          status: "draft",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await writeLinks(trx, row.id, input.values);
      return row.id;
    });
}

const AUDITED = [
  "title",
  "description",
  "setting",
  "employment_type",
  "level",
  "years_experience",
  "city",
  "state",
  "zip",
  "remote_states",
  "salary_period",
  "salary_min_cents",
  "salary_max_cents",
  "charts_per_day",
  "accuracy_pct",
  "apply_method",
  "apply_url",
  "apply_email",
] as const;

async function linksOf(trx: Trx, jobId: number) {
  const [specialties, credentials] = await Promise.all([
    trx
      .selectFrom("job_specialties")
      .innerJoin("specialties", "specialties.id", "job_specialties.specialty_id")
      .select("specialties.slug")
      .where("job_specialties.job_id", "=", jobId)
      .where("job_specialties.source", "=", "picked")
      .orderBy("specialties.slug")
      .execute(),
    trx
      .selectFrom("job_credentials")
      .innerJoin("credentials", "credentials.id", "job_credentials.credential_id")
      .select(["credentials.code", "job_credentials.required"])
      .where("job_credentials.job_id", "=", jobId)
      .orderBy("credentials.code")
      .execute(),
  ]);
  return {
    specialties: specialties.map((s) => s.slug),
    credentials: credentials.map((c) => `${c.code}${c.required ? "" : " (preferred)"}`),
  };
}

export type UpdateJobResult =
  | { ok: true; logged: boolean; inReview: boolean }
  | { ok: false; reason: "not_found" };

/**
 * Saves the form over a job of this company. A job that has been live keeps its status and
 * dates (no new payment) and the change is recorded in the audit log, before and after. A
 * live job whose new text trips a spam rule goes back to review with the days it had left.
 */
export async function updateJob(input: {
  companyId: number;
  jobId: number;
  actor: Actor;
  values: JobFormValues;
}): Promise<UpdateJobResult> {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const before = await trx
        .selectFrom("jobs")
        .select(["id", "status", "published_at", ...AUDITED])
        .where("id", "=", input.jobId)
        .where("company_id", "=", input.companyId)
        .where("status", "!=", "removed")
        .forUpdate()
        .executeTakeFirst();
      if (!before) return { ok: false, reason: "not_found" } as const;
      const linksBefore = before.published_at ? await linksOf(trx, input.jobId) : null;
      const columns = await columnsFrom(trx, input.values);
      // A live job keeps its URL: renaming it must not break links already shared.
      const next = before.published_at ? { ...columns, slug: undefined } : columns;
      const now = new Date();
      await trx
        .updateTable("jobs")
        .set({ ...next, updated_at: now })
        .where("id", "=", input.jobId)
        .where("company_id", "=", input.companyId)
        .execute();
      await writeLinks(trx, input.jobId, input.values);
      if (!linksBefore) return { ok: true, logged: false, inReview: false } as const;
      const from: Record<string, unknown> = {};
      const to: Record<string, unknown> = {};
      for (const key of AUDITED) {
        if (JSON.stringify(before[key] ?? null) !== JSON.stringify(columns[key] ?? null)) {
          from[key] = before[key];
          to[key] = columns[key];
        }
      }
      const linksAfter = await linksOf(trx, input.jobId);
      if (JSON.stringify(linksBefore) !== JSON.stringify(linksAfter)) {
        from.links = linksBefore;
        to.links = linksAfter;
      }
      const triggers = await reviewLiveEdit(trx, { jobId: input.jobId, now });
      if (Object.keys(to).length || triggers.length) {
        await recordAudit(trx, {
          actor: input.actor,
          action: "job.edit",
          subject: { type: "job", id: input.jobId },
          companyId: input.companyId,
          before: from,
          after: to,
          note: triggers.length ? "Back in review: the new text trips a spam rule" : null,
        });
      }
      return { ok: true, logged: true, inReview: triggers.length > 0 } as const;
    });
}

/** A job of this company for its edit form and overview, whatever its status. */
export async function getJobForEditing({ companyId, jobId }: { companyId: number; jobId: number }) {
  return getDb()
    .selectFrom("jobs")
    .selectAll("jobs")
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom("job_specialties")
          .innerJoin("specialties", "specialties.id", "job_specialties.specialty_id")
          .select(["specialties.slug", "specialties.name", "job_specialties.source"])
          .whereRef("job_specialties.job_id", "=", "jobs.id"),
      ).as("specialties"),
      jsonArrayFrom(
        eb
          .selectFrom("job_credentials")
          .innerJoin("credentials", "credentials.id", "job_credentials.credential_id")
          .select(["credentials.code", "job_credentials.required"])
          .whereRef("job_credentials.job_id", "=", "jobs.id"),
      ).as("credentials"),
      jsonArrayFrom(
        eb
          .selectFrom("job_questions")
          .select(["job_questions.prompt", "job_questions.kind", "job_questions.position"])
          .whereRef("job_questions.job_id", "=", "jobs.id")
          .orderBy("job_questions.position"),
      ).as("questions"),
    ])
    .where("jobs.id", "=", jobId)
    .where("jobs.company_id", "=", companyId)
    .executeTakeFirst();
}

export type CompanyJob = NonNullable<Awaited<ReturnType<typeof getJobForEditing>>>;

/** The form's values for a saved job (dollars, not cents; lists as the form sends them). */
export function formValuesOf(job: CompanyJob) {
  const dollars = (cents: number | null) => (cents == null ? undefined : String(cents / 100));
  const str = (v: unknown) => (v == null ? undefined : String(v));
  return {
    title: job.title,
    description: job.description,
    specialties: job.specialties.filter((s) => s.source === "picked").map((s) => s.slug),
    credRequired: job.credentials.filter((c) => c.required).map((c) => c.code),
    credPreferred: job.credentials.filter((c) => !c.required).map((c) => c.code),
    setting: job.setting,
    city: str(job.city),
    state: str(job.state),
    zip: str(job.zip),
    remoteStates: job.remote_states.join(", "),
    employmentType: job.employment_type,
    level: job.level,
    yearsExperience: str(job.years_experience),
    salaryPeriod: str(job.salary_period),
    salaryMin: dollars(job.salary_min_cents),
    salaryMax: dollars(job.salary_max_cents),
    chartsPerDay: str(job.charts_per_day),
    accuracyPct: str(job.accuracy_pct),
    applyMethod: job.apply_method,
    applyUrl: str(job.apply_url),
    applyEmail: str(job.apply_email),
    questions: job.questions.map((q) => ({ prompt: q.prompt, kind: q.kind })),
  };
}

/** A job that is not live yet, shown as it will look once it is: open for `days` from now. */
export function asLive(job: JobPageRow, days: number, now = new Date()): JobPageRow {
  return {
    ...job,
    open: true,
    published_at: job.published_at ?? now,
    valid_through: new Date(now.getTime() + days * 86_400_000),
  };
}

/**
 * The public page's data for a job of this company in any state, shown as it will look once
 * live: the same shape getJobPage returns, so the preview renders the very same component.
 */
export async function getJobPreview({ companyId, jobId }: { companyId: number; jobId: number }) {
  const db = getDb();
  const job = await jobPageQuery(db)
    .where("jobs.id", "=", jobId)
    .where("jobs.company_id", "=", companyId)
    .executeTakeFirst();
  if (!job) return undefined;
  const preview = job.open ? job : asLive(job, 30);
  return { job: preview, status: job.status };
}

export async function closeJob({
  companyId,
  jobId,
  actor,
}: {
  companyId: number;
  jobId: number;
  actor: Actor;
}) {
  const now = new Date();
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const before = await trx
        .selectFrom("jobs")
        .select("status")
        .where("id", "=", jobId)
        .where("company_id", "=", companyId)
        .where("status", "in", ["published", "expired", "pending_review"])
        .forUpdate()
        .executeTakeFirst();
      if (!before) return { ok: false, reason: "wrong_state" } as const;
      await trx
        .updateTable("jobs")
        .set({ status: "closed", closed_at: now, featured_until: null, updated_at: now })
        .where("id", "=", jobId)
        .execute();
      await refreshSearchVectors(trx, [jobId]);
      await recordAudit(trx, {
        actor,
        action: "job.close",
        subject: { type: "job", id: jobId },
        companyId,
        before: { status: before.status },
        after: { status: "closed" },
      });
      return { ok: true } as const;
    });
}

export async function deleteDraft({ companyId, jobId }: { companyId: number; jobId: number }) {
  const row = await getDb()
    .deleteFrom("jobs")
    .where("id", "=", jobId)
    .where("company_id", "=", companyId)
    .where("status", "=", "draft")
    .where("published_at", "is", null)
    .returning("id")
    .executeTakeFirst();
  return Boolean(row);
}
