// Limits that stop scripts without being dodged by a made-up header or turned against users.
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { hit, LIMITS } from "../../app/auth/rate-limit.server";
import * as apply from "../../app/routes/jobs.$id.apply";
import * as signup from "../../app/routes/signup";
import { getDb } from "../../app/utils/db.server";
import { initEnv } from "../../app/utils/env.server";
import { createApp } from "../../server/app";
import { createUser, TEST_PASSWORD } from "../factories/users";
import { call, post, testContext } from "../routes";
import { applyWithUpload, createJob, useTempUploads } from "./applications-helpers";

useTempUploads();
let counter = 0;
const unique = () => `limits-${process.pid}-${++counter}@example.com`;

/** Records `n` hits as if they had happened, instead of making n slow requests. */
async function alreadyHit(key: string, limit: (typeof LIMITS)[keyof typeof LIMITS], n: number) {
  for (let i = 0; i < n; i++) await hit(key, limit);
}

describe("sign-up limits", () => {
  const signUp = (email: string, clientIp: string) =>
    call(
      signup.action,
      post("/signup", {
        name: "Office Coder",
        email,
        password: "icd10-and-cpt-for-life",
        role: "candidate",
      }),
      {},
      { ...testContext, clientIp },
    );

  it("let a whole office behind one address sign up within the hour, then stop that address", async () => {
    const office = "192.0.2.60";
    await alreadyHit(`signup:ip:${office}`, LIMITS.signupPerIp, LIMITS.signupPerIp.limit - 1);
    expect(LIMITS.signupPerIp.limit).toBeGreaterThanOrEqual(50);
    expect((await signUp(unique(), office)).status).toBe(200);
    expect((await signUp(unique(), office)).status).toBe(429);
    expect((await signUp(unique(), "192.0.2.61")).status).toBe(200);
  });

  it("stop a script signing up one address over and over from many addresses", async () => {
    const email = unique();
    for (let i = 1; i <= LIMITS.signupPerEmail.limit; i++) {
      expect((await signUp(email, `198.51.100.${60 + i}`)).status).toBe(200);
    }
    expect((await signUp(email, "198.51.100.99")).status).toBe(429);
  });
});

describe("anonymous uploads", () => {
  let jobId = 0;
  beforeAll(async () => {
    const employer = await createUser({ role: "employer" });
    ({ jobId } = await createJob(employer.companyId!));
  });
  const storedFiles = async () =>
    Number(
      (
        await getDb()
          .selectFrom("files")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("are limited per address before the file is stored, with the form kept", async () => {
    const ip = testContext.clientIp;
    await alreadyHit(
      `upload:ip:${ip}`,
      LIMITS.anonymousUploadPerIp,
      LIMITS.anonymousUploadPerIp.limit,
    );
    const before = await storedFiles();
    const refused = await applyWithUpload(apply.action, jobId, undefined, {
      accountMode: "signup",
      name: "Visitor",
      email: unique(),
      password: "a-long-unique-passphrase",
      coverLetter: "Still here",
    });
    expect(refused.status).toBe(429);
    const body = refused.body as {
      result: { error: Record<string, string[]>; initialValue: Record<string, unknown> };
    };
    expect(body.result.error.resumeFile?.join(" ")).toMatch(/Too many uploads/);
    expect(body.result.initialValue.coverLetter).toBe("Still here");
    expect(await storedFiles()).toBe(before);
  });

  it("do not limit a signed-in coder's own uploads", async () => {
    const coder = await createUser({ role: "candidate" });
    const outcome = await applyWithUpload(apply.action, jobId, coder.cookie);
    expect(outcome.status).toBe(302);
  });
});

describe("client addresses behind TRUST_PROXY", () => {
  let base = "";
  let close = () => {};
  const saved = process.env.TRUST_PROXY;

  async function serve(trustProxy: string | undefined) {
    if (trustProxy === undefined) delete process.env.TRUST_PROXY;
    else process.env.TRUST_PROXY = trustProxy;
    initEnv();
    const build = await import(pathToFileURL(path.resolve("build/server/index.js")).href);
    const server = createApp({ build }).listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  }
  afterEach(() => {
    close();
    if (saved === undefined) delete process.env.TRUST_PROXY;
    else process.env.TRUST_PROXY = saved;
    initEnv();
  });

  const logInOverHttp = (email: string, password: string, forwardedFor: string) =>
    fetch(`${base}/login`, {
      method: "POST",
      redirect: "manual",
      body: new URLSearchParams({ email, password }),
      headers: { origin: base, "x-forwarded-for": forwardedFor },
    });

  it("ignore X-Forwarded-For when off (the default): rotating it does not dodge the login limit", async () => {
    await serve(undefined);
    const user = await createUser();
    for (let i = 1; i <= LIMITS.loginPerIpAccount.limit; i++) {
      expect((await logInOverHttp(user.email, "wrong", `203.0.113.${i}`)).status).toBe(400);
    }
    const next = await logInOverHttp(user.email, TEST_PASSWORD, "203.0.113.200");
    expect(next.status).toBe(429);
  });

  it("believe the hop the setting names: one proxy's X-Forwarded-For is the client", async () => {
    await serve("1");
    const user = await createUser();
    for (let i = 1; i <= LIMITS.loginPerIpAccount.limit; i++) {
      await logInOverHttp(user.email, "wrong", "203.0.113.7");
    }
    expect((await logInOverHttp(user.email, TEST_PASSWORD, "203.0.113.7")).status).toBe(429);
    expect((await logInOverHttp(user.email, TEST_PASSWORD, "203.0.113.8")).status).toBe(302);
  });
});
