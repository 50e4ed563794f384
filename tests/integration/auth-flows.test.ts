import { describe, expect, it } from "vitest";
import {
  RESET_TTL_MS,
  resetPassword,
  VERIFY_TTL_MS,
  verifyEmail,
} from "../../app/auth/accounts.server";
import { hit, LIMITS } from "../../app/auth/rate-limit.server";
import { hashToken } from "../../app/auth/tokens.server";
import * as forgot from "../../app/routes/forgot-password";
import * as login from "../../app/routes/login";
import * as logout from "../../app/routes/logout";
import * as exportRoute from "../../app/routes/me.export[.json]";
import * as settings from "../../app/routes/me.settings";
import * as reset from "../../app/routes/reset-password";
import * as signup from "../../app/routes/signup";
import * as verify from "../../app/routes/verify-email";
import { getDb } from "../../app/utils/db.server";
import { createUser, TEST_PASSWORD } from "../factories/users";
import { call, flashOf, get, post, testContext } from "../routes";

async function lastEmailTo(to: string) {
  return getDb()
    .selectFrom("emails")
    .selectAll()
    .where("to_address", "=", to)
    .orderBy("id", "desc")
    .executeTakeFirst();
}
function tokenIn(text: string | null | undefined) {
  return /token=([a-z2-7]+)/.exec(text ?? "")?.[1] ?? "";
}
function cookieOf(outcome: { body: unknown }) {
  return ((outcome.body as Response).headers.get("set-cookie") ?? "").split(";")[0];
}
const unique = () => `${Math.random().toString(36).slice(2, 10)}@example.com`;

describe("sign-up and email verification", () => {
  it("creates a coder, emails a single-use link, and signs them in when it is used", async () => {
    const email = `coder-${unique()}`;
    const result = await call(
      signup.action,
      post("/signup", {
        name: "Dana Coder",
        email,
        password: "icd10-and-cpt-for-life",
        role: "candidate",
      }),
    );
    expect(result.status).toBe(200);
    expect((result.body as { sentTo: string }).sentTo).toBe(email);
    const mail = await lastEmailTo(email);
    expect(mail?.template).toBe("verify-email");
    const token = tokenIn(mail?.text);

    const confirmed = await call(verify.action, post("/verify-email", { token }));
    expect(confirmed.status).toBe(302);
    expect(cookieOf(confirmed)).toMatch(/^session=[a-z2-7]{32}$/);
    const user = await getDb()
      .selectFrom("users")
      .select(["email_verified_at", "role"])
      .where("email", "=", email)
      .executeTakeFirstOrThrow();
    expect(user.email_verified_at).not.toBeNull();
    expect(user.role).toBe("candidate");
    expect((await lastEmailTo(email))?.template).toBe("welcome");

    const again = await call(verify.action, post("/verify-email", { token }));
    expect(again.status).toBe(400);
  });

  it("creates an employer's company with them as owner", async () => {
    const email = `owner-${unique()}`;
    await call(
      signup.action,
      post("/signup", {
        name: "Olu Owner",
        email,
        password: "we-hire-great-coders",
        role: "employer",
        companyName: "Lakeside Coding Partners",
      }),
    );
    const membership = await getDb()
      .selectFrom("company_members")
      .innerJoin("users", "users.id", "company_members.user_id")
      .innerJoin("companies", "companies.id", "company_members.company_id")
      .select(["companies.name", "companies.slug", "company_members.role"])
      .where("users.email", "=", email)
      .executeTakeFirstOrThrow();
    expect(membership).toEqual({
      name: "Lakeside Coding Partners",
      slug: "lakeside-coding-partners",
      role: "owner",
    });
  });

  it("refuses a late verification link", async () => {
    const email = `late-${unique()}`;
    await call(
      signup.action,
      post("/signup", {
        name: "Lee Late",
        email,
        password: "slow-but-steady-coder",
        role: "candidate",
      }),
    );
    const token = tokenIn((await lastEmailTo(email))?.text);
    const late = await verifyEmail(token, new Date(Date.now() + VERIFY_TTL_MS + 1000));
    expect(late.ok).toBe(false);
  });

  it("keeps what was typed and explains each problem", async () => {
    const result = await call(
      signup.action,
      post("/signup", { name: "Pat", email: "not-an-email", password: "short", role: "employer" }),
    );
    expect(result.status).toBe(400);
    const reply = (
      result.body as {
        result: { initialValue: Record<string, string>; error: Record<string, string[]> };
      }
    ).result;
    expect(reply.initialValue.name).toBe("Pat");
    expect(reply.initialValue.email).toBe("not-an-email");
    expect(reply.initialValue.password).toBeUndefined();
    expect(Object.keys(reply.error).sort()).toEqual(["companyName", "email", "password"]);
  });

  it("refuses the most common breached passwords with a clear message", async () => {
    const result = await call(
      signup.action,
      post("/signup", { name: "Sam", email: unique(), password: "password1", role: "candidate" }),
    );
    expect(result.status).toBe(400);
    expect(JSON.stringify(result.body)).toContain("most common in data breaches");
  });

  it("pretends to succeed for bots that fill the honeypot, and creates nothing", async () => {
    const email = `bot-${unique()}`;
    const result = await call(
      signup.action,
      post("/signup", {
        name: "Bot",
        email,
        password: "a-strong-bot-password",
        role: "candidate",
        website: "http://spam.example",
      }),
    );
    expect(result.status).toBe(200);
    expect(
      await getDb().selectFrom("users").select("id").where("email", "=", email).executeTakeFirst(),
    ).toBeUndefined();
  });
});

