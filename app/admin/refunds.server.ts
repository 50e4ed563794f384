// Refunds operators give: asked of Stripe with an idempotency key, so a double click or a
// retry refunds once. What a refund undoes is done by the charge.refunded webhook, as for a
// refund made in Stripe's dashboard; in local test mode the same event is built and signed
// here and goes through that same handler (docs/decisions/011-fulfillment.md).
import type { Kysely } from "kysely";
import type { DB } from "#db/types";
import { reverseOrder } from "~/billing/fulfillment.server";
import { getStripe } from "~/billing/stripe.server";
import { deliverLocalEvent } from "~/billing/webhook.server";
import { getDb } from "~/utils/db.server";
import { type Actor, recordAudit } from "./audit.server";

type Trx = Kysely<DB>;

export type RefundRequest =
  | { ok: true; orderId: number; viaStripe: boolean }
  | { ok: false; reason: "not_found" | "not_paid" | "already_requested" };

/**
 * Records that an operator asked for a refund of a paid order, once. An order with no money
 * to give back (a 100% promotion code) is reversed here and now; the others are sent to
 * Stripe by sendRefund after the caller commits.
 */
export async function markRefundRequested(
  trx: Trx,
  input: { orderId: number; actor: Actor; reason: string; now?: Date },
): Promise<RefundRequest> {
  const now = input.now ?? new Date();
  const order = await trx
    .selectFrom("orders")
    .select([
      "id",
      "company_id",
      "status",
      "amount_paid_cents",
      "stripe_payment_intent_id",
      "refund_requested_at",
      "refund_error",
    ])
    .where("id", "=", input.orderId)
    .forUpdate()
    .executeTakeFirst();
  if (!order) return { ok: false, reason: "not_found" };
  if (order.status !== "paid") return { ok: false, reason: "not_paid" };
  // Asked before and not failed: Stripe has it, the webhook is on its way.
  if (order.refund_requested_at && !order.refund_error)
    return { ok: false, reason: "already_requested" };
  await trx
    .updateTable("orders")
    .set({
      refund_requested_at: order.refund_requested_at ?? now,
      refund_requested_by: input.actor.id,
      refund_reason: input.reason,
      refund_error: null,
      updated_at: now,
    })
    .where("id", "=", order.id)
    .execute();
  await recordAudit(trx, {
    actor: input.actor,
    action: "order.refund",
    subject: { type: "order", id: order.id },
    companyId: order.company_id,
    before: { status: order.status },
    after: { refund_requested: true, amount_cents: order.amount_paid_cents },
    note: input.reason,
  });
  const viaStripe = Boolean(order.stripe_payment_intent_id && order.amount_paid_cents);
  if (!viaStripe) await reverseOrder(trx, order.id, "refunded", now);
  return { ok: true, orderId: order.id, viaStripe };
}

/** Asks Stripe (or, in test mode, the local webhook path) to refund the order in full. */
export async function sendRefund(orderId: number) {
  const db = getDb();
  const order = await db
    .selectFrom("orders")
    .select(["id", "status", "amount_paid_cents", "stripe_payment_intent_id"])
    .where("id", "=", orderId)
    .where("refund_requested_at", "is not", null)
    .executeTakeFirst();
  if (order?.status !== "paid" || !order.stripe_payment_intent_id) return { ok: true as const };
  const stripe = getStripe();
  if (!stripe) {
    await deliverLocalEvent("charge.refunded", {
      id: `ch_local_${order.id}`,
      object: "charge",
      payment_intent: order.stripe_payment_intent_id,
      refunded: true,
      amount_refunded: order.amount_paid_cents,
      metadata: { order_id: String(order.id) },
    });
    return { ok: true as const };
  }
  try {
    const refund = await stripe.refunds.create(
      {
        payment_intent: order.stripe_payment_intent_id,
        reason: "requested_by_customer",
        metadata: { order_id: String(order.id) },
      },
      { idempotencyKey: `refund-order-${order.id}` },
    );
    await db
      .updateTable("orders")
      .set({ stripe_refund_id: refund.id, refund_error: null, updated_at: new Date() })
      .where("id", "=", order.id)
      .execute();
    return { ok: true as const };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db
      .updateTable("orders")
      .set({ refund_error: message.slice(0, 500), updated_at: new Date() })
      .where("id", "=", order.id)
      .execute();
    return { ok: false as const, error: message };
  }
}

/** /admin/orders: refund a paid order in full (the job it bought comes down with the refund). */
export async function refundOrder(input: { orderId: number; actor: Actor; reason: string }) {
  const request = await getDb()
    .transaction()
    .execute((trx) => markRefundRequested(trx, input));
  if (!request.ok || !request.viaStripe) return request;
  const sent = await sendRefund(request.orderId);
  return sent.ok ? request : ({ ok: false, reason: "stripe_error", error: sent.error } as const);
}

/** Orders across companies, newest first, by status or by company name or order number. */
export async function listAllOrders(input: { status?: string; q?: string; limit?: number }) {
  let query = getDb()
    .selectFrom("orders")
    .innerJoin("companies", "companies.id", "orders.company_id")
    .innerJoin("plans", "plans.code", "orders.plan_code")
    .leftJoin("jobs", "jobs.id", "orders.job_id")
    .select([
      "orders.id",
      "orders.status",
      "orders.purpose",
      "orders.amount_cents",
      "orders.amount_paid_cents",
      "orders.currency",
      "orders.created_at",
      "orders.paid_at",
      "orders.refunded_at",
      "orders.refund_requested_at",
      "orders.refund_reason",
      "orders.refund_error",
      "orders.stripe_refund_id",
      "plans.name as plan_name",
      "companies.id as company_id",
      "companies.name as company_name",
      "jobs.id as job_id",
      "jobs.title as job_title",
    ])
    .orderBy("orders.id", "desc")
    .limit(input.limit ?? 100);
  if (input.status) query = query.where("orders.status", "=", input.status);
  const q = input.q?.trim();
  if (q) {
    query = /^#?\d{1,9}$/.test(q)
      ? query.where("orders.id", "=", Number(q.replace("#", "")))
      : query.where("companies.name", "ilike", `%${q.replace(/[\\%_]/g, "\\$&")}%`);
  }
  return query.execute();
}
