// Refunds through the real Stripe SDK, pointed at the local stand-in: once per order however
// many clicks, and what the refund undoes is done by the charge.refunded webhook.
import { describe, expect, it } from "vitest";
import * as orders from "../../app/routes/admin.orders";
import * as reviewItem from "../../app/routes/admin.review.$id";
import * as webhook from "../../app/routes/api.webhooks.stripe";
import { getDb } from "../../app/utils/db.server";
import { call, get, post } from "../routes";
import { auditRows, emailsTo, employerWithJob, jobState, operator, payFor } from "./admin-helpers";
import { chargeEvent, signedRequest, useStripeStandIn } from "./billing-helpers";

const stripe = useStripeStandIn();
const refundCalls = (orderId: number) =>
  stripe.requests.filter(
    (r) => r.path === "/v1/refunds" && r.body.get("metadata[order_id]") === String(orderId),
  );

async function order(orderId: number) {
  return getDb()
    .selectFrom("orders")
    .select([
      "status",
      "stripe_payment_intent_id",
      "refund_requested_at",
      "stripe_refund_id",
      "refund_error",
    ])
    .where("id", "=", orderId)
    .executeTakeFirstOrThrow();
}

async function stripeConfirmsRefund(orderId: number) {
  const { stripe_payment_intent_id } = await order(orderId);
  const outcome = await call(
    webhook.action,
    signedRequest(chargeEvent("charge.refunded", stripe_payment_intent_id!)),
  );
  expect(outcome.status).toBe(200);
}

describe("rejecting a paid job", () => {
  it("refunds the order once through Stripe even when the operator clicks twice", async () => {
    const admin = await operator();
    const { employer, jobId } = await employerWithJob({ verified: false });
    const orderId = await payFor(employer, jobId);
    const review = await getDb()
      .selectFrom("job_reviews")
      .select("id")
      .where("job_id", "=", jobId)
      .executeTakeFirstOrThrow();
    const click = () =>
      call(
        reviewItem.action,
        post(
          `/admin/review/${review.id}`,
          { intent: "reject", reason: "Asks applicants for a training fee.", confirmed: "yes" },
          admin.cookie,
        ),
        { id: String(review.id) },
      );
    const outcomes = await Promise.all([click(), click()]);
    expect(outcomes.map((o) => o.status)).toEqual([302, 302]);

    const calls = refundCalls(orderId);
    expect(calls).toHaveLength(1);
    expect(calls[0].idempotencyKey).toBe(`refund-order-${orderId}`);
    expect(calls[0].body.get("payment_intent")).toBe(`pi_test_${orderId}`);
    expect(await order(orderId)).toMatchObject({ status: "paid", stripe_refund_id: "re_test_1" });
    expect((await jobState(jobId)).status).toBe("removed");

    // Stripe's webhook marks the order refunded; the rejection email already told the employer.
    await stripeConfirmsRefund(orderId);
    expect((await order(orderId)).status).toBe("refunded");
    const [rejection, ...others] = await emailsTo(employer.email, "job-reviewed");
    expect(others).toEqual([]);
    expect(rejection.text).toMatch(/Asks applicants for a training fee/);
    expect(rejection.text).toMatch(/refund the payment in full/);
    expect(await emailsTo(employer.email, "job-taken-down")).toEqual([]);
    expect((await auditRows({ type: "job", id: jobId })).map((r) => r.action)).toEqual([
      "review.reject",
    ]);
    expect(await auditRows({ type: "order", id: orderId })).toMatchObject([
      { action: "order.refund", actor_id: admin.id, company_id: employer.companyId },
    ]);
  });
});

describe("/admin/orders", () => {
  it("refunds a paid order after confirmation; the webhook takes the job down and tells the employer", async () => {
    const admin = await operator();
    const { employer, jobId } = await employerWithJob();
    const orderId = await payFor(employer, jobId);
    expect((await jobState(jobId)).status).toBe("published");
    const listed = await call(orders.loader, get(`/admin/orders?q=%23${orderId}`, admin.cookie));
    expect((listed.body as { orders: { id: number }[] }).orders.map((o) => o.id)).toEqual([
      orderId,
    ]);

    const fields = { orderId: String(orderId), reason: "Posted twice by mistake" };
    const asked = await call(orders.action, post("/admin/orders", fields, admin.cookie));
    expect(asked.body).toMatchObject({ confirmation: { confirmLabel: "Yes, refund it" } });
    expect(refundCalls(orderId)).toHaveLength(0);

    const done = await call(
      orders.action,
      post("/admin/orders", { ...fields, confirmed: "yes" }, admin.cookie),
    );
    expect(done.status).toBe(302);
    const again = await call(
      orders.action,
      post("/admin/orders", { ...fields, confirmed: "yes" }, admin.cookie),
    );
    expect(again.status).toBe(302);
    expect(refundCalls(orderId)).toHaveLength(1);
    // Until Stripe confirms, the job stays up.
    expect((await jobState(jobId)).status).toBe("published");
    await stripeConfirmsRefund(orderId);
    expect((await jobState(jobId)).status).toBe("removed");
    expect(await emailsTo(employer.email, "job-taken-down")).toHaveLength(1);
  });

  it("shows Stripe's refusal and lets the operator try again with the same idempotency key", async () => {
    const admin = await operator();
    const { employer, jobId } = await employerWithJob();
    const orderId = await payFor(employer, jobId);
    const refund = () =>
      call(
        orders.action,
        post(
          "/admin/orders",
          { orderId: String(orderId), reason: "Goodwill", confirmed: "yes" },
          admin.cookie,
        ),
      );
    stripe.refundError = "Charge has already been refunded elsewhere.";
    expect((await refund()).status).toBe(302);
    expect(await order(orderId)).toMatchObject({
      status: "paid",
      refund_error: "Charge has already been refunded elsewhere.",
    });
    expect((await refund()).status).toBe(302);
    const calls = refundCalls(orderId);
    expect(calls).toHaveLength(2);
    expect(new Set(calls.map((c) => c.idempotencyKey))).toEqual(
      new Set([`refund-order-${orderId}`]),
    );
    expect(await order(orderId)).toMatchObject({ refund_error: null });
  });

  it("refuses a blank reason with a message, and refunds nothing", async () => {
    const admin = await operator();
    const { employer, jobId } = await employerWithJob();
    const orderId = await payFor(employer, jobId);
    const outcome = await call(
      orders.action,
      post(
        "/admin/orders",
        { orderId: String(orderId), reason: "", confirmed: "yes" },
        admin.cookie,
      ),
    );
    expect(outcome.status).toBe(400);
    expect(refundCalls(orderId)).toHaveLength(0);
  });
});
