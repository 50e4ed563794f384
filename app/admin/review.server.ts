// The review queue and an operator's decisions on it. Each decision locks the review row
// first: a second click (or a second operator) waits, then finds it decided and does nothing.
// See docs/decisions/017-moderation-and-holds.md.
import type { Kysely } from "kysely";
import type { DB } from "#db/types";
import { goLive } from "~/billing/fulfillment.server";
import { companyContact } from "~/companies/companies.server";
import { sendEmail } from "~/email/email.server";
import { formatDate, jobPath } from "~/jobs/format";
import { buildJobView } from "~/jobs/job-page.server";
import { jobPageQuery } from "~/jobs/jobs.server";
import { asLive } from "~/jobs/posting.server";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { type Actor, recordAudit } from "./audit.server";
import { getCompanyHistory } from "./companies.server";
import { reviewTriggers } from "./moderation.server";
import { markRefundRequested, sendRefund } from "./refunds.server";
import type { Trigger } from "./spam-rules";

type Trx = Kysely<DB>;

/** Open reviews, oldest first, for jobs still waiting (a job closed meanwhile drops out). */
export async function listReviewQueue() {
  const rows = await getDb()
    .selectFrom("job_reviews")
    .innerJoin("jobs", "jobs.id", "job_reviews.job_id")
    .innerJoin("companies", "companies.id", "job_reviews.company_id")
    .select([
      "job_reviews.id",
      "job_reviews.job_id",
      "job_reviews.created_at",
      "job_reviews.triggers",
      "job_reviews.days",
      "job_reviews.featured",
      "jobs.title",
      "companies.id as company_id",
      "companies.name as company_name",
      "companies.verified_at as company_verified_at",
    ])
    .where("job_reviews.status", "=", "open")
    .where("jobs.status", "=", "pending_review")
    .orderBy("job_reviews.created_at")
    .orderBy("job_reviews.id")
    .execute();
  return rows.map((row) => ({ ...row, triggers: row.triggers as unknown as Trigger[] }));
}

/** One review with the posting as it will look, the company's history and what triggered it. */
export async function getReviewItem(reviewId: number) {
  const db = getDb();
  const review = await db
    .selectFrom("job_reviews")
    .leftJoin("users", "users.id", "job_reviews.decided_by")
    .leftJoin("orders", "orders.id", "job_reviews.order_id")
    .select([
      "job_reviews.id",
      "job_reviews.job_id",
      "job_reviews.company_id",
      "job_reviews.status",
      "job_reviews.days",
      "job_reviews.featured",
      "job_reviews.triggers",
      "job_reviews.order_id",
      "job_reviews.credit_use_id",
      "job_reviews.decision_note",
      "job_reviews.decided_at",
      "job_reviews.created_at",
      "users.name as decided_by_name",
      "orders.amount_paid_cents as order_amount_cents",
      "orders.status as order_status",
    ])
    .where("job_reviews.id", "=", reviewId)
    .executeTakeFirst();
  if (!review) return null;
  const [job, history] = await Promise.all([
    jobPageQuery(db).where("jobs.id", "=", review.job_id).executeTakeFirstOrThrow(),
    getCompanyHistory(review.company_id),
  ]);
  const view = await buildJobView(job.open ? job : asLive(job, review.days), { similarLimit: 0 });
  return {
    review: { ...review, triggers: review.triggers as unknown as Trigger[] },
    jobStatus: job.status,
    view,
    history,
  };
}

