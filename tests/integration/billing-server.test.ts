// The webhook through the real Express server and production build: no Origin header, the raw
// body reaches the signature check untouched.
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signTestPayload } from "../../app/billing/stripe.server";
import { createApp } from "../../server/app";
import { employerWithDraft, insertOrder, jobRow, sessionEvent } from "./billing-helpers";

let base = "";
let close = () => {};

beforeAll(async () => {
  const build = await import(pathToFileURL(path.resolve("build/server/index.js")).href);
  const server = createApp({ build }).listen(0);
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

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
    const tampered = await fetch(`${base}/api/webhooks/stripe`, {
      method: "POST",
      body: payload.replace("9900", "1"),
      headers: { "content-type": "application/json", "stripe-signature": signTestPayload(payload) },
    });
    expect(tampered.status).toBe(400);
    expect((await jobRow(jobId)).status).toBe("draft");

    const response = await fetch(`${base}/api/webhooks/stripe`, {
      method: "POST",
      body: payload,
      headers: { "content-type": "application/json", "stripe-signature": signTestPayload(payload) },
    });
    expect(response.status).toBe(200);
    expect((await jobRow(jobId)).status).toBe("published");
  });
});
