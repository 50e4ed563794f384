// Whether a paid job goes live or waits for an operator, decided where jobs go live
// (extendJob in app/billing/fulfillment.server.ts). A waiting job keeps what was paid for:
// its days start when it is approved. See docs/decisions/017-moderation-and-holds.md.
import type { Kysely } from "kysely";
import type { DB } from "#db/types";
import { getEnv } from "~/utils/env.server";
import { checkPosting, type Trigger } from "./spam-rules";
import { loadSpamConfig } from "./spam-rules.server";

type Trx = Kysely<DB>;

/** Why this job must wait before going live (empty: it may go live now). */
export async function reviewTriggers(trx: Trx, jobId: number): Promise<Trigger[]> {
  const job = await trx
    .selectFrom("jobs")
    .innerJoin("companies", "companies.id", "jobs.company_id")
    .select([
      "jobs.title",
      "jobs.description",
      "jobs.apply_url",
      "jobs.apply_email",
      "companies.verified_at",
    ])
    .where("jobs.id", "=", jobId)
    .executeTakeFirstOrThrow();
  const triggers: Trigger[] = [];
  const setting = getEnv().MODERATION;
  if (setting === "all") {
    triggers.push({ code: "moderation_all", detail: "MODERATION=all" });
  } else if (setting === "new-companies" && !job.verified_at) {
    triggers.push({ code: "unverified_company", detail: "The company is not verified yet" });
  }
  return [...triggers, ...checkPosting(job, await loadSpamConfig(trx))];
}

export type ReviewSource = { orderId?: number | null; creditUseId?: number | null };

/**
 * Puts a job in the review queue with what was paid for. The caller holds the job's row
 * lock. A job already waiting keeps its place (a second payment event finds it there).
 */
export async function holdForReview(
  trx: Trx,
  input: {
    jobId: number;
    days: number;
    featured: boolean;
    triggers: Trigger[];
    source?: ReviewSource;
    now?: Date;
  },
) {
  const now = input.now ?? new Date();
  const job = await trx
    .updateTable("jobs")
    .set({ status: "pending_review", featured_until: null, updated_at: now })
    .where("id", "=", input.jobId)
    .returning("company_id")
    .executeTakeFirstOrThrow();
  await trx
    .insertInto("job_reviews")
    .values({
      job_id: input.jobId,
      company_id: job.company_id,
      order_id: input.source?.orderId ?? null,
      credit_use_id: input.source?.creditUseId ?? null,
      days: input.days,
      featured: input.featured,
      triggers: JSON.stringify(input.triggers),
      created_at: now,
    })
    .onConflict((oc) =>
      oc.column("job_id").where("status", "in", ["open", "changes_requested"]).doNothing(),
    )
    .execute();
}

const DAY = 86_400_000;

/**
 * After an employer edits a live job: if its new text trips a spam rule, it goes back to
 * review with the days it had left (a held job's paused time counted), and the triggers are
 * returned. Edits never wait for company reasons: the job was already cleared once.
 */
export async function reviewLiveEdit(trx: Trx, { jobId, now }: { jobId: number; now: Date }) {
  const job = await trx
    .selectFrom("jobs")
    .select([
      "status",
      "valid_through",
      "featured_until",
      "held_since",
      "title",
      "description",
      "apply_url",
      "apply_email",
    ])
    .where("id", "=", jobId)
    .executeTakeFirstOrThrow();
  if (job.status !== "published" || !job.valid_through) return [];
  const paused = job.held_since ? now.getTime() - job.held_since.getTime() : 0;
  const msLeft = job.valid_through.getTime() + paused - now.getTime();
  if (msLeft <= 0) return [];
  const found = checkPosting(job, await loadSpamConfig(trx));
  if (!found.length) return [];
  const triggers: Trigger[] = [
    { code: "edited_while_live", detail: "Edited by the employer while live" },
    ...found,
  ];
  await holdForReview(trx, {
    jobId,
    days: Math.ceil(msLeft / DAY),
    featured: Boolean(job.featured_until && job.featured_until >= job.valid_through),
    triggers,
    now,
  });
  return triggers;
}
