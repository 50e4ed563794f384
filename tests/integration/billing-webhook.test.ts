import { readFileSync } from "node:fs";
import Stripe from "stripe";
import { describe, expect, it, vi } from "vitest";
import { LOCAL_WEBHOOK_SECRET_FILE, signTestPayload } from "../../app/billing/stripe.server";
import * as webhook from "../../app/routes/api.webhooks.stripe";
import { getDb } from "../../app/utils/db.server";
import { logger } from "../../server/logger";
import { call } from "../routes";
import {
  chargeEvent,
  employerWithDraft,
  insertOrder,
  jobRow,
  receiptCount,
  sessionEvent,
  signedRequest,
} from "./billing-helpers";

async function deliver(request: Request) {
  return (await call(webhook.action, request)).status;
}

async function eventsFor(orderId: number) {
  return getDb()
    .selectFrom("stripe_events")
    .select(["id", "outcome"])
    .where("order_id", "=", orderId)
    .execute();
}

async function paidDraft() {
  const { employer, jobId } = await employerWithDraft();
  const orderId = await insertOrder({ companyId: employer.companyId!, userId: employer.id, jobId });
  return { employer, jobId, orderId };
}

describe("Stripe webhook signature", () => {
  it("refuses a missing, wrong, re-serialized, stale or future-dated signature and writes nothing", async () => {
    const { jobId, orderId } = await paidDraft();
    const event = sessionEvent("checkout.session.completed", { id: orderId, jobId });
    const payload = JSON.stringify(event);
    const reserialized = JSON.stringify(JSON.parse(payload), null, 2);
    const stale = Math.floor(Date.now() / 1000) - 301;

    expect(await deliver(signedRequest(event, { signature: null }))).toBe(400);
    expect(await deliver(signedRequest(event, { signature: "t=1,v1=deadbeef" }))).toBe(400);
    expect(
      await deliver(
        signedRequest(event, { signature: signTestPayload(payload), body: reserialized }),
      ),
    ).toBe(400);
    expect(await deliver(signedRequest(event, { timestamp: stale }))).toBe(400);
    const future = Math.floor(Date.now() / 1000) + 301;
    expect(await deliver(signedRequest(event, { timestamp: future }))).toBe(400);

    expect((await jobRow(jobId)).status).toBe("draft");
    expect(await receiptCount(orderId)).toBe(0);
    const recorded = await getDb()
      .selectFrom("stripe_events")
      .select("id")
      .where("id", "=", event.id)
      .execute();
    expect(recorded).toEqual([]);
    const order = await getDb()
      .selectFrom("orders")
      .select("status")
      .where("id", "=", orderId)
      .executeTakeFirstOrThrow();
    expect(order.status).toBe("pending");
  });
});

describe("the local test-mode secret", () => {
  it("is random per install, kept in .data/, so the code's old constant forges nothing", async () => {
    const secret = readFileSync(LOCAL_WEBHOOK_SECRET_FILE, "utf8").trim();
    expect(secret).toMatch(/^whsec_local_[0-9a-f]{64}$/);
    const { jobId, orderId } = await paidDraft();
    const event = sessionEvent("checkout.session.completed", { id: orderId, jobId });
    const forged = new Stripe("sk_test_x").webhooks.generateTestHeaderString({
      payload: JSON.stringify(event),
      secret: "whsec_medcode_local_test_mode_only",
    });
    expect(await deliver(signedRequest(event, { signature: forged }))).toBe(400);
    expect((await jobRow(jobId)).status).toBe("draft");
  });
});

