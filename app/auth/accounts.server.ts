// Accounts: sign-up, log-in, email verification, password reset and settings. Answers never
// reveal whether an address has an account.
import type { Kysely } from "kysely";
import type { DB } from "#db/types";
import { suspensionOf } from "~/admin/suspension.server";
import { adoptAlerts } from "~/alerts/alerts.server";
import { sendEmail } from "~/email/email.server";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { slugify } from "~/utils/slug";
import { hashPassword, verifyPassword } from "./password.server";
import { hitAll, LIMITS, type Limit, type RateLimitResult, refund } from "./rate-limit.server";
import { invalidateUserSessions } from "./session.server";
import { generateToken, hashToken } from "./tokens.server";

const MINUTE = 60_000;
export const VERIFY_TTL_MS = 24 * 60 * MINUTE;
export const RESET_TTL_MS = 30 * MINUTE;

export function normalizeEmail(email: string) {
  return email.trim().toLowerCase();
}

// Comparing against a real hash keeps "no such account" as slow as "wrong password".
let dummyHash: Promise<string> | undefined;
function timingDummy() {
  dummyHash ??= hashPassword("timing-equaliser-not-a-password");
  return dummyHash;
}

type Limited = { ok: false; reason: "rate_limited"; retryAfterSeconds: number };
const limited = (r: RateLimitResult): Limited => ({
  ok: false,
  reason: "rate_limited",
  retryAfterSeconds: r.retryAfterSeconds,
});