describe("answers that reveal nothing about who has an account", () => {
  it("gives the same sign-up answer for a new and an existing address", async () => {
    const existing = await createUser();
    const fields = { name: "Someone", password: "a-long-unique-passphrase", role: "candidate" };
    const known = await call(signup.action, post("/signup", { ...fields, email: existing.email }));
    const unknown = await call(
      signup.action,
      post("/signup", { ...fields, email: existing.email.replace("@", "-x@") }),
    );
    expect(known.status).toBe(unknown.status);
    expect(Object.keys(known.body as object)).toEqual(Object.keys(unknown.body as object));
    expect((known.body as { sentTo: string }).sentTo).toBe(existing.email);
  });

  it("gives the same login error for a wrong password and an unknown address", async () => {
    const existing = await createUser();
    const wrong = await call(
      login.action,
      post("/login", { email: existing.email, password: "not-the-password" }),
      {},
      { ...testContext, clientIp: "198.51.100.1" },
    );
    const unknown = await call(
      login.action,
      post("/login", { email: `nobody-${unique()}`, password: "not-the-password" }),
      {},
      { ...testContext, clientIp: "198.51.100.2" },
    );
    expect(wrong.status).toBe(400);
    expect(unknown.status).toBe(400);
    expect(JSON.stringify((wrong.body as { error: unknown }).error)).toBe(
      JSON.stringify((unknown.body as { error: unknown }).error),
    );
  });

  it("gives the same reset answer for known and unknown addresses", async () => {
    const existing = await createUser();
    const known = await call(forgot.action, post("/forgot-password", { email: existing.email }));
    const unknown = await call(
      forgot.action,
      post("/forgot-password", { email: `ghost-${unique()}` }),
    );
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect(Object.keys(known.body as object)).toEqual(Object.keys(unknown.body as object));
  });
});