describe("signed events that do not match our records", () => {
  async function orderState(orderId: number) {
    return (
      await getDb()
        .selectFrom("orders")
        .select("status")
        .where("id", "=", orderId)
        .executeTakeFirstOrThrow()
    ).status;
  }

  it("records and ignores, with 200 and an alert, an event for an order that does not exist", async () => {
    const alert = vi.spyOn(logger, "error");
    const event = sessionEvent("checkout.session.completed", { id: 987_654, jobId: null });
    expect(await deliver(signedRequest(event))).toBe(200);
    const row = await getDb()
      .selectFrom("stripe_events")
      .select(["outcome", "order_id"])
      .where("id", "=", event.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ outcome: "ignored: unknown order", order_id: null });
    expect(alert).toHaveBeenCalledWith(
      expect.objectContaining({ alert: "stripe-event-mismatch", eventId: event.id }),
      expect.any(String),
    );
    alert.mockRestore();
  });

  it("delivers nothing when the amount, currency, mode or Checkout Session differs from the order", async () => {
    const alert = vi.spyOn(logger, "error");
    for (const [wrong, outcome] of [
      [{ amount_subtotal: 100, amount_total: 100 }, "ignored: amount mismatch"],
      [{ currency: "eur" }, "ignored: currency mismatch"],
      [{ mode: "subscription" }, "ignored: mode mismatch"],
      [{ id: "cs_test_someone_elses" }, "ignored: session mismatch"],
    ] as const) {
      const { jobId, orderId } = await paidDraft();
      const event = sessionEvent("checkout.session.completed", { id: orderId, jobId }, wrong);
      expect(await deliver(signedRequest(event)), outcome).toBe(200);
      expect(await eventsFor(orderId)).toEqual([{ id: event.id, outcome }]);
      expect(await orderState(orderId)).toBe("pending");
      expect((await jobRow(jobId)).status).toBe("draft");
      expect(await receiptCount(orderId)).toBe(0);
    }
    expect(alert).toHaveBeenCalledTimes(4);
    alert.mockRestore();
  });

  it("fulfils an order paid with a promotion code: the subtotal is what the order sells for", async () => {
    const { jobId, orderId } = await paidDraft();
    const event = sessionEvent(
      "checkout.session.completed",
      { id: orderId, jobId },
      { amount_total: 0, payment_status: "no_payment_required" },
    );
    expect(await deliver(signedRequest(event))).toBe(200);
    expect(await orderState(orderId)).toBe("paid");
    expect((await jobRow(jobId)).status).toBe("published");
  });

  it("does not take down another order when a refund's metadata names it", async () => {
    const { jobId, orderId } = await paidDraft();
    await deliver(
      signedRequest(sessionEvent("checkout.session.completed", { id: orderId, jobId })),
    );
    const refund = chargeEvent("charge.refunded", "pi_someone_else", {
      metadata: { order_id: String(orderId) },
    });
    expect(await deliver(signedRequest(refund))).toBe(200);
    expect((await jobRow(jobId)).status).toBe("published");
  });
});

