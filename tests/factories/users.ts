import { hashPassword } from "../../app/auth/password.server";
import { startSession } from "../../app/auth/session.server";
import { getDb } from "../../app/utils/db.server";

let counter = 0;
export const TEST_PASSWORD = "correct horse battery staple";

/**
 * Inserts a user (and, for employers, a company they own) with a known password. New
 * companies are verified unless `companyVerified: false`: most tests publish at once, the
 * way a verified employer does; moderation tests ask for an unverified one.
 */
export async function createUser(
  options: {
    role?: "candidate" | "employer" | "admin";
    email?: string;
    name?: string;
    verified?: boolean;
    company?: { id: number; role: "owner" | "recruiter" } | "new";
    companyVerified?: boolean;
  } = {},
) {
  const role = options.role ?? "candidate";
  counter += 1;
  const email =
    options.email ??
    `${role}-${process.pid}-${counter}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const user = await getDb()
    .insertInto("users")
    .values({
      email,
      name: options.name ?? `Test ${role} ${counter}`,
      role,
      password_hash: await hashPassword(TEST_PASSWORD),
      email_verified_at: options.verified === false ? null : new Date(),
    })
    .returning(["id", "email", "name", "role"])
    .executeTakeFirstOrThrow();
  let companyId: number | null = null;
  if (options.company === "new" || (role === "employer" && !options.company)) {
    const company = await getDb()
      .insertInto("companies")
      .values({
        name: `Company ${counter}`,
        slug: `company-${process.pid}-${counter}-${user.id}`,
        verified_at: options.companyVerified === false ? null : new Date(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    companyId = company.id;
    await getDb()
      .insertInto("company_members")
      .values({ company_id: company.id, user_id: user.id, role: "owner" })
      .execute();
  } else if (options.company) {
    companyId = options.company.id;
    await getDb()
      .insertInto("company_members")
      .values({ company_id: companyId, user_id: user.id, role: options.company.role })
      .execute();
  }
  const setCookie = await startSession(user.id);
  return { ...user, companyId, cookie: setCookie.split(";")[0] };
}
