// The Stripe SDK pointed at a local stand-in (node:http) that records what we send.
import { describe, expect, it } from "vitest";
import { spendCredit } from "../../app/billing/credits.server";
import { getStripe } from "../../app/billing/stripe.server";
import { syncStripePlans } from "../../app/billing/stripe-sync.server";
import * as checkoutPage from "../../app/routes/checkout.$id";
import * as devCheckout from "../../app/routes/dev.checkout.$id";
import * as overview from "../../app/routes/employer.jobs.$id._index";
import { getDb } from "../../app/utils/db.server";
import { createUser } from "../factories/users";
import { call, get, post } from "../routes";
import {
  employerWithDraft,
  insertDraft,
  insertOrder,
  jobRow,
  sessionEvent,
  signedRequest,
  useStripeStandIn,
} from "./billing-helpers";

const stripe = useStripeStandIn({ PRICE_FEATURED_CENTS: "24900" });
const requests = stripe.requests;

describe("Stripe Checkout", () => {
  it("creates one customer per company and a session with the right price, customer, metadata, URLs and idempotency key", async () => {
    const { employer, jobId } = await employerWithDraft();
    requests.length = 0;
    const outcome = await call(
      overview.action,
      post(`/employer/jobs/${jobId}`, { intent: "checkout", plan: "featured" }, employer.cookie),
      { id: String(jobId) },
    );
    expect(outcome.status).toBe(302);
    const order = await getDb()
      .selectFrom("orders")
      .selectAll()
      .where("job_id", "=", jobId)
      .executeTakeFirstOrThrow();
    expect(outcome.location).toBe(`https://checkout.stripe.com/c/pay/cs_test_${order.id}`);
    expect(order).toMatchObject({
      amount_cents: 24900,
      plan_code: "featured",
      purpose: "publish",
      status: "pending",
      stripe_checkout_session_id: `cs_test_${order.id}`,
    });

    const [customer, session] = requests;
    expect(customer.path).toBe("/v1/customers");
    expect(customer.idempotencyKey).toBe(`customer-company-${employer.companyId}`);
    expect(customer.body.get("metadata[company_id]")).toBe(String(employer.companyId));
    expect(session.path).toBe("/v1/checkout/sessions");
    expect(session.idempotencyKey).toBe(`checkout-order-${order.id}`);
    const b = session.body;
    expect(b.get("mode")).toBe("payment");
    expect(b.get("customer")).toBe(`cus_test_${employer.companyId}`);
    expect(b.get("allow_promotion_codes")).toBe("true");
    expect(b.get("line_items[0][quantity]")).toBe("1");
    expect(b.get("line_items[0][price_data][unit_amount]")).toBe("24900");
    expect(b.get("line_items[0][price_data][currency]")).toBe("usd");
    expect(b.get("metadata[order_id]")).toBe(String(order.id));
    expect(b.get("metadata[job_id]")).toBe(String(jobId));
    expect(b.get("payment_intent_data[metadata][order_id]")).toBe(String(order.id));
    expect(b.get("client_reference_id")).toBe(String(order.id));
    expect(b.get("success_url")).toBe(
      `http://localhost:3000/checkout/${order.id}?session_id={CHECKOUT_SESSION_ID}`,
    );
    expect(b.get("cancel_url")).toBe(
      `http://localhost:3000/employer/jobs/${jobId}?checkout=canceled`,
    );

    const stored = await getDb()
      .selectFrom("companies")
      .select("stripe_customer_id")
      .where("id", "=", employer.companyId!)
      .executeTakeFirstOrThrow();
    expect(stored.stripe_customer_id).toBe(`cus_test_${employer.companyId}`);

    // A second checkout of the same company reuses the customer; a double click reuses the order and key.
    requests.length = 0;
    await call(
      overview.action,
      post(`/employer/jobs/${jobId}`, { intent: "checkout", plan: "featured" }, employer.cookie),
      { id: String(jobId) },
    );
    expect(requests.map((r) => r.path)).toEqual(["/v1/checkout/sessions"]);
    expect(requests[0].idempotencyKey).toBe(`checkout-order-${order.id}`);
  });

  it("uses the synced Stripe price when it matches the price setting", async () => {
    await getDb()
      .updateTable("plans")
      .set({ stripe_price_id: "price_std_1", stripe_price_cents: 9900 })
      .where("code", "=", "standard")
      .execute();
    try {
      const { employer, jobId } = await employerWithDraft();
      requests.length = 0;
      await call(
        overview.action,
        post(`/employer/jobs/${jobId}`, { intent: "checkout", plan: "standard" }, employer.cookie),
        { id: String(jobId) },
      );
      const session = requests.find((r) => r.path === "/v1/checkout/sessions")!;
      expect(session.body.get("line_items[0][price]")).toBe("price_std_1");
      expect(session.body.get("line_items[0][quantity]")).toBe("1");
    } finally {
      await getDb()
        .updateTable("plans")
        .set({ stripe_price_id: null, stripe_price_cents: null })
        .where("code", "=", "standard")
        .execute();
    }
  });

  it("the success page asks Stripe when the webhook is late, and still publishes nothing", async () => {
    const { employer, jobId } = await employerWithDraft();
    const started = await call(
      overview.action,
      post(`/employer/jobs/${jobId}`, { intent: "checkout", plan: "standard" }, employer.cookie),
      { id: String(jobId) },
    );
    const orderId = Number(/cs_test_(\d+)/.exec(started.location!)![1]);
    stripe.sessionPaymentStatus = "paid";
    const page = await call(
      checkoutPage.loader,
      get(`/checkout/${orderId}?session_id=cs_test_${orderId}`, employer.cookie),
      { id: String(orderId) },
    );
    expect(page.body).toMatchObject({ order: { status: "pending" }, stripePaymentStatus: "paid" });
    expect((await jobRow(jobId)).status).toBe("pending_payment");
    stripe.sessionPaymentStatus = "unpaid";
  });

  it("has no test-mode checkout page when Stripe keys are set", async () => {
    const { employer, jobId } = await employerWithDraft();
    const orderId = await insertOrder({
      companyId: employer.companyId!,
      userId: employer.id,
      jobId,
    });
    expect(
      (
        await call(devCheckout.loader, get(`/dev/checkout/${orderId}`, employer.cookie), {
          id: String(orderId),
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await call(
          devCheckout.action,
          post(`/dev/checkout/${orderId}`, { intent: "pay" }, employer.cookie),
          { id: String(orderId) },
        )
      ).status,
    ).toBe(404);
    // And events signed with the local secret are refused.
    const { webhookSecret } = await import("../../app/billing/stripe.server");
    expect(webhookSecret()).toBe("whsec_standin_secret");
    const { action } = await import("../../app/routes/api.webhooks.stripe");
    const forged = await call(
      action,
      signedRequest(sessionEvent("checkout.session.completed", { id: orderId, jobId }), {
        signature: `t=${Math.floor(Date.now() / 1000)},v1=${"0".repeat(64)}`,
      }),
    );
    expect(forged.status).toBe(400);
  });
});

describe("credits", () => {
  async function grant(companyId: number, userId: number, remaining: number) {
    const orderId = await insertOrder({
      companyId,
      userId,
      jobId: null,
      purpose: "credits",
      planCode: "bundle5",
    });
    await getDb().updateTable("orders").set({ status: "paid" }).where("id", "=", orderId).execute();
    await getDb()
      .insertInto("credits")
      .values({
        company_id: companyId,
        order_id: orderId,
        total: 5,
        remaining,
        expires_at: new Date(Date.now() + 86_400_000 * 300),
      })
      .execute();
  }

  it("spends one credit once when two jobs publish at the same moment", async () => {
    const employer = await createUser({ role: "employer" });
    await grant(employer.companyId!, employer.id, 1);
    const a = await insertDraft(employer.companyId!, employer.id);
    const b = await insertDraft(employer.companyId!, employer.id);
    const results = await Promise.all(
      [a, b].map((jobId) =>
        call(
          overview.action,
          post(`/employer/jobs/${jobId}`, { intent: "credit" }, employer.cookie),
          { id: String(jobId) },
        ),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([302, 409]);
    const refused = results.find((r) => r.status === 409)!.body as { error: string };
    expect(refused.error).toMatch(/no post credits left/);
    const published = [(await jobRow(a)).status, (await jobRow(b)).status].filter(
      (s) => s === "published",
    );
    expect(published).toHaveLength(1);
    const left = await getDb()
      .selectFrom("credits")
      .select("remaining")
      .where("company_id", "=", employer.companyId!)
      .executeTakeFirstOrThrow();
    expect(left.remaining).toBe(0);
  });

  it("spends one credit when two tabs publish the same job", async () => {
    const employer = await createUser({ role: "employer" });
    await grant(employer.companyId!, employer.id, 3);
    const jobId = await insertDraft(employer.companyId!, employer.id);
    const results = await Promise.all(
      Array.from({ length: 2 }, () =>
        spendCredit({
          companyId: employer.companyId!,
          jobId,
          userId: employer.id,
          purpose: "publish",
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, reason: "wrong_state" });
    const left = await getDb()
      .selectFrom("credits")
      .select("remaining")
      .where("company_id", "=", employer.companyId!)
      .executeTakeFirstOrThrow();
    expect(left.remaining).toBe(2);
  });

  it("spends across grants under a burst of concurrent publishes", async () => {
    const employer = await createUser({ role: "employer" });
    await grant(employer.companyId!, employer.id, 1);
    await grant(employer.companyId!, employer.id, 2);
    const jobs = await Promise.all(
      Array.from({ length: 6 }, () => insertDraft(employer.companyId!, employer.id)),
    );
    const results = await Promise.all(
      jobs.map((jobId) =>
        spendCredit({
          companyId: employer.companyId!,
          jobId,
          userId: employer.id,
          purpose: "publish",
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    const uses = await getDb()
      .selectFrom("credit_uses")
      .select("job_id")
      .where("job_id", "in", jobs)
      .execute();
    expect(uses).toHaveLength(3);
  });
});

describe("npm run stripe:sync", () => {
  it("creates a product and a price per plan from the settings, then leaves them alone", async () => {
    requests.length = 0;
    const first = await syncStripePlans(getDb(), getStripe()!);
    expect(first).toContain("featured: price price_featured_24900 (24900 cents)");
    expect(requests.filter((r) => r.path === "/v1/prices")).toHaveLength(4);
    expect(requests.find((r) => r.path === "/v1/prices")?.idempotencyKey).toMatch(/^price-plan-/);
    requests.length = 0;
    expect(await syncStripePlans(getDb(), getStripe()!)).toEqual([]);
    expect(
      requests.filter((r) => r.path === "/v1/prices" || r.path === "/v1/products"),
    ).toHaveLength(0);
    const featured = await getDb()
      .selectFrom("plans")
      .select(["stripe_price_id", "stripe_price_cents"])
      .where("code", "=", "featured")
      .executeTakeFirstOrThrow();
    expect(featured).toEqual({
      stripe_price_id: "price_featured_24900",
      stripe_price_cents: 24900,
    });
  });
});