async function lockOpenReview(trx: Trx, reviewId: number) {
  const review = await trx
    .selectFrom("job_reviews")
    .select([
      "id",
      "job_id",
      "company_id",
      "status",
      "days",
      "featured",
      "order_id",
      "credit_use_id",
    ])
    .where("id", "=", reviewId)
    .forUpdate()
    .executeTakeFirst();
  if (!review) return { ok: false, reason: "not_found" } as const;
  if (review.status !== "open")
    return { ok: false, reason: "already", status: review.status } as const;
  const job = await trx
    .selectFrom("jobs")
    .select(["id", "title", "status", "created_by"])
    .where("id", "=", review.job_id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  // Closed by the employer (or taken down by a refund) while it waited.
  if (job.status !== "pending_review") return { ok: false, reason: "job_changed" } as const;
  return { ok: true, review, job } as const;
}

type Decision = "approved" | "rejected" | "changes_requested";

async function tellEmployer(
  trx: Trx,
  input: {
    reviewId: number;
    companyId: number;
    job: { id: number; title: string; created_by: number | null; slug?: string };
    decision: Decision;
    note: string | null;
    validThrough?: Date | null;
    returned?: "refund" | "credit" | null;
  },
) {
  const to = await companyContact(trx, {
    companyId: input.companyId,
    preferUserId: input.job.created_by,
  });
  if (!to) return;
  const appUrl = getEnv().APP_URL;
  await sendEmail(
    {
      to: to.email,
      template: "job-reviewed",
      dedupeKey: `job-reviewed:${input.reviewId}:${input.decision}`,
      props: {
        name: to.name,
        jobTitle: input.job.title,
        decision: input.decision,
        note: input.note,
        validThrough: input.validThrough ? formatDate(input.validThrough) : null,
        returned: input.returned ?? null,
        url:
          input.decision === "approved" && input.job.slug
            ? `${appUrl}${jobPath({ id: input.job.id, slug: input.job.slug })}`
            : `${appUrl}/employer/jobs/${input.job.id}`,
      },
    },
    trx,
  );
}

export type DecisionResult =
  | { ok: true }
  | { ok: false; reason: "not_found" | "job_changed" }
  | { ok: false; reason: "already"; status: string };

/** Approve: the job goes live now (through goLive, like a paid job) with the days paid for. */
export async function approveReview(input: {
  reviewId: number;
  actor: Actor;
  now?: Date;
}): Promise<DecisionResult> {
  const now = input.now ?? new Date();
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const locked = await lockOpenReview(trx, input.reviewId);
      if (!locked.ok) return locked;
      const { review, job } = locked;
      const { validThrough } = await goLive(trx, {
        jobId: job.id,
        days: review.days,
        featured: review.featured,
        now,
      });
      await trx
        .updateTable("job_reviews")
        .set({ status: "approved", decided_by: input.actor.id, decided_at: now })
        .where("id", "=", review.id)
        .execute();
      await recordAudit(trx, {
        actor: input.actor,
        action: "review.approve",
        subject: { type: "job", id: job.id },
        companyId: review.company_id,
        before: { status: job.status },
        after: { status: "published", valid_through: validThrough, review_id: review.id },
      });
      const { slug } = await trx
        .selectFrom("jobs")
        .select("slug")
        .where("id", "=", job.id)
        .executeTakeFirstOrThrow();
      await tellEmployer(trx, {
        reviewId: review.id,
        companyId: review.company_id,
        job: { ...job, slug },
        decision: "approved",
        note: null,
        validThrough,
      });
      return { ok: true } as const;
    });
}

/**
 * Reject: the job is taken down, the employer is told why, and what it paid with comes back
 * (the order refunded through Stripe after commit, or the credit returned), once.
 */
export async function rejectReview(input: {
  reviewId: number;
  actor: Actor;
  reason: string;
  now?: Date;
}): Promise<DecisionResult> {
  const now = input.now ?? new Date();
  const outcome = await getDb()
    .transaction()
    .execute(async (trx) => {
      const locked = await lockOpenReview(trx, input.reviewId);
      if (!locked.ok) return { result: locked, refundOrderId: null };
      const { review, job } = locked;
      await trx
        .updateTable("job_reviews")
        .set({
          status: "rejected",
          decided_by: input.actor.id,
          decided_at: now,
          decision_note: input.reason,
        })
        .where("id", "=", review.id)
        .execute();
      await trx
        .updateTable("jobs")
        .set({ status: "removed", featured_until: null, updated_at: now })
        .where("id", "=", job.id)
        .execute();
      let returned: "refund" | "credit" | null = null;
      let refundOrderId: number | null = null;
      if (review.credit_use_id) {
        const use = await trx
          .updateTable("credit_uses")
          .set({ returned_at: now })
          .where("id", "=", review.credit_use_id)
          .where("returned_at", "is", null)
          .returning("credit_id")
          .executeTakeFirst();
        if (use) {
          await trx
            .updateTable("credits")
            .set((eb) => ({ remaining: eb("remaining", "+", 1) }))
            .where("id", "=", use.credit_id)
            .where((eb) => eb("remaining", "<", eb.ref("total")))
            .execute();
          returned = "credit";
        }
      }
      if (review.order_id) {
        const refund = await markRefundRequested(trx, {
          orderId: review.order_id,
          actor: input.actor,
          reason: `Posting rejected: ${input.reason}`,
          now,
        });
        if (refund.ok) {
          returned = "refund";
          if (refund.viaStripe) refundOrderId = refund.orderId;
        }
      }
      await recordAudit(trx, {
        actor: input.actor,
        action: "review.reject",
        subject: { type: "job", id: job.id },
        companyId: review.company_id,
        before: { status: job.status },
        after: { status: "removed", returned, review_id: review.id },
        note: input.reason,
      });
      await tellEmployer(trx, {
        reviewId: review.id,
        companyId: review.company_id,
        job,
        decision: "rejected",
        note: input.reason,
        returned,
      });
      return { result: { ok: true } as const, refundOrderId };
    });
  // Stripe is called once the rejection is committed; its idempotency key covers a retry.
  if (outcome.refundOrderId) await sendRefund(outcome.refundOrderId);
  return outcome.result;
}

