// Company verification: an owner names a work address on the company website's domain, the
// emailed link proves they read that mailbox, and an operator looks at the evidence and
// grants or refuses the badge. See docs/decisions/018-verification.md.
import type { Kysely } from "kysely";
import type { DB } from "#db/types";
import { type Actor, recordAudit } from "~/admin/audit.server";
import { normalizeDomain } from "~/admin/spam-rules";
import { hit, LIMITS } from "~/auth/rate-limit.server";
import { generateToken, hashToken } from "~/auth/tokens.server";
import { sendEmail } from "~/email/email.server";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { companyContact } from "./companies.server";

const LINK_TTL_MS = 24 * 3600 * 1000;

// Anyone can open a mailbox on these: an address there proves nothing about a company.
const FREE_MAIL = new Set([
  "gmail.com",
  "googlemail.com",
  "yahoo.com",
  "outlook.com",
  "hotmail.com",
  "live.com",
  "msn.com",
  "aol.com",
  "icloud.com",
  "me.com",
  "proton.me",
  "protonmail.com",
  "gmx.com",
  "mail.com",
  "yandex.com",
  "zoho.com",
]);

/** The domain a company's website lives on ("https://www.x.org/jobs" → "x.org"), or null. */
export function websiteDomain(website: string | null | undefined) {
  return website ? normalizeDomain(website) : null;
}

/** Whether an address belongs to the domain (or one of its subdomains). */
export function emailOnDomain(email: string, domain: string) {
  const host = email.trim().toLowerCase().split("@")[1] ?? "";
  return host === domain || host.endsWith(`.${domain}`);
}

export async function getVerificationStatus(companyId: number) {
  const db = getDb();
  const [company, latest] = await Promise.all([
    db
      .selectFrom("companies")
      .select(["id", "name", "website", "verified_at", "verified_domain"])
      .where("id", "=", companyId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("company_verifications")
      .select([
        "id",
        "status",
        "domain",
        "work_email",
        "email_confirmed_at",
        "decision_note",
        "decided_at",
        "created_at",
        "token_expires_at",
      ])
      .where("company_id", "=", companyId)
      .orderBy("id", "desc")
      .executeTakeFirst(),
  ]);
  return {
    company: { ...company, domain: websiteDomain(company.website) },
    latest: latest ?? null,
  };
}

export type VerificationRequestResult =
  | { ok: true; domain: string }
  | {
      ok: false;
      reason: "no_website" | "free_mail" | "wrong_domain" | "already_verified" | "rate_limited";
    };

export async function requestCompanyVerification(input: {
  companyId: number;
  userId: number;
  workEmail: string;
  now?: Date;
}): Promise<VerificationRequestResult> {
  const now = input.now ?? new Date();
  const { company } = await getVerificationStatus(input.companyId);
  const domain = company.domain;
  if (!domain) return { ok: false, reason: "no_website" };
  if (FREE_MAIL.has(domain)) return { ok: false, reason: "free_mail" };
  const email = input.workEmail.trim().toLowerCase();
  if (!emailOnDomain(email, domain)) return { ok: false, reason: "wrong_domain" };
  if (company.verified_at && company.verified_domain === domain)
    return { ok: false, reason: "already_verified" };
  const rate = await hit(`verify-company:${input.companyId}`, LIMITS.verificationPerCompany, now);
  if (!rate.allowed) return { ok: false, reason: "rate_limited" };
  const token = generateToken();
  await getDb()
    .transaction()
    .execute(async (trx) => {
      // A new request replaces any that is still waiting.
      await trx
        .updateTable("company_verifications")
        .set({ status: "withdrawn" })
        .where("company_id", "=", input.companyId)
        .where("status", "in", ["awaiting_email", "awaiting_review"])
        .execute();
      await trx
        .insertInto("company_verifications")
        .values({
          company_id: input.companyId,
          requested_by: input.userId,
          domain,
          website: company.website as string,
          work_email: email,
          token_hash: hashToken(token),
          token_expires_at: new Date(now.getTime() + LINK_TTL_MS),
          created_at: now,
        })
        .execute();
      await sendEmail(
        {
          to: email,
          template: "company-verification",
          dedupeKey: `company-verification:${hashToken(token)}`,
          props: {
            companyName: company.name,
            domain,
            url: `${getEnv().APP_URL}/verify-company?token=${token}`,
          },
        },
        trx,
      );
    });
  return { ok: true, domain };
}

/** The request an emailed link belongs to, while it can still be confirmed. */
export async function findVerificationByToken(token: string, now = new Date()) {
  return getDb()
    .selectFrom("company_verifications")
    .innerJoin("companies", "companies.id", "company_verifications.company_id")
    .select([
      "company_verifications.id",
      "company_verifications.domain",
      "company_verifications.work_email",
      "companies.name as company_name",
    ])
    .where("company_verifications.token_hash", "=", hashToken(token))
    .where("company_verifications.status", "=", "awaiting_email")
    .where("company_verifications.token_expires_at", ">", now)
    .executeTakeFirst();
}

/** The link was opened and confirmed: the request joins the operators' queue. */
export async function confirmVerificationEmail(token: string, now = new Date()) {
  const row = await getDb()
    .updateTable("company_verifications")
    .set({ status: "awaiting_review", email_confirmed_at: now })
    .where("token_hash", "=", hashToken(token))
    .where("status", "=", "awaiting_email")
    .where("token_expires_at", ">", now)
    .returning("id")
    .executeTakeFirst();
  return Boolean(row);
}

/** Confirmed requests waiting for an operator, oldest first, with the evidence. */
export async function listVerificationQueue() {
  return getDb()
    .selectFrom("company_verifications")
    .innerJoin("companies", "companies.id", "company_verifications.company_id")
    .leftJoin("users", "users.id", "company_verifications.requested_by")
    .select([
      "company_verifications.id",
      "company_verifications.domain",
      "company_verifications.website",
      "company_verifications.work_email",
      "company_verifications.email_confirmed_at",
      "company_verifications.created_at",
      "companies.id as company_id",
      "companies.name as company_name",
      "companies.website as current_website",
      "companies.created_at as company_created_at",
      "users.name as requested_by_name",
      "users.email as requested_by_email",
    ])
    .where("company_verifications.status", "=", "awaiting_review")
    .orderBy("company_verifications.email_confirmed_at")
    .execute();
}

export type VerificationDecision =
  | { ok: true }
  | { ok: false; reason: "not_found" | "already" | "website_changed" };

export async function decideVerification(input: {
  requestId: number;
  actor: Actor;
  grant: boolean;
  note?: string;
  now?: Date;
}): Promise<VerificationDecision> {
  const now = input.now ?? new Date();
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const request = await trx
        .selectFrom("company_verifications")
        .innerJoin("companies", "companies.id", "company_verifications.company_id")
        .select([
          "company_verifications.id",
          "company_verifications.status",
          "company_verifications.domain",
          "company_verifications.work_email",
          "company_verifications.requested_by",
          "companies.id as company_id",
          "companies.name as company_name",
          "companies.website",
        ])
        .where("company_verifications.id", "=", input.requestId)
        .forUpdate()
        .executeTakeFirst();
      if (!request) return { ok: false, reason: "not_found" } as const;
      if (request.status !== "awaiting_review") return { ok: false, reason: "already" } as const;
      // The badge vouches for the website shown on the company page: it must still be this one.
      if (input.grant && websiteDomain(request.website) !== request.domain)
        return { ok: false, reason: "website_changed" } as const;
      await trx
        .updateTable("company_verifications")
        .set({
          status: input.grant ? "granted" : "refused",
          decided_by: input.actor.id,
          decided_at: now,
          decision_note: input.note || null,
        })
        .where("id", "=", request.id)
        .execute();
      if (input.grant) {
        await trx
          .updateTable("companies")
          .set({ verified_at: now, verified_domain: request.domain, verified_by: input.actor.id })
          .where("id", "=", request.company_id)
          .execute();
      }
      await recordAudit(trx, {
        actor: input.actor,
        action: input.grant ? "company.verify" : "company.verification_refused",
        subject: { type: "company", id: request.company_id },
        companyId: request.company_id,
        after: {
          domain: request.domain,
          work_email: request.work_email,
          request_id: request.id,
        },
        note: input.note ?? null,
      });
      const to = await companyContact(trx, {
        companyId: request.company_id,
        preferUserId: request.requested_by,
      });
      if (to) {
        await sendEmail(
          {
            to: to.email,
            template: "company-verification-decided",
            dedupeKey: `company-verification-decided:${request.id}`,
            props: {
              name: to.name,
              companyName: request.company_name,
              granted: input.grant,
              note: input.note || null,
              url: `${getEnv().APP_URL}/employer/company`,
            },
          },
          trx,
        );
      }
      return { ok: true } as const;
    });
}

