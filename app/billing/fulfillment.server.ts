// Fulfillment: what a paid order does (publish, renew, upgrade, grant credits) and what a
// refund or dispute undoes. Runs inside the caller's transaction, with the order row locked,
// so any number of deliveries of any number of events produce one effect.
// See docs/decisions/011-fulfillment.md.
import { type Kysely, sql } from "kysely";
import type { DB } from "#db/types";
import { syncJobHolds } from "~/admin/holds.server";
import { holdForReview, type ReviewSource, reviewTriggers } from "~/admin/moderation.server";
import { matchInstantAlerts } from "~/alerts/matching.server";
import { sendEmail } from "~/email/email.server";
import { formatDate, jobPath } from "~/jobs/format";
import { jobClock } from "~/jobs/job-status";
import { refreshSearchVectors } from "~/jobs/search-vector.server";
import { getEnv } from "~/utils/env.server";
import { formatCents } from "~/utils/money";

const DAY = 86_400_000;

type Trx = Kysely<DB>;

export type PaymentFacts = {
  paymentIntentId?: string | null;
  amountPaidCents?: number | null;
};

async function lockOrder(trx: Trx, orderId: number) {
  return trx
    .selectFrom("orders")
    .innerJoin("plans", "plans.code", "orders.plan_code")
    .select([
      "orders.id",
      "orders.company_id",
      "orders.user_id",
      "orders.job_id",
      "orders.purpose",
      "orders.status",
      "orders.amount_cents",
      "orders.currency",
      "orders.stripe_payment_intent_id",
      "plans.code as plan_code",
      "plans.name as plan_name",
      "plans.days",
      "plans.featured",
      "plans.credits",
      "plans.credit_months",
    ])
    .where("orders.id", "=", orderId)
    .forUpdate("orders")
    .executeTakeFirst();
}

type LockedOrder = NonNullable<Awaited<ReturnType<typeof lockOrder>>>;

export type Extended = { status: "published" | "pending_review"; validThrough: Date | null };

/**
 * Adds a plan's days to a job: a live job keeps its days left (the new period starts at its
 * current end). Any other job goes live through goLive, unless moderation holds it for
 * review first: then the days wait with it and start when an operator approves.
 * Featured plans feature the whole run. Caller holds the job's row lock.
 */