describe("login rate limit (production limits)", () => {
  const attempt = (email: string, password: string, clientIp: string) =>
    call(login.action, post("/login", { email, password }), {}, { ...testContext, clientIp });

  it("refuses the 11th failed try from one address at one account, even with the right password", async () => {
    const user = await createUser();
    for (let i = 1; i <= 10; i++) {
      expect((await attempt(user.email, `wrong-${i}`, "192.0.2.10")).status).toBe(400);
    }
    const eleventh = await attempt(user.email, TEST_PASSWORD, "192.0.2.10");
    expect(eleventh.status).toBe(429);
    expect(JSON.stringify(eleventh.body)).toContain("Too many attempts");
  });

  it("does not let a stranger lock the owner out by failing on purpose from other addresses", async () => {
    const user = await createUser();
    for (let i = 1; i <= 12; i++) {
      await attempt(user.email, `wrong-${i}`, `198.51.100.${i}`);
    }
    expect((await attempt(user.email, TEST_PASSWORD, "203.0.113.99")).status).toBe(302);
  });

  it("does not count successful logins", async () => {
    const user = await createUser();
    for (let i = 1; i <= 12; i++) {
      expect((await attempt(user.email, TEST_PASSWORD, "192.0.2.20")).status).toBe(302);
    }
    expect((await attempt(user.email, "one-typo", "192.0.2.20")).status).toBe(400);
  });

  it("refuses an address that has failed at many accounts (password spraying), but fits an office", async () => {
    const office = "192.0.2.200";
    // An office's worth of mistakes, recorded directly rather than hashed a hundred times.
    for (let i = 1; i < LIMITS.loginPerIp.limit; i++) {
      await hit(`login:ip:${office}`, LIMITS.loginPerIp);
    }
    const user = await createUser();
    expect((await attempt(`spray-${unique()}`, "guess", office)).status).toBe(400);
    expect((await attempt(user.email, TEST_PASSWORD, office)).status).toBe(429);
    expect((await attempt(user.email, TEST_PASSWORD, "192.0.2.201")).status).toBe(302);
  });

  it("logs in with the right password, to a safe local redirect only", async () => {
    const user = await createUser();
    const ok = await call(
      login.action,
      post("/login", {
        email: user.email.toUpperCase(),
        password: TEST_PASSWORD,
        redirectTo: "/me/settings",
      }),
      {},
      { ...testContext, clientIp: "192.0.2.50" },
    );
    expect(ok.status).toBe(302);
    expect(ok.location).toBe("/me/settings");
    const evil = await call(
      login.action,
      post("/login", {
        email: user.email,
        password: TEST_PASSWORD,
        redirectTo: "//evil.example/x",
      }),
      {},
      { ...testContext, clientIp: "192.0.2.51" },
    );
    expect(evil.location).toBe("/");
  });
});

describe("password reset", () => {
  it("works once, ends every session, and refuses a second or late use", async () => {
    const user = await createUser();
    await call(forgot.action, post("/forgot-password", { email: user.email }));
    const token = tokenIn((await lastEmailTo(user.email))?.text);
    expect(token).not.toBe("");

    const done = await call(
      reset.action,
      post("/reset-password", {
        token,
        password: "brand-new-passphrase",
        confirm: "brand-new-passphrase",
      }),
    );
    expect(done.status).toBe(302);
    // The old session is gone; the new one from the reset works.
    expect((await call(settings.loader, get("/me/settings", user.cookie))).status).toBe(302);
    expect((await call(settings.loader, get("/me/settings", cookieOf(done)))).status).toBe(200);

    const second = await call(
      reset.action,
      post("/reset-password", {
        token,
        password: "another-passphrase!",
        confirm: "another-passphrase!",
      }),
    );
    expect(second.status).toBe(400);

    await call(forgot.action, post("/forgot-password", { email: user.email }));
    const lateToken = tokenIn((await lastEmailTo(user.email))?.text);
    const late = await resetPassword(
      { token: lateToken, password: "too-late-passphrase" },
      new Date(Date.now() + RESET_TTL_MS + 1000),
    );
    expect(late.ok).toBe(false);
    const stored = await getDb()
      .selectFrom("password_resets")
      .select("token_hash")
      .where("token_hash", "=", hashToken(lateToken))
      .executeTakeFirst();
    expect(stored).toBeDefined();
  });
});

