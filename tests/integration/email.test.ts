import { once } from "node:events";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sendEmail } from "../../app/email/email.server";
import {
  deliverEmail,
  EMAIL_MAX_ATTEMPTS,
  listStalledEmailIds,
  suppressEmailAddress,
} from "../../app/email/outbox.server";
import { listenForQueuedEmails } from "../../app/email/outbox-listener.server";
import { getDb } from "../../app/utils/db.server";
import { initEnv, parseEnv } from "../../app/utils/env.server";
import { startWorker } from "../../server/worker";

// A stand-in for api.resend.com: records every request and answers from a script.
type Recorded = { path: string; headers: IncomingHttpHeaders; body: Record<string, unknown> };
const requests: Recorded[] = [];
let script: { status: number; body: unknown }[] = [];
let delayMs = 0;
const resend = createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  requests.push({
    path: req.url ?? "",
    headers: req.headers,
    body: JSON.parse(Buffer.concat(chunks).toString("utf8")),
  });
  if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
  const next = script.shift() ?? { status: 200, body: { id: `resend-${requests.length}` } };
  res.writeHead(next.status, { "content-type": "application/json" });
  res.end(JSON.stringify(next.body));
});

const saved = { key: process.env.RESEND_API_KEY, url: process.env.RESEND_BASE_URL };

beforeAll(async () => {
  resend.listen(0, "127.0.0.1");
  await once(resend, "listening");
  process.env.RESEND_API_KEY = "re_test_123";
  process.env.RESEND_BASE_URL = `http://127.0.0.1:${(resend.address() as AddressInfo).port}`;
  initEnv();
});

afterAll(async () => {
  resend.close();
  process.env.RESEND_API_KEY = saved.key;
  process.env.RESEND_BASE_URL = saved.url;
  if (saved.key === undefined) delete process.env.RESEND_API_KEY;
  if (saved.url === undefined) delete process.env.RESEND_BASE_URL;
  initEnv();
});

beforeEach(async () => {
  requests.length = 0;
  script = [];
  delayMs = 0;
  await getDb().deleteFrom("emails").execute();
  await getDb().deleteFrom("email_suppressions").execute();
});

const resetUrl = "http://localhost:3000/reset-password?token=tok_abc";

async function queueReset(dedupeKey: string, to = "coder@example.com") {
  await sendEmail({
    to,
    template: "reset-password",
    props: { name: "Dana", url: resetUrl },
    dedupeKey,
  });
  return getDb()
    .selectFrom("emails")
    .selectAll()
    .where("dedupe_key", "=", dedupeKey)
    .executeTakeFirstOrThrow();
}

const row = (id: number) =>
  getDb().selectFrom("emails").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

describe("sendEmail", () => {
  it("stores one rendered, queued message however often it is called with the same dedupe key", async () => {
    const first = await queueReset("reset:1");
    await queueReset("reset:1");
    const rows = await getDb().selectFrom("emails").selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(first).toMatchObject({
      state: "queued",
      attempts: 0,
      template: "reset-password",
      to_address: "coder@example.com",
      from_address: "MedCode Jobs <jobs@medcode.local>",
      subject: "Reset your MedCode Jobs password",
    });
    expect(first.html).toContain(resetUrl);
    expect(first.text).toContain(resetUrl);
  });

  it("leaves no message behind when the caller's transaction rolls back", async () => {
    await expect(
      getDb()
        .transaction()
        .execute(async (trx) => {
          await sendEmail(
            {
              to: "coder@example.com",
              template: "welcome",
              props: { name: "Dana", role: "candidate" },
              dedupeKey: "welcome:1",
            },
            trx,
          );
          throw new Error("signup failed later");
        }),
    ).rejects.toThrow("signup failed later");
    expect(await getDb().selectFrom("emails").select("id").execute()).toEqual([]);
  });

  it("tells the worker about a message only once the caller's transaction commits", async () => {
    const heard: number[] = [];
    const listener = listenForQueuedEmails({
      connectionString: process.env.DATABASE_URL!,
      onQueued: (ids) => heard.push(...ids),
      onError: (error) => {
        throw error;
      },
    });
    try {
      await listener.ready;
      // A message sent outside a transaction is heard at once.
      await queueReset("probe");
      await expect.poll(() => heard.length).toBe(1);
      heard.length = 0;
      let id = 0;
      await getDb()
        .transaction()
        .execute(async (trx) => {
          await sendEmail(
            {
              to: "owner@example.com",
              template: "welcome",
              props: { name: "Sam", role: "employer" },
              dedupeKey: "welcome:2",
            },
            trx,
          );
          id = (
            await trx
              .selectFrom("emails")
              .select("id")
              .where("dedupe_key", "=", "welcome:2")
              .executeTakeFirstOrThrow()
          ).id;
          await new Promise((resolve) => setTimeout(resolve, 200));
          expect(heard).toEqual([]);
        });
      await expect.poll(() => heard).toEqual([id]);
    } finally {
      await listener.stop();
    }
  });

  it("refuses props that do not fit the template, and writes nothing", async () => {
    await expect(
      sendEmail({
        to: "coder@example.com",
        template: "verify-email",
        props: { name: "Dana" },
        dedupeKey: "verify:1",
      }),
    ).rejects.toThrow(/verify-email/);
    await expect(
      sendEmail({
        to: "not an address",
        template: "welcome",
        props: { name: "Dana", role: "candidate" },
        dedupeKey: "welcome:3",
      }),
    ).rejects.toThrow();
    expect(await getDb().selectFrom("emails").select("id").execute()).toEqual([]);
  });
});

