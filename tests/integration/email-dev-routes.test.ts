import type { LoaderFunctionArgs } from "@remix-run/node";
import { afterEach, describe, expect, it } from "vitest";
import { sendEmail } from "../../app/email/email.server";
import { deliverEmail, emailPreviewEnabled } from "../../app/email/outbox.server";
import { loader as listLoader } from "../../app/routes/dev.emails";
import { loader as emailLoader } from "../../app/routes/dev.emails.$id";
import { getDb } from "../../app/utils/db.server";
import { getEnv, initEnv } from "../../app/utils/env.server";
import { productionSettings } from "../setup/production-env";

const context = {
  cspNonce: "test",
  requestId: "test",
  clientIp: "127.0.0.1",
  socketAddress: "127.0.0.1",
};
const args = (id: number | string, query = ""): LoaderFunctionArgs => ({
  params: { id: String(id) },
  request: new Request(`http://localhost:3000/dev/emails/${id}${query}`),
  context,
});
const listArgs: LoaderFunctionArgs = {
  params: {},
  request: new Request("http://localhost:3000/dev/emails"),
  context,
};

async function statusOf(promise: Promise<unknown>) {
  const thrown = await promise.then(
    () => undefined,
    (error) => error,
  );
  // A thrown Response (invariantResponse) or a thrown data() (status in its init).
  if (thrown instanceof Response) return thrown.status;
  return (thrown as { init?: { status?: number } } | undefined)?.init?.status;
}

async function captureVerifyEmail(dedupeKey: string) {
  await sendEmail({
    to: "coder@example.com",
    template: "verify-email",
    props: { name: "Dana", url: "http://localhost:3000/verify-email?token=t1", code: "482913" },
    dedupeKey,
  });
  const { id } = await getDb()
    .selectFrom("emails")
    .select("id")
    .where("dedupe_key", "=", dedupeKey)
    .executeTakeFirstOrThrow();
  await deliverEmail(id);
  return id;
}

const saved = { ...process.env };
afterEach(() => {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved);
  initEnv();
});

describe("/dev/emails", () => {
  it("lists captured emails newest first with subject, recipient, state and text", async () => {
    initEnv();
    const older = await captureVerifyEmail("verify:older");
    const newer = await captureVerifyEmail("verify:newer");
    const { emails } = await listLoader(listArgs);
    const ids = emails.map((email) => email.id);
    expect(ids.indexOf(newer)).toBeLessThan(ids.indexOf(older));
    expect(emails.find((email) => email.id === newer)).toMatchObject({
      subject: "Confirm your email for MedCode Jobs",
      to_address: "coder@example.com",
      state: "captured",
    });
    expect(emails[0].text).toContain("http://localhost:3000/verify-email?token=t1");
  });

  it("serves one captured email's HTML as its own page, and its text part on request", async () => {
    initEnv();
    const id = await captureVerifyEmail("verify:page");
    const html = (await emailLoader(args(id))) as Response;
    expect(html.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await html.text()).toContain('href="http://localhost:3000/verify-email?token=t1"');
    const text = (await emailLoader(args(id, "?part=text"))) as Response;
    expect(text.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await text.text()).toContain("482913");
  });

  it("answers 404 for an unknown or malformed email id", async () => {
    initEnv();
    expect(await statusOf(emailLoader(args(999_999)))).toBe(404);
    expect(await statusOf(emailLoader(args("../1")))).toBe(404);
  });

  it("does not exist when a Resend key is set", async () => {
    process.env.RESEND_API_KEY = "re_live_example";
    initEnv();
    const id = await captureVerifyEmail("verify:with-key");
    expect(await statusOf(listLoader(listArgs))).toBe(404);
    expect(await statusOf(emailLoader(args(id)))).toBe(404);
  });

  it("does not exist in production", async () => {
    initEnv();
    const id = await captureVerifyEmail("verify:production");
    // Production refuses to boot without a Resend key, so give it every setting it requires.
    Object.assign(process.env, productionSettings);
    initEnv();
    expect(await statusOf(listLoader(listArgs))).toBe(404);
    expect(await statusOf(emailLoader(args(id)))).toBe(404);
    // The guard checks NODE_ENV itself, not only the key.
    expect(emailPreviewEnabled({ ...getEnv(), RESEND_API_KEY: undefined })).toBe(false);
  });
});
