// /api/webhooks/stripe: verify the signature on the raw body, then act on each event id once,
// in the same transaction that records it. /dev/checkout calls handleWebhookRequest too.
import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "#db/types";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { logger } from "../../server/logger";
import { failOrder, fulfillOrder, markProcessing, reverseOrder } from "./fulfillment.server";
import { constructEvent, isLocalCheckout, type Stripe, signTestPayload } from "./stripe.server";

type Trx = Kysely<DB>;

export type WebhookResult = { status: number; body: string };

export async function handleWebhookRequest(request: Request): Promise<WebhookResult> {
  const signature = request.headers.get("stripe-signature");
  // The exact bytes Stripe signed: never a parsed-and-re-serialized copy.
  const rawBody = await request.text();
  if (!signature) return { status: 400, body: "Missing Stripe-Signature header." };
  let event: Stripe.Event;
  try {
    event = constructEvent(rawBody, signature);
  } catch {
    return { status: 400, body: "Invalid signature." };
  }
  const outcome = await processStripeEvent(event);
  return { status: 200, body: JSON.stringify({ received: true, outcome }) };
}

/**
 * Local test mode only (no Stripe keys): builds the event Stripe would send for what just
 * happened (a payment on /dev/checkout, a refund an operator asked for), signs it with the
 * local secret and hands it to the very handler Stripe's deliveries use, signature included.
 */
export async function deliverLocalEvent(type: string, object: Record<string, unknown>) {
  if (!isLocalCheckout()) throw new Error("local Stripe events are for test mode only");
  const payload = JSON.stringify({
    id: `evt_local_${randomBytes(12).toString("hex")}`,
    object: "event",
    type,
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    data: { object },
  });
  const result = await handleWebhookRequest(
    new Request(`${getEnv().APP_URL}/api/webhooks/stripe`, {
      method: "POST",
      body: payload,
      headers: { "content-type": "application/json", "stripe-signature": signTestPayload(payload) },
    }),
  );
  if (result.status !== 200)
    throw new Error(`local ${type}: webhook answered ${result.status}: ${result.body}`);
  return result;
}

function orderIdFrom(metadata: Stripe.Metadata | null | undefined, fallback?: string | null) {
  const raw = metadata?.order_id ?? fallback ?? "";
  return /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : null;
}

function idOf(value: string | { id: string } | null | undefined) {
  return typeof value === "string" ? value : (value?.id ?? null);
}

type Checked =
  | { ok: true; orderId: number }
  | { ok: false; outcome: string; orderId: number | null };

/**
 * A signed event is still only as good as the order it names: metadata is copied from our
 * own Checkout Session, but an event for a session we never created (a test-mode key in the
 * wrong environment, a session edited in the dashboard, a bug) must not deliver anything.
 * The order must exist and the session must be ours and for exactly what the order sells.
 */
async function checkSessionOrder(
  trx: Trx,
  orderId: number | null,
  session: Stripe.Checkout.Session,
): Promise<Checked> {
  if (!orderId) return { ok: false, outcome: "ignored: no order", orderId: null };
  const order = await trx
    .selectFrom("orders")
    .select(["id", "amount_cents", "currency", "stripe_checkout_session_id"])
    .where("id", "=", orderId)
    .executeTakeFirst();
  if (!order) return { ok: false, outcome: "ignored: unknown order", orderId: null };
  const mismatches = [
    session.mode !== "payment" && "mode",
    session.id !== order.stripe_checkout_session_id && "session",
    session.currency?.toLowerCase() !== order.currency.toLowerCase() && "currency",
    // Before discounts: a promotion code lowers amount_total, never what the order sells for.
    session.amount_subtotal !== order.amount_cents && "amount",
  ].filter((m): m is string => Boolean(m));
  if (mismatches.length === 0) return { ok: true, orderId };
  return { ok: false, outcome: `ignored: ${mismatches.join(", ")} mismatch`, orderId };
}

async function orderByPaymentIntent(trx: Trx, paymentIntentId: string | null) {
  if (!paymentIntentId) return null;
  const row = await trx
    .selectFrom("orders")
    .select("id")
    .where("stripe_payment_intent_id", "=", paymentIntentId)
    .executeTakeFirst();
  return row?.id ?? null;
}