async function uniqueCompanySlug(trx: Kysely<DB>, name: string) {
  const base = slugify(name, "company");
  const taken = new Set(
    (
      await trx.selectFrom("companies").select("slug").where("slug", "like", `${base}%`).execute()
    ).map((r) => r.slug),
  );
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

async function createVerification(
  trx: Kysely<DB>,
  user: { id: number; name: string },
  email: string,
  now: Date,
) {
  const token = generateToken();
  await trx
    .insertInto("email_verifications")
    .values({
      user_id: user.id,
      email,
      token_hash: hashToken(token),
      expires_at: new Date(now.getTime() + VERIFY_TTL_MS),
    })
    .execute();
  await sendEmail(
    {
      to: email,
      template: "verify-email",
      props: {
        name: user.name,
        url: `${getEnv().APP_URL}/verify-email?token=${token}`,
        code: token.slice(0, 8).toUpperCase(),
      },
      dedupeKey: `verify-email:${hashToken(token)}`,
    },
    trx,
  );
}

export type SignUpInput = {
  name: string;
  email: string;
  password: string;
  role: "candidate" | "employer";
  companyName?: string;
  ip: string;
};

/**
 * Creates an unverified account (and, for employers, their company) and emails a link.
 * `userId` is null when the address already had an account: callers other than the apply
 * page must not reveal the difference (docs/decisions/012-files-and-applications.md).
 */
export async function signUp(
  input: SignUpInput,
  now = new Date(),
): Promise<{ ok: true; userId: number | null } | Limited> {
  const email = normalizeEmail(input.email);
  const rate = await hitAll(
    [
      [`signup:ip:${input.ip}`, LIMITS.signupPerIp],
      [`signup:email:${email}`, LIMITS.signupPerEmail],
    ],
    now,
  );
  if (!rate.allowed) return limited(rate);
  // Hash before looking the address up, so both answers take the same time.
  const passwordHash = await hashPassword(input.password);
  const userId = await getDb()
    .transaction()
    .execute(async (trx) => {
      const existing = await trx
        .selectFrom("users")
        .select("id")
        .where((eb) => eb(eb.fn("lower", ["email"]), "=", email))
        .executeTakeFirst();
      if (existing) return null; // Same answer as a new account; the owner can log in or reset.
      const user = await trx
        .insertInto("users")
        .values({ email, name: input.name.trim(), role: input.role, password_hash: passwordHash })
        .returning(["id", "name"])
        .executeTakeFirstOrThrow();
      if (input.role === "candidate") {
        await trx.insertInto("candidate_profiles").values({ user_id: user.id }).execute();
      } else {
        const companyName = (input.companyName ?? "").trim();
        const company = await trx
          .insertInto("companies")
          .values({ name: companyName, slug: await uniqueCompanySlug(trx, companyName) })
          .returning("id")
          .executeTakeFirstOrThrow();
        await trx
          .insertInto("company_members")
          .values({ company_id: company.id, user_id: user.id, role: "owner" })
          .execute();
      }
      await createVerification(trx, user, email, now);
      return user.id;
    });
  return { ok: true, userId };
}

export type Suspended = { ok: false; reason: "suspended"; message: string };

export async function logIn(
  input: { email: string; password: string; ip: string },
  now = new Date(),
): Promise<{ ok: true; userId: number } | Limited | Suspended | { ok: false; reason: "invalid" }> {
  const email = normalizeEmail(input.email);
  // Failures count, per IP and per IP and account (OWASP's advice): counted before checking
  // the password so parallel guesses cannot race past the limit, and given back on success.
  const checks: [string, Limit][] = [
    [`login:ip:${input.ip}`, LIMITS.loginPerIp],
    [`login:ip-account:${input.ip}:${email}`, LIMITS.loginPerIpAccount],
  ];
  const rate = await hitAll(checks, now);
  if (!rate.allowed) return limited(rate);
  const user = await getDb()
    .selectFrom("users")
    .select(["id", "password_hash"])
    .where((eb) => eb(eb.fn("lower", ["email"]), "=", email))
    .executeTakeFirst();
  const valid = await verifyPassword(user?.password_hash ?? (await timingDummy()), input.password);
  if (!user?.password_hash || !valid) return { ok: false, reason: "invalid" };
  await refund(checks, now);
  // Only someone who knows the password learns why the account is closed.
  const suspension = await suspensionOf(user.id);
  if (suspension) {
    const why = suspension.reason ? ` Reason: ${suspension.reason}` : "";
    const message =
      suspension.scope === "account"
        ? `This account is suspended.${why}`
        : `${suspension.company}'s account on MedCode Jobs is suspended, so its team cannot sign in.${why}`;
    return {
      ok: false,
      reason: "suspended",
      message: `${message} If you think this is a mistake, reply to any email we have sent you.`,
    };
  }
  return { ok: true, userId: user.id };
}

/** Confirms an address from an emailed link (sign-up or change of email). Single use. */
export async function verifyEmail(token: string, now = new Date()) {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const row = await trx
        .updateTable("email_verifications")
        .set({ used_at: now })
        .where("token_hash", "=", hashToken(token))
        .where("used_at", "is", null)
        .where("expires_at", ">", now)
        .returning(["user_id", "email"])
        .executeTakeFirst();
      if (!row) return { ok: false as const, reason: "invalid_or_expired" as const };
      const user = await trx
        .selectFrom("users")
        .select(["id", "email", "name", "role", "email_verified_at"])
        .where("id", "=", row.user_id)
        .executeTakeFirstOrThrow();
      const changing = normalizeEmail(user.email) !== normalizeEmail(row.email);
      if (changing) {
        const taken = await trx
          .selectFrom("users")
          .select("id")
          .where((eb) => eb(eb.fn("lower", ["email"]), "=", normalizeEmail(row.email)))
          .executeTakeFirst();
        if (taken) return { ok: false as const, reason: "email_taken" as const };
      }
      await trx
        .updateTable("users")
        .set({ email: row.email, email_verified_at: now, updated_at: now })
        .where("id", "=", user.id)
        .execute();
      // Alerts this address confirmed before it had an account now belong to the account.
      await adoptAlerts(trx, { userId: user.id, email: row.email });
      if (!user.email_verified_at) {
        await sendEmail(
          {
            to: row.email,
            template: "welcome",
            props: { name: user.name, role: user.role },
            dedupeKey: `welcome:${user.id}`,
          },
          trx,
        );
      }
      return { ok: true as const, userId: user.id, changedEmail: changing };
    });
}

export async function resendVerification(
  userId: number,
  now = new Date(),
): Promise<{ ok: true } | Limited> {
  const rate = await hitAll([[`verify-resend:user:${userId}`, LIMITS.verifyResendPerUser]], now);
  if (!rate.allowed) return limited(rate);
  await getDb()
    .transaction()
    .execute(async (trx) => {
      const user = await trx
        .selectFrom("users")
        .select(["id", "name", "email", "email_verified_at"])
        .where("id", "=", userId)
        .executeTakeFirstOrThrow();
      if (!user.email_verified_at) await createVerification(trx, user, user.email, now);
    });
  return { ok: true };
}

