// Shared by the billing tests: a company with a draft job, orders, signed Stripe events, and
// a local stand-in for Stripe's API that the real SDK talks to.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { en, Faker } from "@faker-js/faker";
import { afterAll, beforeAll } from "vitest";
import { signTestPayload } from "../../app/billing/stripe.server";
import { getDb } from "../../app/utils/db.server";
import { initEnv } from "../../app/utils/env.server";
import { buildJob, insertBuiltJobs } from "../factories/jobs";
import { createUser } from "../factories/users";

// Seeded: the same fake data on every run, so a failure can be repeated.
const faker = new Faker({ locale: [en], seed: 102 });

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

export type StripeRequest = {
  method: string;
  path: string;
  idempotencyKey: string | undefined;
  body: URLSearchParams;
};

/**
 * For the test file: a node:http stand-in for api.stripe.com, with the Stripe keys set so the
 * real SDK calls it (STRIPE_API_BASE). It records every request and, like Stripe, answers a
 * repeated idempotency key with the first answer. Extra settings apply while it runs.
 */
export function useStripeStandIn(settings: Record<string, string> = {}) {
  const state = {
    requests: [] as StripeRequest[],
    sessionPaymentStatus: "unpaid",
    /** Set to make the next POST /v1/refunds fail with this message. */
    refundError: null as string | null,
  };
  const replies = new Map<string, { status: number; body: string }>();
  let server: Server;
  const answer = (method: string, path: string, body: URLSearchParams) => {
    if (method === "POST" && path === "/v1/customers")
      return { id: `cus_test_${body.get("metadata[company_id]")}`, object: "customer" };
    if (method === "POST" && path === "/v1/checkout/sessions") {
      const order = body.get("client_reference_id");
      return {
        id: `cs_test_${order}`,
        object: "checkout.session",
        url: `https://checkout.stripe.com/c/pay/cs_test_${order}`,
        payment_status: "unpaid",
      };
    }
    if (method === "POST" && path === "/v1/products")
      return { id: `prod_${body.get("metadata[plan_code]")}`, object: "product" };
    if (method === "POST" && path === "/v1/prices")
      return {
        id: `price_${body.get("metadata[plan_code]")}_${body.get("unit_amount")}`,
        object: "price",
      };
    if (method === "POST" && /^\/v1\/(products|prices)\/[\w]+$/.test(path))
      return { id: path.split("/").pop(), object: "object" };
    if (method === "GET" && path.startsWith("/v1/checkout/sessions/"))
      return {
        id: path.split("/").pop(),
        object: "checkout.session",
        payment_status: state.sessionPaymentStatus,
      };
    if (method === "POST" && path === "/v1/refunds") {
      const count = state.requests.filter((r) => r.path === "/v1/refunds").length;
      return {
        id: `re_test_${count}`,
        object: "refund",
        status: "succeeded",
        payment_intent: body.get("payment_intent"),
      };
    }
    return null;
  };
  beforeAll(async () => {
    server = createServer((req, res) => {
      let raw = "";
      req.on("data", (chunk) => {
        raw += chunk;
      });
      req.on("end", () => {
        const path = req.url ?? "";
        const key = req.headers["idempotency-key"] as string | undefined;
        const body = new URLSearchParams(raw);
        state.requests.push({ method: req.method ?? "", path, idempotencyKey: key, body });
        res.setHeader("content-type", "application/json");
        const replay = key ? replies.get(key) : undefined;
        if (replay) {
          res.statusCode = replay.status;
          res.end(replay.body);
          return;
        }
        let reply: { status: number; body: string };
        if (path === "/v1/refunds" && state.refundError) {
          reply = {
            status: 400,
            body: JSON.stringify({
              error: { type: "invalid_request_error", message: state.refundError },
            }),
          };
          state.refundError = null;
        } else {
          const object = answer(req.method ?? "", path, body);
          reply = object
            ? { status: 200, body: JSON.stringify(object) }
            : {
                status: 404,
                body: JSON.stringify({
                  error: { message: `no stand-in for ${req.method} ${path}` },
                }),
              };
        }
        if (key && reply.status === 200) replies.set(key, reply);
        res.statusCode = reply.status;
        res.end(reply.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    Object.assign(process.env, {
      STRIPE_SECRET_KEY: "sk_test_standin",
      STRIPE_WEBHOOK_SECRET: "whsec_standin_secret",
      STRIPE_API_BASE: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      ...settings,
    });
    initEnv();
  });
  afterAll(async () => {
    for (const key of [
      "STRIPE_SECRET_KEY",
      "STRIPE_WEBHOOK_SECRET",
      "STRIPE_API_BASE",
      ...Object.keys(settings),
    ])
      delete process.env[key];
    initEnv();
    await new Promise((resolve) => server.close(resolve));
  });
  return state;
}
