// Coders' credentials: one row per credential held, with member number and expiry, and who
// verified it, when and how. Employers see each claimed credential as verified, expired or
// as the coder stated it. See docs/decisions/018-verification.md.
import { type ExpressionBuilder, type Kysely, sql } from "kysely";
import type { DB } from "#db/types";
import { type Actor, recordAudit } from "~/admin/audit.server";
import { sendEmail } from "~/email/email.server";
import { formatDate } from "~/jobs/format";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";

/** Days before expiry that the coder is reminded. */
export const EXPIRY_NOTICE_DAYS = 30;

export type CredentialEntry = { code: string; memberNumber?: string; expiresOn?: string };

/** The coder's credentials for the profile form, with their verification. */
export async function listCandidateCredentials(userId: number, db: Kysely<DB> = getDb()) {
  return db
    .selectFrom("candidate_credentials")
    .innerJoin("credentials", "credentials.id", "candidate_credentials.credential_id")
    .select([
      "candidate_credentials.id",
      "credentials.code",
      "credentials.name",
      "credentials.issuer",
      "candidate_credentials.member_number",
      sql<string | null>`to_char(candidate_credentials.expires_on, 'YYYY-MM-DD')`.as("expires_on"),
      "candidate_credentials.verified_at",
      "candidate_credentials.verification_method",
      sql<boolean>`coalesce(candidate_credentials.expires_on < current_date, false)`.as("expired"),
    ])
    .where("candidate_credentials.user_id", "=", userId)
    .orderBy("credentials.code")
    .execute();
}

/**
 * Replaces the coder's credentials with the form's. Unknown codes are dropped. A credential
 * whose member number or expiry changed loses its verification: what was checked is not
 * what is shown any more. Runs in the caller's transaction (the profile save).
 */
export async function saveCandidateCredentials(
  trx: Kysely<DB>,
  userId: number,
  entries: CredentialEntry[],
) {
  const wanted = new Map(entries.map((e) => [e.code, e]));
  const known = wanted.size
    ? await trx
        .selectFrom("credentials")
        .select(["id", "code"])
        .where("code", "in", [...wanted.keys()])
        .execute()
    : [];
  const current = await trx
    .selectFrom("candidate_credentials")
    .select([
      "id",
      "credential_id",
      "member_number",
      sql<string | null>`to_char(expires_on, 'YYYY-MM-DD')`.as("expires_on"),
    ])
    .where("user_id", "=", userId)
    .execute();
  const keep = new Set(known.map((k) => k.id));
  const gone = current.filter((c) => !keep.has(c.credential_id)).map((c) => c.id);
  if (gone.length) await trx.deleteFrom("candidate_credentials").where("id", "in", gone).execute();
  for (const credential of known) {
    const entry = wanted.get(credential.code) as CredentialEntry;
    const memberNumber = entry.memberNumber || null;
    const expiresOn = entry.expiresOn || null;
    const existing = current.find((c) => c.credential_id === credential.id);
    if (!existing) {
      await trx
        .insertInto("candidate_credentials")
        .values({
          user_id: userId,
          credential_id: credential.id,
          member_number: memberNumber,
          expires_on: expiresOn,
        })
        .execute();
    } else if (existing.member_number !== memberNumber || existing.expires_on !== expiresOn) {
      await trx
        .updateTable("candidate_credentials")
        .set({
          member_number: memberNumber,
          expires_on: expiresOn,
          verified_at: null,
          verified_by: null,
          verification_method: null,
          verification_note: null,
          updated_at: new Date(),
        })
        .where("id", "=", existing.id)
        .execute();
    }
  }
}

/** The coder's credential codes (what an application starts from). */
export async function listCredentialCodes(userId: number) {
  const rows = await listCandidateCredentials(userId);
  return rows.map((r) => r.code);
}

/**
 * The ids of the credentials a coder holds today (unexpired), as one SQL array: what "a job
 * whose required credentials I hold" and the coder's matches test jobs against.
 */
export const heldCredentialsArray = (userId: number) => sql<number[]>`array(
  select cc.credential_id from candidate_credentials cc
  where cc.user_id = ${userId} and (cc.expires_on is null or cc.expires_on > now())
  order by 1)`;

export async function heldCredentialIds(userId: number, db: Kysely<DB> = getDb()) {
  const { rows } = await sql<{
    ids: number[];
  }>`select ${heldCredentialsArray(userId)} as ids`.execute(db);
  return rows[0].ids;
}

export type CredentialCheck = { code: string; verified: boolean; expired: boolean };

/**
 * For an application row: each credential it claims, with whether the coder's matching
 * credential is verified and whether it has expired. Read live, so a check done after
 * applying shows at once.
 */
export const claimedCredentials = sql<CredentialCheck[]>`(
  select coalesce(json_agg(json_build_object(
           'code', claimed.code,
           'verified', cc.verified_at is not null,
           'expired', coalesce(cc.expires_on < current_date, false)
         ) order by claimed.code), '[]'::json)
    from unnest(applications.credential_codes) as claimed(code)
    left join credentials c on c.code = claimed.code
    left join candidate_credentials cc
      on cc.credential_id = c.id and cc.user_id = applications.candidate_id
)`;