describe("settings", () => {
  it("changing the password ends the other sessions and keeps this one", async () => {
    const user = await createUser();
    const other = await createUser({ email: `x-${unique()}` });
    const second = (await import("../../app/auth/session.server")).startSession(user.id);
    const otherCookie = (await second).split(";")[0];
    const result = await call(
      settings.action,
      post(
        "/me/settings",
        {
          intent: "change-password",
          current: TEST_PASSWORD,
          password: "a-fresh-long-passphrase",
          confirm: "a-fresh-long-passphrase",
        },
        user.cookie,
      ),
    );
    expect(result.status).toBe(302);
    expect(await flashOf(result)).toMatchObject({
      message: "Password changed. Other devices were signed out.",
    });
    expect((await call(settings.loader, get("/me/settings", user.cookie))).status).toBe(200);
    expect((await call(settings.loader, get("/me/settings", otherCookie))).status).toBe(302);
    expect((await call(settings.loader, get("/me/settings", other.cookie))).status).toBe(200);
  });

  it("changes the email only when the new address confirms it, then ends other sessions", async () => {
    const user = await createUser();
    const newEmail = `moved-${unique()}`;
    await call(
      settings.action,
      post(
        "/me/settings",
        { intent: "change-email", email: newEmail, password: TEST_PASSWORD },
        user.cookie,
      ),
    );
    expect(
      (
        await getDb()
          .selectFrom("users")
          .select("email")
          .where("id", "=", user.id)
          .executeTakeFirstOrThrow()
      ).email,
    ).toBe(user.email);
    const token = tokenIn((await lastEmailTo(newEmail))?.text);
    const confirmed = await call(verify.action, post("/verify-email", { token }, user.cookie));
    expect(confirmed.location).toBe("/me/settings");
    expect(await flashOf(confirmed)).toMatchObject({ message: "Your email address is confirmed." });
    expect(
      (
        await getDb()
          .selectFrom("users")
          .select("email")
          .where("id", "=", user.id)
          .executeTakeFirstOrThrow()
      ).email,
    ).toBe(newEmail);
  });

  it("exports the account as JSON without secrets", async () => {
    const user = await createUser();
    const result = await call(exportRoute.loader, get("/me/export.json", user.cookie));
    const response = result.body as Response;
    expect(response.headers.get("content-disposition")).toContain("attachment");
    const body = await response.text();
    const parsed = JSON.parse(body);
    expect(parsed.account.email).toBe(user.email);
    expect(body).not.toMatch(/password_hash|argon2|token_hash/);
  });

  it("deletes the account after the password is confirmed, ending its sessions", async () => {
    const user = await createUser();
    const refused = await call(
      settings.action,
      post(
        "/me/settings",
        { intent: "delete-account", password: "wrong", confirm: "delete" },
        user.cookie,
      ),
    );
    expect(refused.status).toBe(400);
    const deleted = await call(
      settings.action,
      post(
        "/me/settings",
        { intent: "delete-account", password: TEST_PASSWORD, confirm: "delete" },
        user.cookie,
      ),
    );
    expect(deleted.status).toBe(302);
    expect(
      await getDb().selectFrom("users").select("id").where("id", "=", user.id).executeTakeFirst(),
    ).toBeUndefined();
    expect(
      await getDb()
        .selectFrom("sessions")
        .select("id")
        .where("user_id", "=", user.id)
        .executeTakeFirst(),
    ).toBeUndefined();
  });

  it("logs out with a POST that ends the session", async () => {
    const user = await createUser();
    const out = await call(logout.action, post("/logout", {}, user.cookie));
    expect(out.status).toBe(302);
    expect((out.body as Response).headers.get("set-cookie")).toContain("Max-Age=0");
    expect((await call(settings.loader, get("/me/settings", user.cookie))).status).toBe(302);
  });
});