/** Request changes: the job leaves the queue until the employer edits and resubmits it. */
export async function requestChanges(input: {
  reviewId: number;
  actor: Actor;
  note: string;
  now?: Date;
}): Promise<DecisionResult> {
  const now = input.now ?? new Date();
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const locked = await lockOpenReview(trx, input.reviewId);
      if (!locked.ok) return locked;
      const { review, job } = locked;
      await trx
        .updateTable("job_reviews")
        .set({
          status: "changes_requested",
          decided_by: input.actor.id,
          decided_at: now,
          decision_note: input.note,
        })
        .where("id", "=", review.id)
        .execute();
      await recordAudit(trx, {
        actor: input.actor,
        action: "review.request_changes",
        subject: { type: "job", id: job.id },
        companyId: review.company_id,
        note: input.note,
      });
      await tellEmployer(trx, {
        reviewId: review.id,
        companyId: review.company_id,
        job,
        decision: "changes_requested",
        note: input.note,
      });
      return { ok: true } as const;
    });
}

/** The employer sends a job back after the requested changes: it rejoins the queue. */
export async function resubmitForReview(input: {
  companyId: number;
  jobId: number;
  actor: Actor;
  now?: Date;
}): Promise<{ ok: true } | { ok: false; reason: "not_found" }> {
  const now = input.now ?? new Date();
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const job = await trx
        .selectFrom("jobs")
        .select("id")
        .where("id", "=", input.jobId)
        .where("company_id", "=", input.companyId)
        .where("status", "=", "pending_review")
        .forUpdate()
        .executeTakeFirst();
      const previous = job
        ? await trx
            .updateTable("job_reviews")
            .set({ status: "resubmitted" })
            .where("job_id", "=", input.jobId)
            .where("status", "=", "changes_requested")
            .returning(["id", "days", "featured", "order_id", "credit_use_id", "company_id"])
            .executeTakeFirst()
        : undefined;
      if (!previous) return { ok: false, reason: "not_found" } as const;
      const triggers: Trigger[] = [
        { code: "resubmitted", detail: `After review #${previous.id}` },
        ...(await reviewTriggers(trx, input.jobId)),
      ];
      const created = await trx
        .insertInto("job_reviews")
        .values({
          job_id: input.jobId,
          company_id: previous.company_id,
          order_id: previous.order_id,
          credit_use_id: previous.credit_use_id,
          days: previous.days,
          featured: previous.featured,
          triggers: JSON.stringify(triggers),
          created_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        actor: input.actor,
        action: "review.resubmit",
        subject: { type: "job", id: input.jobId },
        companyId: input.companyId,
        after: { review_id: created.id },
      });
      return { ok: true } as const;
    });
}

/** The newest review of one of the company's jobs, for the employer's job page. */
export async function getJobReviewState({
  companyId,
  jobId,
}: {
  companyId: number;
  jobId: number;
}) {
  const row = await getDb()
    .selectFrom("job_reviews")
    .select([
      "id",
      "status",
      "days",
      "triggers",
      "decision_note",
      "decided_at",
      "created_at",
      "order_id",
      "credit_use_id",
    ])
    .where("job_id", "=", jobId)
    .where("company_id", "=", companyId)
    .orderBy("id", "desc")
    .executeTakeFirst();
  return row ? { ...row, triggers: row.triggers as unknown as Trigger[] } : null;
}