/** Applications with at least one verified, unexpired credential (that one, if named). */
export function hasVerifiedCredential(eb: ExpressionBuilder<DB, "applications">, code?: string) {
  return eb.exists(
    eb
      .selectFrom("candidate_credentials as cc")
      .innerJoin("credentials", "credentials.id", "cc.credential_id")
      .select("cc.id")
      .whereRef("cc.user_id", "=", "applications.candidate_id")
      .where("cc.verified_at", "is not", null)
      .where((w) =>
        w.or([w("cc.expires_on", "is", null), w("cc.expires_on", ">=", sql<Date>`current_date`)]),
      )
      .where(sql<boolean>`credentials.code = any(applications.credential_codes)`)
      .$if(Boolean(code), (q) => q.where("credentials.code", "=", code as string)),
  );
}

/** Credentials waiting for an operator's check: those with a member number, oldest first. */
export async function listCredentialQueue({ status }: { status: "unverified" | "verified" }) {
  return getDb()
    .selectFrom("candidate_credentials as cc")
    .innerJoin("credentials", "credentials.id", "cc.credential_id")
    .innerJoin("users", "users.id", "cc.user_id")
    .leftJoin("users as checker", "checker.id", "cc.verified_by")
    .select([
      "cc.id",
      "cc.member_number",
      sql<string | null>`to_char(cc.expires_on, 'YYYY-MM-DD')`.as("expires_on"),
      sql<boolean>`coalesce(cc.expires_on < current_date, false)`.as("expired"),
      "cc.verified_at",
      "cc.verification_method",
      "cc.verification_note",
      "cc.updated_at",
      "credentials.code",
      "credentials.name as credential_name",
      "credentials.issuer",
      "credentials.verify_note",
      "users.id as user_id",
      "users.name as user_name",
      "checker.name as checked_by_name",
    ])
    .where("cc.member_number", "is not", null)
    .where("cc.verified_at", status === "unverified" ? "is" : "is not", null)
    .orderBy("cc.updated_at", status === "unverified" ? "asc" : "desc")
    .limit(200)
    .execute();
}

/** An operator records a check: verified (who, when, how) or the verification withdrawn. */
export async function setCredentialVerification(input: {
  credentialId: number;
  actor: Actor;
  verified: boolean;
  method?: string;
  note?: string;
  now?: Date;
}) {
  const now = input.now ?? new Date();
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const before = await trx
        .selectFrom("candidate_credentials as cc")
        .innerJoin("credentials", "credentials.id", "cc.credential_id")
        .select([
          "cc.id",
          "cc.user_id",
          "cc.member_number",
          "cc.verified_at",
          "cc.verification_method",
          "credentials.code",
        ])
        .where("cc.id", "=", input.credentialId)
        .forUpdate("cc")
        .executeTakeFirst();
      if (!before) return { ok: false as const, reason: "not_found" as const };
      if (Boolean(before.verified_at) === input.verified)
        return { ok: false as const, reason: "already" as const };
      await trx
        .updateTable("candidate_credentials")
        .set({
          verified_at: input.verified ? now : null,
          verified_by: input.verified ? input.actor.id : null,
          verification_method: input.verified ? (input.method ?? null) : null,
          verification_note: input.note || null,
          updated_at: now,
        })
        .where("id", "=", before.id)
        .execute();
      await recordAudit(trx, {
        actor: input.actor,
        action: input.verified ? "credential.verify" : "credential.unverify",
        subject: { type: "credential", id: before.id },
        before: { code: before.code, verified: Boolean(before.verified_at) },
        after: {
          code: before.code,
          member_number: before.member_number,
          verified: input.verified,
          method: input.method ?? null,
          user_id: before.user_id,
        },
        note: input.note ?? null,
      });
      return { ok: true as const };
    });
}

/** Worker: reminds coders of credentials expiring within 30 days, once per expiry date. */
export async function sendCredentialExpiryReminders({
  now = new Date(),
  limit = 500,
}: {
  now?: Date;
  limit?: number;
} = {}) {
  const db = getDb();
  const due = await db
    .selectFrom("candidate_credentials as cc")
    .innerJoin("credentials", "credentials.id", "cc.credential_id")
    .innerJoin("users", "users.id", "cc.user_id")
    .select([
      "cc.id",
      sql<string>`to_char(cc.expires_on, 'YYYY-MM-DD')`.as("expires_on"),
      "credentials.code",
      "credentials.name as credential_name",
      "credentials.issuer",
      "users.email",
      "users.name",
    ])
    .where("cc.expires_on", ">=", sql<Date>`${now}::date`)
    .where("cc.expires_on", "<=", sql<Date>`${now}::date + ${EXPIRY_NOTICE_DAYS}::int`)
    .where((eb) =>
      eb.or([
        eb("cc.expiry_warned_for", "is", null),
        eb("cc.expiry_warned_for", "!=", eb.ref("cc.expires_on")),
      ]),
    )
    .limit(limit)
    .execute();
  for (const row of due) {
    const day = row.expires_on;
    await db.transaction().execute(async (trx) => {
      await sendEmail(
        {
          to: row.email,
          template: "credential-expiring",
          dedupeKey: `credential-expiring:${row.id}:${day}`,
          props: {
            name: row.name,
            code: row.code,
            credentialName: row.credential_name,
            issuer: row.issuer,
            expiresOn: formatDate(new Date(`${day}T12:00:00Z`)),
            url: `${getEnv().APP_URL}/me/profile`,
          },
        },
        trx,
      );
      await trx
        .updateTable("candidate_credentials")
        .set({ expiry_warned_for: sql<Date>`${day}::date` })
        .where("id", "=", row.id)
        .execute();
    });
  }
  return { reminded: due.length };
}
