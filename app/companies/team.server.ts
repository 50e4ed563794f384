// A company's team: members, single-use invites by email, removal.

import { normalizeEmail } from "~/auth/accounts.server";
import { hashPassword } from "~/auth/password.server";
import { hitAll, LIMITS } from "~/auth/rate-limit.server";
import { generateToken, hashToken } from "~/auth/tokens.server";
import { sendEmail } from "~/email/email.server";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";

export const INVITE_TTL_MS = 7 * 86_400_000;

export async function listTeam(companyId: number) {
  const db = getDb();
  const [members, invites] = await Promise.all([
    db
      .selectFrom("company_members")
      .innerJoin("users", "users.id", "company_members.user_id")
      .select([
        "users.id",
        "users.name",
        "users.email",
        "company_members.role",
        "company_members.created_at",
      ])
      .where("company_members.company_id", "=", companyId)
      .orderBy("company_members.created_at")
      .execute(),
    db
      .selectFrom("team_invites")
      .select(["id", "email", "role", "created_at", "expires_at"])
      .where("company_id", "=", companyId)
      .where("accepted_at", "is", null)
      .where("revoked_at", "is", null)
      .where("expires_at", ">", new Date())
      .orderBy("created_at", "desc")
      .execute(),
  ]);
  return { members, invites };
}

export async function inviteMember(input: {
  companyId: number;
  invitedBy: { id: number; name: string };
  email: string;
  role: "owner" | "recruiter";
}) {
  const email = normalizeEmail(input.email);
  const rate = await hitAll([[`invite:company:${input.companyId}`, LIMITS.invitePerCompany]]);
  if (!rate.allowed) return { ok: false as const, reason: "rate_limited" as const };
  const already = await getDb()
    .selectFrom("company_members")
    .innerJoin("users", "users.id", "company_members.user_id")
    .select("users.id")
    .where("company_members.company_id", "=", input.companyId)
    .where((eb) => eb(eb.fn("lower", ["users.email"]), "=", email))
    .executeTakeFirst();
  if (already) return { ok: false as const, reason: "already_member" as const };
  const token = generateToken();
  await getDb()
    .transaction()
    .execute(async (trx) => {
      const company = await trx
        .selectFrom("companies")
        .select("name")
        .where("id", "=", input.companyId)
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("team_invites")
        .values({
          company_id: input.companyId,
          email,
          role: input.role,
          token_hash: hashToken(token),
          invited_by: input.invitedBy.id,
          expires_at: new Date(Date.now() + INVITE_TTL_MS),
        })
        .execute();
      await sendEmail(
        {
          to: email,
          template: "team-invite",
          props: {
            inviterName: input.invitedBy.name,
            companyName: company.name,
            role: input.role,
            url: `${getEnv().APP_URL}/invites/${token}`,
          },
          dedupeKey: `team-invite:${hashToken(token)}`,
        },
        trx,
      );
    });
  return { ok: true as const };
}

export async function revokeInvite(input: { companyId: number; inviteId: number }) {
  await getDb()
    .updateTable("team_invites")
    .set({ revoked_at: new Date() })
    .where("id", "=", input.inviteId)
    .where("company_id", "=", input.companyId)
    .where("accepted_at", "is", null)
    .execute();
}

/** An open invite (not used, revoked or expired), for the accept page. */
export async function getOpenInvite(token: string, now = new Date()) {
  return getDb()
    .selectFrom("team_invites")
    .innerJoin("companies", "companies.id", "team_invites.company_id")
    .select([
      "team_invites.id",
      "team_invites.email",
      "team_invites.role",
      "companies.id as company_id",
      "companies.name as company_name",
    ])
    .where("team_invites.token_hash", "=", hashToken(token))
    .where("team_invites.accepted_at", "is", null)
    .where("team_invites.revoked_at", "is", null)
    .where("team_invites.expires_at", ">", now)
    .executeTakeFirst();
}

type AcceptResult =
  | { ok: true; userId: number }
  | { ok: false; reason: "invalid_or_expired" | "not_employer" | "other_company" | "email_taken" };

/**
 * Accepts an invite, once. A signed-in employer joins as themselves; a visitor creates an
 * employer account for the invited address (the link proves they own it).
 */
export async function acceptInvite(
  input: { token: string } & ({ userId: number } | { name: string; password: string }),
  now = new Date(),
): Promise<AcceptResult> {
  const passwordHash = "password" in input ? await hashPassword(input.password) : null;
  return getDb()
    .transaction()
    .execute(async (trx): Promise<AcceptResult> => {
      const invite = await trx
        .updateTable("team_invites")
        .set({ accepted_at: now })
        .where("token_hash", "=", hashToken(input.token))
        .where("accepted_at", "is", null)
        .where("revoked_at", "is", null)
        .where("expires_at", ">", now)
        .returning(["company_id", "email", "role"])
        .executeTakeFirst();
      if (!invite) return { ok: false, reason: "invalid_or_expired" };
      let userId: number;
      if ("userId" in input) {
        const user = await trx
          .selectFrom("users")
          .select(["id", "role"])
          .where("id", "=", input.userId)
          .executeTakeFirstOrThrow();
        if (user.role !== "employer") return { ok: false, reason: "not_employer" };
        const elsewhere = await trx
          .selectFrom("company_members")
          .select("company_id")
          .where("user_id", "=", user.id)
          .where("company_id", "!=", invite.company_id)
          .executeTakeFirst();
        if (elsewhere) return { ok: false, reason: "other_company" };
        userId = user.id;
      } else {
        const taken = await trx
          .selectFrom("users")
          .select("id")
          .where((eb) => eb(eb.fn("lower", ["email"]), "=", invite.email))
          .executeTakeFirst();
        if (taken) return { ok: false, reason: "email_taken" };
        const user = await trx
          .insertInto("users")
          .values({
            email: invite.email,
            name: input.name.trim(),
            role: "employer",
            password_hash: passwordHash,
            email_verified_at: now,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        userId = user.id;
      }
      await trx
        .insertInto("company_members")
        .values({ company_id: invite.company_id, user_id: userId, role: invite.role })
        .onConflict((oc) => oc.columns(["company_id", "user_id"]).doNothing())
        .execute();
      return { ok: true, userId };
    });
}

/** Owners remove members; the last owner cannot remove themselves. Access ends on the next request. */
export async function removeMember(input: { companyId: number; userId: number }) {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const owners = await trx
        .selectFrom("company_members")
        .select("user_id")
        .where("company_id", "=", input.companyId)
        .where("role", "=", "owner")
        .forUpdate()
        .execute();
      if (owners.length === 1 && owners[0].user_id === input.userId) {
        return { ok: false as const, reason: "last_owner" as const };
      }
      const removed = await trx
        .deleteFrom("company_members")
        .where("company_id", "=", input.companyId)
        .where("user_id", "=", input.userId)
        .executeTakeFirst();
      return removed.numDeletedRows > 0n
        ? { ok: true as const }
        : { ok: false as const, reason: "not_member" as const };
    });
}
