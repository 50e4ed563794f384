import { createHmac, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action } from "../../app/routes/api.webhooks.resend";
import { getDb } from "../../app/utils/db.server";
import { initEnv } from "../../app/utils/env.server";
import { call } from "../routes";
import { alertEmails, createAlert, createCompany, publishNewJob } from "./alerts-helpers";

// Resend signs webhooks the Svix way: HMAC-SHA256 over "id.timestamp.body" with the secret's
// base64 key, sent as "v1,<base64>". Written out here rather than borrowed from a library, so
// the test checks the format Resend really sends.
const secret = `whsec_${randomBytes(24).toString("base64")}`;
function sign(id: string, timestamp: number, payload: string, key = secret) {
  const bytes = Buffer.from(key.replace(/^whsec_/, ""), "base64");
  const mac = createHmac("sha256", bytes).update(`${id}.${timestamp}.${payload}`).digest("base64");
  return `v1,${mac}`;
}

let eventCounter = 0;
function delivery(
  event: unknown,
  options: { secret?: string; timestamp?: number; signature?: string | null; id?: string } = {},
) {
  const id = options.id ?? `msg_${process.pid}_${++eventCounter}`;
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const payload = JSON.stringify(event);
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "svix-id": id,
    "svix-timestamp": String(timestamp),
  };
  const signature =
    options.signature === undefined
      ? sign(id, timestamp, payload, options.secret)
      : options.signature;
  if (signature) headers["svix-signature"] = signature;
  return new Request("http://localhost/api/webhooks/resend", {
    method: "POST",
    body: payload,
    headers,
  });
}

const bounced = (to: string, type = "Permanent", emailId = "resend-id-1") => ({
  type: "email.bounced",
  created_at: new Date().toISOString(),
  data: {
    email_id: emailId,
    created_at: new Date().toISOString(),
    from: "MedCode Jobs <jobs@medcode.local>",
    to: [to],
    subject: "MedCode Jobs: 1 new job",
    message_id: "<x@resend>",
    bounce: { type, subType: "General", message: "550 mailbox unavailable" },
  },
});

const saved = process.env.RESEND_WEBHOOK_SECRET;
let company: number;
beforeAll(async () => {
  process.env.RESEND_WEBHOOK_SECRET = secret;
  initEnv();
  company = (await createCompany()).id;
});
afterAll(() => {
  if (saved === undefined) delete process.env.RESEND_WEBHOOK_SECRET;
  else process.env.RESEND_WEBHOOK_SECRET = saved;
  initEnv();
});

const suppression = (email: string) =>
  getDb()
    .selectFrom("email_suppressions")
    .selectAll()
    .where("email", "=", email)
    .executeTakeFirst();

describe("POST /api/webhooks/resend", () => {
  it("suppresses a hard-bounced address, stops its alerts, and records the bounce against the message", async () => {
    const alert = await createAlert({
      query: "q=coder",
      frequency: "instant",
      email: "hard@example.com",
    });
    const email = await getDb()
      .insertInto("emails")
      .values({
        dedupe_key: "bounce-test",
        template: "welcome",
        to_address: "hard@example.com",
        from_address: "jobs@medcode.local",
        subject: "s",
        html: "h",
        text: "t",
        state: "sent",
        provider_id: "resend-id-hard",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const answer = await call(
      action,
      delivery(bounced("Hard@Example.com", "Permanent", "resend-id-hard")),
    );
    expect(answer.status).toBe(200);
    expect(await suppression("hard@example.com")).toMatchObject({ reason: "bounce" });
    const row = await getDb()
      .selectFrom("alerts")
      .selectAll()
      .where("id", "=", alert.id)
      .executeTakeFirstOrThrow();
    expect(row.paused_reason).toBe("bounced");
    const events = await getDb()
      .selectFrom("email_events")
      .selectAll()
      .where("email_id", "=", email.id)
      .execute();
    expect(events).toEqual([
      expect.objectContaining({ type: "bounced", address: "hard@example.com" }),
    ]);

    // A suppressed address gets nothing, whatever is published.
    await publishNewJob(company, { title: "Remote Coder" });
    expect((await alertEmails()).filter((e) => e.to_address === "hard@example.com")).toEqual([]);
  });

  it("suppresses an address that complained; a soft bounce is only recorded", async () => {
    const complaint = {
      type: "email.complained",
      created_at: new Date().toISOString(),
      data: {
        email_id: "resend-id-2",
        created_at: "",
        from: "x",
        to: ["spam@example.com"],
        subject: "s",
        message_id: "m",
      },
    };
    expect((await call(action, delivery(complaint))).status).toBe(200);
    expect(await suppression("spam@example.com")).toMatchObject({ reason: "complaint" });
    expect((await call(action, delivery(bounced("soft@example.com", "Transient")))).status).toBe(
      200,
    );
    expect(await suppression("soft@example.com")).toBeUndefined();
    expect(
      await getDb()
        .selectFrom("email_events")
        .select("type")
        .where("address", "=", "soft@example.com")
        .execute(),
    ).toEqual([{ type: "soft_bounced" }]);
  });

  it("records a redelivered event once, and answers 200 to events it does not act on", async () => {
    const first = delivery(bounced("twice@example.com"), { id: "msg_redelivered" });
    const again = delivery(bounced("twice@example.com"), { id: "msg_redelivered" });
    expect((await call(action, first)).status).toBe(200);
    expect((await call(action, again)).status).toBe(200);
    expect(
      await getDb()
        .selectFrom("email_events")
        .select("id")
        .where("provider_event_id", "=", "msg_redelivered")
        .execute(),
    ).toHaveLength(1);
    const delivered = {
      type: "email.delivered",
      created_at: "",
      data: { email_id: "e", to: ["ok@example.com"] },
    };
    expect((await call(action, delivery(delivered))).status).toBe(200);
    expect(await suppression("ok@example.com")).toBeUndefined();
  });

  it("refuses, changing nothing, an unsigned, wrongly signed, stale or tampered event", async () => {
    const event = bounced("victim@example.com");
    const otherSecret = `whsec_${randomBytes(24).toString("base64")}`;
    const stale = Math.floor(Date.now() / 1000) - 10 * 60;
    const tampered = delivery(event);
    const body = (await tampered.text()).replace("victim", "other");
    for (const request of [
      delivery(event, { signature: null }),
      delivery(event, { secret: otherSecret }),
      delivery(event, { timestamp: stale }),
      new Request(tampered.url, { method: "POST", body, headers: tampered.headers }),
    ]) {
      expect((await call(action, request)).status).toBe(400);
    }
    expect(await suppression("victim@example.com")).toBeUndefined();
    expect(await suppression("other@example.com")).toBeUndefined();
  });
});
