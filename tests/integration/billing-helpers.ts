// Shared by the billing tests: a company with a draft job, orders, and signed Stripe events.
import { faker } from "@faker-js/faker";
import { signTestPayload } from "../../app/billing/stripe.server";
import { getDb } from "../../app/utils/db.server";
import { buildJob, insertBuiltJobs } from "../factories/jobs";
import { createUser } from "../factories/users";

export async function employerWithDraft(options: { title?: string } = {}) {
  const employer = await createUser({ role: "employer" });
  const jobId = await insertDraft(employer.companyId!, employer.id, options.title);
  return { employer, jobId };
}

export async function insertDraft(companyId: number, userId: number, title?: string) {
  const built = buildJob(faker, { companyName: "Test Co", status: "draft" });
  if (title) built.row.title = title;
  const [jobId] = await insertBuiltJobs(getDb(), [{ companyId, createdBy: userId, job: built }]);
  return jobId;
}

export async function insertOrder(values: {
  companyId: number;
  userId: number;
  jobId: number | null;
  planCode?: string;
  purpose?: "publish" | "renew" | "upgrade" | "credits";
  amountCents?: number;
  paymentIntentId?: string;
}) {
  const row = await getDb()
    .insertInto("orders")
    .values({
      company_id: values.companyId,
      user_id: values.userId,
      job_id: values.jobId,
      plan_code: values.planCode ?? "standard",
      purpose: values.purpose ?? "publish",
      amount_cents: values.amountCents ?? 9900,
      stripe_payment_intent_id: values.paymentIntentId ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  // The Checkout Session sessionEvent() describes, as startCheckout would have recorded it.
  await getDb()
    .updateTable("orders")
    .set({ stripe_checkout_session_id: `cs_test_${row.id}` })
    .where("id", "=", row.id)
    .execute();
  return row.id;
}

let counter = 0;

export function sessionEvent(
  type: string,
  order: { id: number; jobId: number | null },
  session: Record<string, unknown> = {},
) {
  counter += 1;
  return {
    id: `evt_test_${process.pid}_${Date.now()}_${counter}`,
    object: "event",
    type,
    created: Math.floor(Date.now() / 1000),
    data: {
      object: {
        id: `cs_test_${order.id}`,
        object: "checkout.session",
        mode: "payment",
        status: "complete",
        payment_status: "paid",
        amount_subtotal: 9900,
        amount_total: 9900,
        currency: "usd",
        client_reference_id: String(order.id),
        payment_intent: `pi_test_${order.id}`,
        metadata: {
          order_id: String(order.id),
          ...(order.jobId ? { job_id: String(order.jobId) } : {}),
        },
        ...session,
      },
    },
  };
}

export function chargeEvent(
  type: "charge.refunded" | "charge.dispute.created",
  paymentIntent: string,
  extra: Record<string, unknown> = {},
) {
  counter += 1;
  const object =
    type === "charge.refunded"
      ? {
          id: `ch_${counter}`,
          object: "charge",
          payment_intent: paymentIntent,
          refunded: true,
          amount_refunded: 9900,
          metadata: {},
          ...extra,
        }
      : {
          id: `dp_${counter}`,
          object: "dispute",
          payment_intent: paymentIntent,
          charge: `ch_${counter}`,
          metadata: {},
          ...extra,
        };
  return {
    id: `evt_test_${process.pid}_${Date.now()}_c${counter}`,
    object: "event",
    type,
    created: Math.floor(Date.now() / 1000),
    data: { object },
  };
}

export function signedRequest(
  event: unknown,
  options: { body?: string; signature?: string | null; timestamp?: number } = {},
) {
  const payload = JSON.stringify(event);
  const signature =
    options.signature === undefined
      ? signTestPayload(payload, options.timestamp)
      : options.signature;
  return new Request("http://localhost/api/webhooks/stripe", {
    method: "POST",
    body: options.body ?? payload,
    headers: {
      "content-type": "application/json",
      ...(signature ? { "stripe-signature": signature } : {}),
    },
  });
}

export async function jobRow(jobId: number) {
  return getDb()
    .selectFrom("jobs")
    .select(["status", "published_at", "valid_through", "featured_until"])
    .where("id", "=", jobId)
    .executeTakeFirstOrThrow();
}

export async function countRows(
  table: "stripe_events" | "emails" | "credits",
  where?: { column: string; value: string | number },
) {
  let query = getDb()
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("n"));
  if (where) query = query.where(where.column as never, "=", where.value as never);
  return (await query.executeTakeFirstOrThrow()).n;
}

export async function receiptCount(orderId: number) {
  const row = await getDb()
    .selectFrom("emails")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("dedupe_key", "=", `receipt:order:${orderId}`)
    .executeTakeFirstOrThrow();
  return row.n;
}