describe("fulfillment", () => {
  it("publishes once and queues one receipt when the same event arrives twice", async () => {
    const { jobId, orderId } = await paidDraft();
    const event = sessionEvent("checkout.session.completed", { id: orderId, jobId });
    expect(await deliver(signedRequest(event))).toBe(200);
    const first = await jobRow(jobId);
    expect(first.status).toBe("published");
    expect(first.valid_through!.getTime() - first.published_at!.getTime()).toBe(30 * 86_400_000);
    expect(first.featured_until).toBeNull();

    expect(await deliver(signedRequest(event))).toBe(200);
    expect(await jobRow(jobId)).toEqual(first);
    expect(await receiptCount(orderId)).toBe(1);
    expect(await eventsFor(orderId)).toHaveLength(1);
  });

  it("publishes once and queues one receipt when ten deliveries race", async () => {
    const { jobId, orderId } = await paidDraft();
    const event = sessionEvent("checkout.session.completed", { id: orderId, jobId });
    // Ten deliveries of the same event, plus ten of a second event for the same order.
    const other = sessionEvent("checkout.session.async_payment_succeeded", { id: orderId, jobId });
    const statuses = await Promise.all([
      ...Array.from({ length: 10 }, () => deliver(signedRequest(event))),
      ...Array.from({ length: 10 }, () => deliver(signedRequest(other))),
    ]);
    expect(statuses.every((s) => s === 200)).toBe(true);
    const job = await jobRow(jobId);
    expect(job.status).toBe("published");
    expect(job.valid_through!.getTime() - job.published_at!.getTime()).toBe(30 * 86_400_000);
    expect(await receiptCount(orderId)).toBe(1);
    const outcomes = (await eventsFor(orderId)).map((e) => e.outcome).sort();
    expect(outcomes).toEqual(["already", "fulfilled"]);
  });

  it("ends right when the async success arrives before checkout.session.completed", async () => {
    const { jobId, orderId } = await paidDraft();
    const succeeded = sessionEvent("checkout.session.async_payment_succeeded", {
      id: orderId,
      jobId,
    });
    const completed = sessionEvent(
      "checkout.session.completed",
      { id: orderId, jobId },
      { payment_status: "unpaid" },
    );
    expect(await deliver(signedRequest(succeeded))).toBe(200);
    expect(await deliver(signedRequest(completed))).toBe(200);
    expect((await jobRow(jobId)).status).toBe("published");
    const order = await getDb()
      .selectFrom("orders")
      .select("status")
      .where("id", "=", orderId)
      .executeTakeFirstOrThrow();
    expect(order.status).toBe("paid");
    expect(await receiptCount(orderId)).toBe(1);
  });

  it("waits for a bank debit, then fails the order without publishing", async () => {
    const { jobId, orderId } = await paidDraft();
    const completed = sessionEvent(
      "checkout.session.completed",
      { id: orderId, jobId },
      { payment_status: "unpaid" },
    );
    expect(await deliver(signedRequest(completed))).toBe(200);
    expect((await jobRow(jobId)).status).toBe("draft");
    const failed = sessionEvent(
      "checkout.session.async_payment_failed",
      { id: orderId, jobId },
      { payment_status: "unpaid" },
    );
    expect(await deliver(signedRequest(failed))).toBe(200);
    const order = await getDb()
      .selectFrom("orders")
      .select("status")
      .where("id", "=", orderId)
      .executeTakeFirstOrThrow();
    expect(order.status).toBe("failed");
    expect((await jobRow(jobId)).status).toBe("draft");
    expect(await receiptCount(orderId)).toBe(0);
  });

  it("takes the job down on a full refund and tells the employer, once", async () => {
    const { employer, jobId, orderId } = await paidDraft();
    await deliver(
      signedRequest(sessionEvent("checkout.session.completed", { id: orderId, jobId })),
    );
    expect((await jobRow(jobId)).status).toBe("published");
    const refund = chargeEvent("charge.refunded", `pi_test_${orderId}`);
    expect(await deliver(signedRequest(refund))).toBe(200);
    expect(await deliver(signedRequest(refund))).toBe(200);
    expect((await jobRow(jobId)).status).toBe("removed");
    const mails = await getDb()
      .selectFrom("emails")
      .select("template")
      .where("to_address", "=", employer.email)
      .where("template", "=", "job-taken-down")
      .execute();
    expect(mails).toHaveLength(1);
    // A late duplicate of the payment event does not bring it back.
    await deliver(
      signedRequest(sessionEvent("checkout.session.completed", { id: orderId, jobId })),
    );
    expect((await jobRow(jobId)).status).toBe("removed");
  });

  it("keeps the job up on a partial refund", async () => {
    const { jobId, orderId } = await paidDraft();
    await deliver(
      signedRequest(sessionEvent("checkout.session.completed", { id: orderId, jobId })),
    );
    await deliver(
      signedRequest(
        chargeEvent("charge.refunded", `pi_test_${orderId}`, {
          refunded: false,
          amount_refunded: 1000,
        }),
      ),
    );
    expect((await jobRow(jobId)).status).toBe("published");
  });

  it("takes the job down when the payment is disputed", async () => {
    const { jobId, orderId } = await paidDraft();
    await deliver(
      signedRequest(sessionEvent("checkout.session.completed", { id: orderId, jobId })),
    );
    expect(
      await deliver(signedRequest(chargeEvent("charge.dispute.created", `pi_test_${orderId}`))),
    ).toBe(200);
    expect((await jobRow(jobId)).status).toBe("removed");
    const order = await getDb()
      .selectFrom("orders")
      .select("status")
      .where("id", "=", orderId)
      .executeTakeFirstOrThrow();
    expect(order.status).toBe("disputed");
  });

  it("never delivers an order refunded before its payment event arrived", async () => {
    const { jobId, orderId } = await paidDraft();
    await getDb()
      .updateTable("orders")
      .set({ stripe_payment_intent_id: `pi_test_${orderId}` })
      .where("id", "=", orderId)
      .execute();
    await deliver(signedRequest(chargeEvent("charge.refunded", `pi_test_${orderId}`)));
    await deliver(
      signedRequest(sessionEvent("checkout.session.completed", { id: orderId, jobId })),
    );
    expect((await jobRow(jobId)).status).toBe("draft");
    expect(await receiptCount(orderId)).toBe(0);
  });

  it("renews early keeping the days left, and upgrades to Featured for the rest of the run", async () => {
    const { employer, jobId, orderId } = await paidDraft();
    await deliver(
      signedRequest(sessionEvent("checkout.session.completed", { id: orderId, jobId })),
    );
    const before = await jobRow(jobId);
    const renewId = await insertOrder({
      companyId: employer.companyId!,
      userId: employer.id,
      jobId,
      purpose: "renew",
    });
    await deliver(
      signedRequest(sessionEvent("checkout.session.completed", { id: renewId, jobId })),
    );
    const renewed = await jobRow(jobId);
    expect(renewed.valid_through!.getTime() - before.valid_through!.getTime()).toBe(
      30 * 86_400_000,
    );
    expect(renewed.published_at).toEqual(before.published_at);

    const upgradeId = await insertOrder({
      companyId: employer.companyId!,
      userId: employer.id,
      jobId,
      purpose: "upgrade",
      planCode: "featured_upgrade",
    });
    await deliver(
      signedRequest(sessionEvent("checkout.session.completed", { id: upgradeId, jobId })),
    );
    const upgraded = await jobRow(jobId);
    expect(upgraded.featured_until).toEqual(renewed.valid_through);
  });

  it("grants five credits valid for twelve months for a paid bundle", async () => {
    const { employer } = await employerWithDraft();
    const orderId = await insertOrder({
      companyId: employer.companyId!,
      userId: employer.id,
      jobId: null,
      purpose: "credits",
      planCode: "bundle5",
    });
    const event = sessionEvent("checkout.session.completed", { id: orderId, jobId: null });
    await Promise.all([deliver(signedRequest(event)), deliver(signedRequest(event))]);
    const grants = await getDb()
      .selectFrom("credits")
      .select(["total", "remaining", "expires_at"])
      .where("order_id", "=", orderId)
      .execute();
    expect(grants).toHaveLength(1);
    expect(grants[0].remaining).toBe(5);
    const months = (grants[0].expires_at.getTime() - Date.now()) / (30.4 * 86_400_000);
    expect(months).toBeGreaterThan(11.5);
    expect(months).toBeLessThan(12.5);
  });
});
