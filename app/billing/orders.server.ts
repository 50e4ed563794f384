// Orders and Stripe Checkout: an order is created first (its id is the idempotency key and
// the metadata Stripe sends back), then a Checkout Session for it, or the local stand-in.
import { type Kysely, sql } from "kysely";
import type { DB } from "#db/types";
import { jobClock } from "~/jobs/job-status";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { getPlan, type Plan } from "./plans.server";
import { getStripe, isLocalCheckout, type Stripe } from "./stripe.server";

export type Purpose = "publish" | "renew" | "upgrade" | "credits";

export type CheckoutRequest = {
  companyId: number;
  userId: number;
  purpose: Purpose;
  planCode: string;
  jobId?: number | null;
};

export type CheckoutResult =
  | { ok: true; orderId: number; redirectTo: string }
  | { ok: false; reason: "not_found" | "bad_plan" | "not_ready" | "wrong_state" };

const PLAN_KINDS: Record<Purpose, string> = {
  publish: "post",
  renew: "post",
  upgrade: "upgrade",
  credits: "credits",
};

/** Whether a job in this state may be bought this purpose (checked again at fulfillment). */
export function purposeAllowed(
  purpose: Purpose,
  job: {
    status: string;
    valid_through: Date | null;
    featured_until: Date | null;
    held_since: Date | null;
  },
  now = new Date(),
) {
  const { running } = jobClock(job, now);
  switch (purpose) {
    case "publish":
      return job.status === "draft" || job.status === "pending_payment";
    case "renew":
      return job.status === "published" || job.status === "expired";
    case "upgrade":
      return running && !(job.featured_until && job.featured_until >= (job.valid_through as Date));
    default:
      return false;
  }
}

/** A job is ready to go live once it has the fields a reader needs. */
export function jobReady(job: { title: string; description: string }) {
  return job.title.trim().length >= 3 && job.description.trim().length >= 50;
}

/**
 * One of the company's jobs, if it may be bought this purpose now and is ready to go live.
 * Inside a transaction, `lock` holds the row until it commits (spending a credit).
 */
export async function checkJobForPurchase(
  db: Kysely<DB>,
  input: { companyId: number; jobId: number; purpose: Purpose },
  { lock = false, now = new Date() }: { lock?: boolean; now?: Date } = {},
) {
  let query = db
    .selectFrom("jobs")
    .select([
      "id",
      "title",
      "description",
      "status",
      "valid_through",
      "featured_until",
      "held_since",
    ])
    .where("id", "=", input.jobId)
    .where("company_id", "=", input.companyId);
  if (lock) query = query.forUpdate();
  const job = await query.executeTakeFirst();
  if (!job) return { ok: false, reason: "not_found" } as const;
  if (!purposeAllowed(input.purpose, job, now))
    return { ok: false, reason: "wrong_state" } as const;
  if (!jobReady(job)) return { ok: false, reason: "not_ready" } as const;
  return { ok: true, job } as const;
}

/**
 * Creates (or reuses, within a day) the pending order for this purchase and a Checkout
 * Session for it. Reusing the order reuses its idempotency key, so a double click or a second
 * tab gets the same session: one payment at most.
 */
export async function startCheckout(input: CheckoutRequest): Promise<CheckoutResult> {
  const plan = await getPlan(input.planCode);
  if (!plan || plan.kind !== PLAN_KINDS[input.purpose]) return { ok: false, reason: "bad_plan" };
  const db = getDb();
  const env = getEnv();

  let job: { id: number; title: string; status: string } | null = null;
  if (input.purpose !== "credits") {
    if (!input.jobId) return { ok: false, reason: "not_found" };
    const checked = await checkJobForPurchase(db, { ...input, jobId: input.jobId });
    if (!checked.ok) return checked;
    job = checked.job;
  }

  const order = await db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom("orders")
      .select(["id", "amount_cents"])
      .where("company_id", "=", input.companyId)
      .where("purpose", "=", input.purpose)
      .where("plan_code", "=", plan.code)
      .where("status", "=", "pending")
      .where((eb) => (job ? eb("job_id", "=", job.id) : eb("job_id", "is", null)))
      .where("amount_cents", "=", plan.price_cents)
      .where("created_at", ">", sql<Date>`now() - interval '23 hours'`)
      .orderBy("id", "desc")
      .executeTakeFirst();
    const created =
      existing ??
      (await trx
        .insertInto("orders")
        .values({
          company_id: input.companyId,
          user_id: input.userId,
          job_id: job?.id ?? null,
          plan_code: plan.code,
          purpose: input.purpose,
          amount_cents: plan.price_cents,
        })
        .returning(["id", "amount_cents"])
        .executeTakeFirstOrThrow());
    if (job && input.purpose === "publish") {
      await trx
        .updateTable("jobs")
        .set({ status: "pending_payment", updated_at: new Date() })
        .where("id", "=", job.id)
        .where("status", "=", "draft")
        .execute();
    }
    return created;
  });

  const stripe = getStripe();
  if (!stripe) {
    if (!isLocalCheckout()) throw new Error("Stripe is not configured");
    await db
      .updateTable("orders")
      .set({ stripe_checkout_session_id: `cs_local_${order.id}` })
      .where("id", "=", order.id)
      .execute();
    return { ok: true, orderId: order.id, redirectTo: `/dev/checkout/${order.id}` };
  }

  const customer = await ensureCustomer(stripe, input.companyId);
  const session = await stripe.checkout.sessions.create(
    checkoutParams({ order, plan, job, customer, appUrl: env.APP_URL }),
    { idempotencyKey: `checkout-order-${order.id}` },
  );
  await db
    .updateTable("orders")
    .set({ stripe_checkout_session_id: session.id, updated_at: new Date() })
    .where("id", "=", order.id)
    .execute();
  // A session already paid has no URL any more: show the order's state instead.
  return { ok: true, orderId: order.id, redirectTo: session.url ?? `/checkout/${order.id}` };
}