export async function requestPasswordReset(
  input: { email: string; ip: string },
  now = new Date(),
): Promise<{ ok: true } | Limited> {
  const email = normalizeEmail(input.email);
  const rate = await hitAll(
    [
      [`reset:ip:${input.ip}`, LIMITS.resetPerIp],
      [`reset:email:${email}`, LIMITS.resetPerEmail],
    ],
    now,
  );
  if (!rate.allowed) return limited(rate);
  await getDb()
    .transaction()
    .execute(async (trx) => {
      const user = await trx
        .selectFrom("users")
        .select(["id", "name", "email"])
        .where((eb) => eb(eb.fn("lower", ["email"]), "=", email))
        .executeTakeFirst();
      if (!user) return;
      const token = generateToken();
      await trx
        .insertInto("password_resets")
        .values({
          user_id: user.id,
          email: user.email,
          token_hash: hashToken(token),
          expires_at: new Date(now.getTime() + RESET_TTL_MS),
        })
        .execute();
      await sendEmail(
        {
          to: user.email,
          template: "reset-password",
          props: { name: user.name, url: `${getEnv().APP_URL}/reset-password?token=${token}` },
          dedupeKey: `reset-password:${hashToken(token)}`,
        },
        trx,
      );
    });
  return { ok: true };
}

/** Is this reset link still usable? (for showing the form, without spending it) */
export async function checkResetToken(token: string, now = new Date()) {
  const row = await getDb()
    .selectFrom("password_resets")
    .select("id")
    .where("token_hash", "=", hashToken(token))
    .where("used_at", "is", null)
    .where("expires_at", ">", now)
    .executeTakeFirst();
  return Boolean(row);
}

/** Sets a new password from a reset link (single use) and ends every session of the account. */
export async function resetPassword(input: { token: string; password: string }, now = new Date()) {
  const passwordHash = await hashPassword(input.password);
  const userId = await getDb()
    .transaction()
    .execute(async (trx) => {
      const row = await trx
        .updateTable("password_resets")
        .set({ used_at: now })
        .where("token_hash", "=", hashToken(input.token))
        .where("used_at", "is", null)
        .where("expires_at", ">", now)
        .returning(["user_id", "email"])
        .executeTakeFirst();
      if (!row) return null;
      // The link proves the address: a reset also verifies it.
      await trx
        .updateTable("users")
        .set((eb) => ({
          password_hash: passwordHash,
          updated_at: now,
          email_verified_at: eb.fn.coalesce("email_verified_at", eb.val(now)),
        }))
        .where("id", "=", row.user_id)
        .execute();
      await trx
        .updateTable("password_resets")
        .set({ used_at: now })
        .where("user_id", "=", row.user_id)
        .where("used_at", "is", null)
        .execute();
      await trx.deleteFrom("sessions").where("user_id", "=", row.user_id).execute();
      return row.user_id;
    });
  return userId
    ? { ok: true as const, userId }
    : { ok: false as const, reason: "invalid_or_expired" as const };
}

async function checkCurrentPassword(userId: number, password: string) {
  const user = await getDb()
    .selectFrom("users")
    .select("password_hash")
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();
  return Boolean(user.password_hash) && verifyPassword(user.password_hash!, password);
}

export async function changePassword(input: {
  userId: number;
  sessionId: string;
  current: string;
  next: string;
}) {
  if (!(await checkCurrentPassword(input.userId, input.current)))
    return { ok: false as const, reason: "wrong_password" as const };
  const passwordHash = await hashPassword(input.next);
  await getDb()
    .updateTable("users")
    .set({ password_hash: passwordHash, updated_at: new Date() })
    .where("id", "=", input.userId)
    .execute();
  await invalidateUserSessions(input.userId, { except: input.sessionId });
  return { ok: true as const };
}

/** Sends a confirmation link to the new address; the change happens when it is opened. */
export async function requestEmailChange(
  input: { userId: number; sessionId: string; password: string; newEmail: string },
  now = new Date(),
) {
  if (!(await checkCurrentPassword(input.userId, input.password)))
    return { ok: false as const, reason: "wrong_password" as const };
  const email = normalizeEmail(input.newEmail);
  await getDb()
    .transaction()
    .execute(async (trx) => {
      const user = await trx
        .selectFrom("users")
        .select(["id", "name"])
        .where("id", "=", input.userId)
        .executeTakeFirstOrThrow();
      const taken = await trx
        .selectFrom("users")
        .select("id")
        .where((eb) => eb(eb.fn("lower", ["email"]), "=", email))
        .executeTakeFirst();
      // A taken address gets no link, but the answer is the same.
      if (!taken) await createVerification(trx, user, email, now);
    });
  return { ok: true as const };
}
