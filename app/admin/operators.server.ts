// Making a person an operator: the command line's job (npm run admin:grant), never a page.
import type { Kysely } from "kysely";
import type { DB } from "#db/types";
import { normalizeEmail } from "~/auth/accounts.server";
import { COMMAND_LINE, recordAudit } from "./audit.server";

export type GrantResult =
  | { ok: true; name: string; previousRole: string }
  | { ok: false; reason: "not_found" | "already" | "company_member"; detail?: string };

/**
 * Gives an existing account the operator role and ends its sessions (the next sign-in
 * carries the role). A member of an employer's team stays an employer: operators act on
 * companies and must not be one of them.
 */
export async function grantOperator(db: Kysely<DB>, email: string): Promise<GrantResult> {
  return db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom("users")
      .select(["id", "name", "role"])
      .where((eb) => eb(eb.fn("lower", ["email"]), "=", normalizeEmail(email)))
      .forUpdate()
      .executeTakeFirst();
    if (!user) return { ok: false, reason: "not_found" } as const;
    if (user.role === "admin") return { ok: false, reason: "already" } as const;
    const membership = await trx
      .selectFrom("company_members")
      .innerJoin("companies", "companies.id", "company_members.company_id")
      .select("companies.name")
      .where("company_members.user_id", "=", user.id)
      .executeTakeFirst();
    if (membership)
      return { ok: false, reason: "company_member", detail: membership.name } as const;
    await trx
      .updateTable("users")
      .set({ role: "admin", updated_at: new Date() })
      .where("id", "=", user.id)
      .execute();
    await trx.deleteFrom("sessions").where("user_id", "=", user.id).execute();
    await recordAudit(trx, {
      actor: COMMAND_LINE,
      action: "admin.grant",
      subject: { type: "user", id: user.id },
      before: { role: user.role },
      after: { role: "admin" },
    });
    return { ok: true, name: user.name, previousRole: user.role } as const;
  });
}
