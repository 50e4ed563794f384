// A person's data is theirs: one JSON export, and deletion that ends every session.
import { exportAccountAlerts } from "~/alerts/alerts.server";
import { detachCandidate, exportApplicationData } from "~/applications/account.server";
import { listCandidateCredentials } from "~/applications/credentials.server";
import { deleteStoredObjects } from "~/files/files.server";
import { getDb } from "~/utils/db.server";
import { verifyPassword } from "./password.server";

/** Everything the site holds about a user, for the JSON download. */
export async function exportAccountData(userId: number) {
  const db = getDb();
  const [user, profile, memberships, sessions, verifications, resets, applied, credentials] =
    await Promise.all([
      db
        .selectFrom("users")
        .select(["id", "email", "name", "role", "email_verified_at", "created_at", "updated_at"])
        .where("id", "=", userId)
        .executeTakeFirstOrThrow(),
      db
        .selectFrom("candidate_profiles")
        .selectAll()
        .where("user_id", "=", userId)
        .executeTakeFirst(),
      db
        .selectFrom("company_members")
        .innerJoin("companies", "companies.id", "company_members.company_id")
        .select([
          "companies.name as company",
          "companies.slug",
          "company_members.role",
          "company_members.created_at as joined_at",
        ])
        .where("company_members.user_id", "=", userId)
        .execute(),
      db
        .selectFrom("sessions")
        .select(["created_at", "expires_at"])
        .where("user_id", "=", userId)
        .execute(),
      db
        .selectFrom("email_verifications")
        .select(["email", "created_at", "used_at"])
        .where("user_id", "=", userId)
        .execute(),
      db
        .selectFrom("password_resets")
        .select(["created_at", "used_at"])
        .where("user_id", "=", userId)
        .execute(),
      exportApplicationData(userId),
      listCandidateCredentials(userId),
    ]);
  const alerts = await exportAccountAlerts(userId);
  return {
    exported_at: new Date().toISOString(),
    account: user,
    profile: profile ?? null,
    credentials,
    company_memberships: memberships,
    sessions,
    email_verifications: verifications,
    password_resets: resets,
    applications: applied.applications,
    files: applied.files,
    alerts,
  };
}

/**
 * Deletes the account after checking the password. Sessions, profile, memberships and links
 * go with it (foreign keys cascade). Companies, their jobs and billing records stay: they
 * belong to the company, not to the person. Uploaded files are deleted from storage after
 * the commit; applications stay with their companies as from a "Deleted candidate".
 */
export async function deleteAccount(input: { userId: number; password: string }) {
  const db = getDb();
  const user = await db
    .selectFrom("users")
    .select("password_hash")
    .where("id", "=", input.userId)
    .executeTakeFirst();
  if (!user?.password_hash || !(await verifyPassword(user.password_hash, input.password))) {
    return { ok: false as const, reason: "wrong_password" as const };
  }
  const storageKeys = await db.transaction().execute(async (trx) => {
    const keys = await detachCandidate(trx, input.userId);
    await trx.deleteFrom("sessions").where("user_id", "=", input.userId).execute();
    await trx.deleteFrom("users").where("id", "=", input.userId).execute();
    return keys;
  });
  await deleteStoredObjects(storageKeys);
  return { ok: true as const };
}