/** An operator takes the badge away (the company can ask again). */
export async function revokeVerification(input: { companyId: number; actor: Actor; note: string }) {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const before = await trx
        .updateTable("companies")
        .set({ verified_at: null, verified_domain: null, verified_by: null })
        .where("id", "=", input.companyId)
        .where("verified_at", "is not", null)
        .returning("id")
        .executeTakeFirst();
      if (!before) return false;
      await recordAudit(trx, {
        actor: input.actor,
        action: "company.verification_revoked",
        subject: { type: "company", id: input.companyId },
        companyId: input.companyId,
        before: { verified: true },
        after: { verified: false },
        note: input.note,
      });
      return true;
    });
}

/**
 * The badge vouches for one domain: when the owner moves the website elsewhere, it lapses
 * (called in the profile's transaction, before the new website is saved).
 */
export async function lapseVerificationOnNewDomain(
  trx: Kysely<DB>,
  input: { companyId: number; website: string | null; actor: Actor },
) {
  const company = await trx
    .selectFrom("companies")
    .select("verified_domain")
    .where("id", "=", input.companyId)
    .executeTakeFirstOrThrow();
  // A badge granted before domains were recorded vouches for no domain: nothing to lapse.
  if (!company.verified_domain || websiteDomain(input.website) === company.verified_domain)
    return false;
  await trx
    .updateTable("companies")
    .set({ verified_at: null, verified_domain: null, verified_by: null })
    .where("id", "=", input.companyId)
    .execute();
  await recordAudit(trx, {
    actor: input.actor,
    action: "company.verification_lapsed",
    subject: { type: "company", id: input.companyId },
    companyId: input.companyId,
    before: { verified_domain: company.verified_domain },
    after: { website: input.website },
  });
  return true;
}