/**
 * The order a refund or dispute is about: by metadata when that order exists and was paid
 * with this PaymentIntent (or not paid yet), else by the PaymentIntent alone.
 */
async function chargeOrder(
  trx: Trx,
  metadata: Stripe.Metadata | null | undefined,
  paymentIntentId: string | null,
) {
  const byMetadata = orderIdFrom(metadata);
  if (byMetadata) {
    const order = await trx
      .selectFrom("orders")
      .select(["id", "stripe_payment_intent_id"])
      .where("id", "=", byMetadata)
      .executeTakeFirst();
    if (
      order &&
      (!order.stripe_payment_intent_id || order.stripe_payment_intent_id === paymentIntentId)
    ) {
      return order.id;
    }
  }
  return orderByPaymentIntent(trx, paymentIntentId);
}

/** Acts on a verified event exactly once; later deliveries of the same id answer "duplicate". */
export async function processStripeEvent(event: Stripe.Event): Promise<string> {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      // Concurrent deliveries of one id wait here on the primary key until the first commits,
      // then see the conflict: only one transaction ever acts on an event.
      const fresh = await trx
        .insertInto("stripe_events")
        .values({ id: event.id, type: event.type, outcome: "processing" })
        .onConflict((oc) => oc.column("id").doNothing())
        .returning("id")
        .executeTakeFirst();
      if (!fresh) return "duplicate";
      const { outcome, orderId } = await dispatch(trx, event);
      if (outcome.startsWith("ignored: ") && outcome !== "ignored: no order") {
        // Signed by Stripe yet wrong for our records: someone has to look. Answered 200 so
        // Stripe does not retry it for days; the row below keeps it for the investigation.
        logger.error(
          { alert: "stripe-event-mismatch", eventId: event.id, type: event.type, orderId, outcome },
          "Stripe event does not match its order: recorded and ignored",
        );
      }
      await trx
        .updateTable("stripe_events")
        .set({ outcome, order_id: orderId })
        .where("id", "=", event.id)
        .execute();
      return outcome;
    });
}

async function dispatch(
  trx: Trx,
  event: Stripe.Event,
): Promise<{ outcome: string; orderId: number | null }> {
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded":
    case "checkout.session.async_payment_failed": {
      const session = event.data.object;
      const checked = await checkSessionOrder(
        trx,
        orderIdFrom(session.metadata, session.client_reference_id),
        session,
      );
      if (!checked.ok) return checked;
      const { orderId } = checked;
      const facts = {
        paymentIntentId: idOf(session.payment_intent),
        amountPaidCents: session.amount_total,
      };
      if (event.type === "checkout.session.async_payment_failed") {
        return { outcome: await failOrder(trx, orderId), orderId };
      }
      // "completed" with an unpaid status is a bank debit still on its way: wait for the
      // async event. "no_payment_required" is a 100% promotion code: deliver.
      if (event.type === "checkout.session.completed" && session.payment_status === "unpaid") {
        return { outcome: await markProcessing(trx, orderId, facts), orderId };
      }
      return { outcome: await fulfillOrder(trx, orderId, facts), orderId };
    }
    case "charge.refunded": {
      const charge = event.data.object;
      const orderId = await chargeOrder(trx, charge.metadata, idOf(charge.payment_intent));
      if (!orderId) return { outcome: "ignored: unknown order", orderId: null };
      // A partial refund (a goodwill credit) keeps the job up; a full refund takes it down.
      if (!charge.refunded) return { outcome: "partial refund", orderId };
      return { outcome: await reverseOrder(trx, orderId, "refunded"), orderId };
    }
    case "charge.dispute.created": {
      const dispute = event.data.object;
      const orderId = await chargeOrder(trx, dispute.metadata, idOf(dispute.payment_intent));
      if (!orderId) return { outcome: "ignored: unknown order", orderId: null };
      return { outcome: await reverseOrder(trx, orderId, "disputed"), orderId };
    }
    default:
      return { outcome: "ignored", orderId: null };
  }
}