export function checkoutParams({
  order,
  plan,
  job,
  customer,
  appUrl,
}: {
  order: { id: number; amount_cents: number };
  plan: Plan;
  job: { id: number; title: string } | null;
  customer: string;
  appUrl: string;
}): Stripe.Checkout.SessionCreateParams {
  const metadata: Record<string, string> = { order_id: String(order.id) };
  if (job) metadata.job_id = String(job.id);
  // The synced Stripe price when it matches the current setting; otherwise the amount inline,
  // so a price change works before `npm run stripe:sync` has run.
  const lineItem: Stripe.Checkout.SessionCreateParams.LineItem =
    plan.stripe_price_id && plan.stripe_price_cents === order.amount_cents
      ? { price: plan.stripe_price_id, quantity: 1 }
      : {
          price_data: {
            currency: "usd",
            unit_amount: order.amount_cents,
            product_data: { name: `MedCode Jobs: ${plan.name}` },
          },
          quantity: 1,
        };
  return {
    mode: "payment",
    customer,
    client_reference_id: String(order.id),
    line_items: [lineItem],
    allow_promotion_codes: true,
    metadata,
    payment_intent_data: {
      metadata,
      description: job ? `${plan.name}: ${job.title}`.slice(0, 200) : plan.name,
    },
    success_url: `${appUrl}/checkout/${order.id}?session_id={CHECKOUT_SESSION_ID}`,
    cancel_url: job
      ? `${appUrl}/employer/jobs/${job.id}?checkout=canceled`
      : `${appUrl}/employer/billing?checkout=canceled`,
  };
}

/** One Stripe customer per company, created once (the idempotency key covers a race). */
async function ensureCustomer(stripe: Stripe, companyId: number): Promise<string> {
  const db = getDb();
  const company = await db
    .selectFrom("companies")
    .select(["id", "name", "stripe_customer_id"])
    .where("id", "=", companyId)
    .executeTakeFirstOrThrow();
  if (company.stripe_customer_id) return company.stripe_customer_id;
  const owner = await db
    .selectFrom("company_members")
    .innerJoin("users", "users.id", "company_members.user_id")
    .select("users.email")
    .where("company_members.company_id", "=", companyId)
    .where("company_members.role", "=", "owner")
    .orderBy("company_members.created_at")
    .executeTakeFirst();
  const customer = await stripe.customers.create(
    {
      name: company.name,
      ...(owner ? { email: owner.email } : {}),
      metadata: { company_id: String(companyId) },
    },
    { idempotencyKey: `customer-company-${companyId}` },
  );
  const saved = await db
    .updateTable("companies")
    .set({ stripe_customer_id: customer.id })
    .where("id", "=", companyId)
    .where("stripe_customer_id", "is", null)
    .returning("stripe_customer_id")
    .executeTakeFirst();
  if (saved?.stripe_customer_id) return saved.stripe_customer_id;
  const current = await db
    .selectFrom("companies")
    .select("stripe_customer_id")
    .where("id", "=", companyId)
    .executeTakeFirstOrThrow();
  return current.stripe_customer_id ?? customer.id;
}

const orderColumns = [
  "orders.id",
  "orders.job_id",
  "orders.purpose",
  "orders.status",
  "orders.amount_cents",
  "orders.amount_paid_cents",
  "orders.currency",
  "orders.paid_at",
  "orders.refunded_at",
  "orders.created_at",
  "orders.stripe_checkout_session_id",
  "plans.name as plan_name",
  "plans.code as plan_code",
  "jobs.title as job_title",
  "jobs.slug as job_slug",
  "jobs.status as job_status",
  "jobs.valid_through as job_valid_through",
] as const;

function ordersQuery(companyId: number) {
  return getDb()
    .selectFrom("orders")
    .innerJoin("plans", "plans.code", "orders.plan_code")
    .leftJoin("jobs", "jobs.id", "orders.job_id")
    .select(orderColumns)
    .where("orders.company_id", "=", companyId);
}

export async function listOrders({
  companyId,
  limit = 100,
}: {
  companyId: number;
  limit?: number;
}) {
  return ordersQuery(companyId).orderBy("orders.id", "desc").limit(limit).execute();
}

export async function getOrder({ companyId, orderId }: { companyId: number; orderId: number }) {
  return ordersQuery(companyId).where("orders.id", "=", orderId).executeTakeFirst();
}

/**
 * The order's state for the success page. When the webhook has not arrived yet, asks Stripe
 * how the payment stands, and says so; it never fulfils: only the webhook does.
 */
export async function getCheckoutStatus({
  companyId,
  orderId,
}: {
  companyId: number;
  orderId: number;
}) {
  const order = await getOrder({ companyId, orderId });
  if (!order) return null;
  let stripePaymentStatus: string | null = null;
  const stripe = getStripe();
  if (
    stripe &&
    (order.status === "pending" || order.status === "processing") &&
    order.stripe_checkout_session_id?.startsWith("cs_")
  ) {
    try {
      const session = await stripe.checkout.sessions.retrieve(order.stripe_checkout_session_id);
      stripePaymentStatus = session.payment_status;
    } catch {
      stripePaymentStatus = null;
    }
  }
  return { order, stripePaymentStatus };
}