export async function extendJob(
  trx: Trx,
  {
    jobId,
    days,
    featured,
    source,
    now = new Date(),
  }: { jobId: number; days: number; featured: boolean; source?: ReviewSource; now?: Date },
): Promise<Extended> {
  const job = await trx
    .selectFrom("jobs")
    .select(["id", "status", "valid_through", "featured_until", "held_since"])
    .where("id", "=", jobId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  // A held job's clock is paused: it is still running, and its end moves on when the hold ends.
  if (!jobClock(job, now).running) {
    const triggers = await reviewTriggers(trx, jobId);
    if (triggers.length) {
      await holdForReview(trx, { jobId, days, featured, triggers, source, now });
      return { status: "pending_review", validThrough: null };
    }
    return goLive(trx, { jobId, days, featured, now });
  }
  const validThrough = new Date((job.valid_through as Date).getTime() + days * DAY);
  const featuredStillRunning = job.featured_until && job.featured_until > now;
  await trx
    .updateTable("jobs")
    .set({
      valid_through: validThrough,
      featured_until: featured ? validThrough : featuredStillRunning ? job.featured_until : null,
      updated_at: now,
    })
    .where("id", "=", jobId)
    .execute();
  return { status: "published", validThrough };
}

/**
 * The one way a job that is not live goes live: paid and cleared by moderation (extendJob),
 * or approved by an operator (app/admin/review.server.ts). A fresh run of `days` starts now.
 * Caller holds the job's row lock.
 */
export async function goLive(
  trx: Trx,
  {
    jobId,
    days,
    featured,
    now = new Date(),
  }: { jobId: number; days: number; featured: boolean; now?: Date },
): Promise<Extended> {
  const validThrough = new Date(now.getTime() + days * DAY);
  const before = await trx
    .selectFrom("jobs")
    .select("first_published_at")
    .where("id", "=", jobId)
    .executeTakeFirstOrThrow();
  await trx
    .updateTable("jobs")
    .set({
      status: "published",
      published_at: now,
      first_published_at: before.first_published_at ?? now,
      valid_through: validThrough,
      featured_until: featured ? validThrough : null,
      closed_at: null,
      // A job going live while held (its company suspended meanwhile) starts its pause now.
      held_since: sql`case when held_since is not null then ${now}::timestamptz end`,
      updated_at: now,
    })
    .where("id", "=", jobId)
    .execute();
  await syncJobHolds(trx, { jobIds: [jobId] }, now);
  await refreshSearchVectors(trx, [jobId]);
  // Live for the first time: instant alerts hear of it in this transaction. A relaunch of an
  // expired job does not alert again.
  if (!before.first_published_at) await matchInstantAlerts(trx, [jobId]);
  return { status: "published", validThrough };
}

async function recipientFor(trx: Trx, order: { user_id: number | null; company_id: number }) {
  const byUser = order.user_id
    ? await trx
        .selectFrom("users")
        .select(["email", "name"])
        .where("id", "=", order.user_id)
        .executeTakeFirst()
    : undefined;
  if (byUser) return byUser;
  return trx
    .selectFrom("company_members")
    .innerJoin("users", "users.id", "company_members.user_id")
    .select(["users.email", "users.name"])
    .where("company_members.company_id", "=", order.company_id)
    .where("company_members.role", "=", "owner")
    .orderBy("company_members.created_at")
    .executeTakeFirst();
}

async function jobSummary(trx: Trx, jobId: number | null) {
  if (!jobId) return null;
  return trx
    .selectFrom("jobs")
    .select(["id", "slug", "title", "status", "valid_through", "featured_until"])
    .where("id", "=", jobId)
    .executeTakeFirst();
}

/**
 * Marks an order paid and delivers it, once. Returns "fulfilled" the first time and
 * "already" for every later call, whatever event triggered it.
 */
export async function fulfillOrder(
  trx: Trx,
  orderId: number,
  facts: PaymentFacts = {},
  now = new Date(),
): Promise<"fulfilled" | "already" | "not_found" | "reversed"> {
  const order = await lockOrder(trx, orderId);
  if (!order) return "not_found";
  if (order.status === "paid") return "already";
  // A refund or dispute that arrived first wins: never deliver what was taken back.
  if (order.status === "refunded" || order.status === "disputed") return "reversed";

  await trx
    .updateTable("orders")
    .set({
      status: "paid",
      paid_at: now,
      amount_paid_cents: facts.amountPaidCents ?? order.amount_cents,
      stripe_payment_intent_id: facts.paymentIntentId ?? order.stripe_payment_intent_id,
      updated_at: now,
    })
    .where("id", "=", order.id)
    .execute();

  await deliver(trx, order, now);

  const to = await recipientFor(trx, order);
  const job = await jobSummary(trx, order.job_id);
  const company = await trx
    .selectFrom("companies")
    .select("name")
    .where("id", "=", order.company_id)
    .executeTakeFirstOrThrow();
  if (to) {
    const appUrl = getEnv().APP_URL;
    await sendEmail(
      {
        to: to.email,
        template: "receipt",
        dedupeKey: `receipt:order:${order.id}`,
        props: {
          name: to.name,
          companyName: company.name,
          orderId: order.id,
          planName: order.plan_name,
          amount: formatCents(facts.amountPaidCents ?? order.amount_cents, order.currency),
          paidOn: formatDate(now),
          jobTitle: job?.title ?? null,
          jobUrl: job ? `${appUrl}${jobPath(job)}` : null,
          validThrough:
            job?.valid_through && job.status === "published" ? formatDate(job.valid_through) : null,
          inReview: job?.status === "pending_review",
          credits: order.credits || null,
          receiptUrl: `${appUrl}/checkout/${order.id}`,
        },
      },
      trx,
    );
  }
  return "fulfilled";
}

async function deliver(trx: Trx, order: LockedOrder, now: Date) {
  switch (order.purpose) {
    case "publish":
    case "renew": {
      if (!order.job_id || !order.days) return;
      await extendJob(trx, {
        jobId: order.job_id,
        days: order.days,
        featured: order.featured,
        source: { orderId: order.id },
        now,
      });
      return;
    }
    case "upgrade": {
      if (!order.job_id) return;
      // Featured for the rest of the current run.
      await trx
        .updateTable("jobs")
        .set({ featured_until: sql`greatest(valid_through, ${now})`, updated_at: now })
        .where("id", "=", order.job_id)
        .execute();
      return;
    }
    case "credits": {
      const months = order.credit_months ?? 12;
      const expires = new Date(now);
      expires.setUTCMonth(expires.getUTCMonth() + months);
      await trx
        .insertInto("credits")
        .values({
          company_id: order.company_id,
          order_id: order.id,
          total: order.credits,
          remaining: order.credits,
          expires_at: expires,
        })
        .onConflict((oc) => oc.column("order_id").doNothing())
        .execute();
      return;
    }
  }
}

/** An async payment (bank debit) that failed: the order fails unless it was already paid. */
export async function failOrder(trx: Trx, orderId: number, now = new Date()) {
  const order = await lockOrder(trx, orderId);
  if (!order) return "not_found" as const;
  if (order.status !== "pending" && order.status !== "processing") return "already" as const;
  await trx
    .updateTable("orders")
    .set({ status: "failed", updated_at: now })
    .where("id", "=", orderId)
    .execute();
  await trx
    .updateTable("jobs")
    .set({ status: "draft", updated_at: now })
    .where("id", "=", order.job_id ?? -1)
    .where("status", "=", "pending_payment")
    .execute();
  return "failed" as const;
}

/** Checkout completed but the money is still on its way (bank debits): wait for the async event. */
export async function markProcessing(
  trx: Trx,
  orderId: number,
  facts: PaymentFacts,
  now = new Date(),
) {
  const order = await lockOrder(trx, orderId);
  if (!order) return "not_found" as const;
  if (order.status !== "pending") return "already" as const;
  await trx
    .updateTable("orders")
    .set({
      status: "processing",
      stripe_payment_intent_id: facts.paymentIntentId ?? null,
      updated_at: now,
    })
    .where("id", "=", orderId)
    .execute();
  return "processing" as const;
}

/**
 * A refund or dispute: the order is marked, what it bought is taken down (a job unpublished,
 * a featured upgrade ended, unused credits voided) and the employer is told. Once per order.
 */
export async function reverseOrder(
  trx: Trx,
  orderId: number,
  reason: "refunded" | "disputed",
  now = new Date(),
) {
  const order = await lockOrder(trx, orderId);
  if (!order) return "not_found" as const;
  if (order.status === "refunded" || order.status === "disputed") return "already" as const;
  const wasPaid = order.status === "paid";
  await trx
    .updateTable("orders")
    .set({ status: reason, refunded_at: now, updated_at: now })
    .where("id", "=", orderId)
    .execute();
  if (!wasPaid) return "reversed" as const;

  if ((order.purpose === "publish" || order.purpose === "renew") && order.job_id) {
    await trx
      .updateTable("jobs")
      .set({ status: "removed", featured_until: null, updated_at: now })
      .where("id", "=", order.job_id)
      .where("status", "in", ["published", "pending_review", "expired"])
      .execute();
  } else if (order.purpose === "upgrade" && order.job_id) {
    await trx
      .updateTable("jobs")
      .set({ featured_until: null, updated_at: now })
      .where("id", "=", order.job_id)
      .execute();
  } else if (order.purpose === "credits") {
    await trx
      .updateTable("credits")
      .set({ remaining: 0 })
      .where("order_id", "=", orderId)
      .execute();
  }
  if (order.job_id) await refreshSearchVectors(trx, [order.job_id]);

  const to = await recipientFor(trx, order);
  const job = await jobSummary(trx, order.job_id);
  // A posting refunded because an operator rejected it: the rejection email says so.
  const rejected = await trx
    .selectFrom("job_reviews")
    .select("id")
    .where("order_id", "=", orderId)
    .where("status", "=", "rejected")
    .executeTakeFirst();
  if (to && !rejected) {
    await sendEmail(
      {
        to: to.email,
        template: "job-taken-down",
        dedupeKey: `taken-down:order:${order.id}`,
        props: {
          name: to.name,
          orderId: order.id,
          planName: order.plan_name,
          reason,
          jobTitle: job?.title ?? null,
          dashboardUrl: `${getEnv().APP_URL}/employer`,
        },
      },
      trx,
    );
  }
  return "reversed" as const;
}
