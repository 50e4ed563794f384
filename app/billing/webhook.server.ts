// /api/webhooks/stripe: verify the signature on the raw body, then act on each event id once,
// in the same transaction that records it. /dev/checkout calls handleWebhookRequest too.
import type { Kysely } from "kysely";
import type { DB } from "#db/types";
import { getDb } from "~/utils/db.server";
import { failOrder, fulfillOrder, markProcessing, reverseOrder } from "./fulfillment.server";
import { constructEvent, type Stripe } from "./stripe.server";

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

function orderIdFrom(metadata: Stripe.Metadata | null | undefined, fallback?: string | null) {
  const raw = metadata?.order_id ?? fallback ?? "";
  return /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : null;
}

function idOf(value: string | { id: string } | null | undefined) {
  return typeof value === "string" ? value : (value?.id ?? null);
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
      const orderId = orderIdFrom(session.metadata, session.client_reference_id);
      if (!orderId) return { outcome: "ignored: no order", orderId: null };
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
      const orderId =
        orderIdFrom(charge.metadata) ??
        (await orderByPaymentIntent(trx, idOf(charge.payment_intent)));
      if (!orderId) return { outcome: "ignored: no order", orderId: null };
      // A partial refund (a goodwill credit) keeps the job up; a full refund takes it down.
      if (!charge.refunded) return { outcome: "partial refund", orderId };
      return { outcome: await reverseOrder(trx, orderId, "refunded"), orderId };
    }
    case "charge.dispute.created": {
      const dispute = event.data.object;
      const orderId =
        orderIdFrom(dispute.metadata) ??
        (await orderByPaymentIntent(trx, idOf(dispute.payment_intent)));
      if (!orderId) return { outcome: "ignored: no order", orderId: null };
      return { outcome: await reverseOrder(trx, orderId, "disputed"), orderId };
    }
    default:
      return { outcome: "ignored", orderId: null };
  }
}