describe("delivery through Resend", () => {
  it("sends the message with its idempotency key, sender, recipient, subject, HTML and text", async () => {
    const email = await queueReset("reset:2");
    expect(await deliverEmail(email.id)).toEqual({ outcome: "sent", providerId: "resend-1" });
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request.path).toBe("/emails");
    expect(request.headers["idempotency-key"]).toBe("reset:2");
    expect(request.headers.authorization).toBe("Bearer re_test_123");
    expect(request.body).toMatchObject({
      from: "MedCode Jobs <jobs@medcode.local>",
      to: ["coder@example.com"],
      subject: "Reset your MedCode Jobs password",
      html: email.html,
      text: email.text,
    });
    expect(await row(email.id)).toMatchObject({
      state: "sent",
      attempts: 1,
      provider_id: "resend-1",
      last_error: null,
    });
  });

  it("delivers once when two workers race on the same message", async () => {
    const email = await queueReset("reset:3");
    delayMs = 300;
    const outcomes = await Promise.all([deliverEmail(email.id), deliverEmail(email.id)]);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(["sent", "skipped"]);
    expect(await deliverEmail(email.id)).toEqual({ outcome: "skipped" });
    expect(requests).toHaveLength(1);
    expect(await row(email.id)).toMatchObject({ state: "sent", attempts: 1 });
  });

  it("keeps a message queued after a 500 from Resend, then sends it on the retry", async () => {
    const email = await queueReset("reset:4");
    script = [
      { status: 500, body: { name: "internal_server_error", message: "boom", statusCode: 500 } },
    ];
    expect(await deliverEmail(email.id)).toMatchObject({ outcome: "retry" });
    const afterFailure = await row(email.id);
    expect(afterFailure).toMatchObject({ state: "queued", attempts: 1, provider_id: null });
    expect(afterFailure.last_error).toMatch(/500/);

    expect(await deliverEmail(email.id)).toMatchObject({ outcome: "sent" });
    expect(await row(email.id)).toMatchObject({ state: "sent", attempts: 2, last_error: null });
    expect(requests.map((r) => r.headers["idempotency-key"])).toEqual(["reset:4", "reset:4"]);
  });

  it("gives up after the last attempt", async () => {
    const email = await queueReset("reset:5");
    await getDb()
      .updateTable("emails")
      .set({ attempts: EMAIL_MAX_ATTEMPTS - 1 })
      .where("id", "=", email.id)
      .execute();
    script = [
      { status: 503, body: { name: "application_error", message: "down", statusCode: 503 } },
    ];
    expect(await deliverEmail(email.id)).toMatchObject({ outcome: "failed" });
    expect(await row(email.id)).toMatchObject({ state: "failed", attempts: EMAIL_MAX_ATTEMPTS });
  });

  it("fails at once, without retrying, when Resend rejects the message itself", async () => {
    const email = await queueReset("reset:6");
    script = [
      { status: 422, body: { name: "validation_error", message: "Invalid `to`", statusCode: 422 } },
    ];
    expect(await deliverEmail(email.id)).toMatchObject({ outcome: "failed" });
    const failed = await row(email.id);
    expect(failed).toMatchObject({ state: "failed", attempts: 1 });
    expect(failed.last_error).toMatch(/422 validation_error/);
  });

  it("never writes to a suppressed address", async () => {
    await suppressEmailAddress({ email: "Bounced@Example.com", reason: "hard bounce" });
    const email = await queueReset("reset:7", "bounced@example.COM");
    expect(await deliverEmail(email.id)).toMatchObject({ outcome: "suppressed" });
    expect(requests).toEqual([]);
    expect(await row(email.id)).toMatchObject({
      state: "suppressed",
      attempts: 0,
      last_error: "suppressed: hard bounce",
    });
  });

  it("captures the message instead of sending it when no Resend key is set", async () => {
    const email = await queueReset("reset:8");
    const local = parseEnv({ ...process.env, RESEND_API_KEY: undefined });
    expect(await deliverEmail(email.id, local)).toEqual({
      outcome: "captured",
      to: "coder@example.com",
    });
    expect(requests).toEqual([]);
    expect(await row(email.id)).toMatchObject({ state: "captured", attempts: 0 });
  });

  it("sweeps up queued messages whose delivery never started, and only those", async () => {
    const stalled = await queueReset("reset:9");
    const fresh = await queueReset("reset:10");
    const retrying = await queueReset("reset:11");
    await getDb()
      .updateTable("emails")
      .set({ created_at: new Date(Date.now() - 5 * 60_000) })
      .where("id", "in", [stalled.id, retrying.id])
      .execute();
    await getDb()
      .updateTable("emails")
      .set({ attempts: 1, last_attempt_at: new Date(Date.now() - 60_000) })
      .where("id", "=", retrying.id)
      .execute();
    expect(await listStalledEmailIds()).toEqual([stalled.id]);
    expect(fresh.state).toBe("queued");
  });

  it("delivers a committed message through the worker within seconds", async () => {
    const worker = await startWorker(process.env.DATABASE_URL!);
    try {
      const email = await queueReset("reset:12");
      await expect
        .poll(async () => (await row(email.id)).state, { timeout: 15_000, interval: 200 })
        .toBe("sent");
      expect(requests).toHaveLength(1);
    } finally {
      await worker.stop();
    }
  });
});
