import { describe, expect, it } from "vitest";
import { signTestPayload } from "../../app/billing/stripe.server";
import { employerWithDraft, insertOrder, jobRow, sessionEvent } from "./billing-helpers";
import { useBuiltSite } from "./built-site";

const site = useBuiltSite();

describe("POST /api/webhooks/stripe over HTTP", () => {
  it("accepts a signed event without an Origin header and refuses a tampered one", async () => {
    const { employer, jobId } = await employerWithDraft();
    const orderId = await insertOrder({
      companyId: employer.companyId!,
      userId: employer.id,
      jobId,
    });
    // Pretty-printed on purpose: whitespace is part of what is signed.
    const payload = JSON.stringify(
      sessionEvent("checkout.session.completed", { id: orderId, jobId }),
      null,
      2,
    );
    const tampered = await fetch(`${site.base}/api/webhooks/stripe`, {
      method: "POST",
      body: payload.replace("9900", "1"),
      headers: { "content-type": "application/json", "stripe-signature": signTestPayload(payload) },
    });
    expect(tampered.status).toBe(400);
    expect((await jobRow(jobId)).status).toBe("draft");

    const response = await fetch(`${site.base}/api/webhooks/stripe`, {
      method: "POST",
      body: payload,
      headers: { "content-type": "application/json", "stripe-signature": signTestPayload(payload) },
    });
    expect(response.status).toBe(200);
    expect((await jobRow(jobId)).status).toBe("published");
  });
});
