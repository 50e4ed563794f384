// Suspending a person or a company: their jobs leave every public list at once (a hold, so
// the days left come back on unsuspension), their sessions end, and logging in says why.
import type { Kysely } from "kysely";
import type { DB } from "#db/types";
import { getDb } from "~/utils/db.server";
import { type Actor, recordAudit } from "./audit.server";
import { syncJobHolds } from "./holds.server";

export type SuspendTarget = { kind: "user"; id: number } | { kind: "company"; id: number };

export type SuspendResult =
  | { ok: true; held: number; released: number; sessionsEnded: number }
  | { ok: false; reason: "not_found" | "already" | "self" };

async function endSessions(trx: Kysely<DB>, target: SuspendTarget) {
  const query =
    target.kind === "user"
      ? trx.deleteFrom("sessions").where("user_id", "=", target.id)
      : trx
          .deleteFrom("sessions")
          .where("user_id", "in", (eb) =>
            eb.selectFrom("company_members").select("user_id").where("company_id", "=", target.id),
          );
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Suspends (reason given) or unsuspends (reason null) a user or a company. */
export async function setSuspension(input: {
  target: SuspendTarget;
  actor: Actor;
  reason: string | null;
  now?: Date;
}): Promise<SuspendResult> {
  const now = input.now ?? new Date();
  const { target } = input;
  const suspending = input.reason != null;
  if (suspending && target.kind === "user" && target.id === input.actor.id)
    return { ok: false, reason: "self" };
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const table = target.kind === "user" ? "users" : "companies";
      const before = await trx
        .selectFrom(table)
        .select(["id", "suspended_at", "suspended_reason"])
        .where("id", "=", target.id)
        .forUpdate()
        .executeTakeFirst();
      if (!before) return { ok: false, reason: "not_found" } as const;
      if (Boolean(before.suspended_at) === suspending)
        return { ok: false, reason: "already" } as const;
      await trx
        .updateTable(table)
        .set({
          suspended_at: suspending ? now : null,
          suspended_reason: input.reason,
          suspended_by: suspending ? input.actor.id : null,
        })
        .where("id", "=", target.id)
        .execute();
      const sessionsEnded = suspending ? await endSessions(trx, target) : 0;
      const holds = await syncJobHolds(
        trx,
        target.kind === "user" ? { userId: target.id } : { companyId: target.id },
        now,
      );
      await recordAudit(trx, {
        actor: input.actor,
        action: `${target.kind}.${suspending ? "suspend" : "unsuspend"}`,
        subject: { type: target.kind, id: target.id },
        companyId: target.kind === "company" ? target.id : null,
        before: { suspended: Boolean(before.suspended_at), reason: before.suspended_reason },
        after: {
          suspended: suspending,
          reason: input.reason,
          jobs_held: holds.held.length,
          jobs_released: holds.released.length,
          sessions_ended: sessionsEnded,
        },
        note: input.reason,
      });
      return {
        ok: true,
        held: holds.held.length,
        released: holds.released.length,
        sessionsEnded,
      } as const;
    });
}

/** Why this person may not sign in (their account or their company is suspended), or null. */
export async function suspensionOf(userId: number) {
  const row = await getDb()
    .selectFrom("users")
    .select((eb) => [
      "users.suspended_reason",
      "users.suspended_at",
      eb
        .selectFrom("company_members")
        .innerJoin("companies", "companies.id", "company_members.company_id")
        .select("companies.name")
        .whereRef("company_members.user_id", "=", "users.id")
        .where("companies.suspended_at", "is not", null)
        .limit(1)
        .as("company_name"),
      eb
        .selectFrom("company_members")
        .innerJoin("companies", "companies.id", "company_members.company_id")
        .select("companies.suspended_reason")
        .whereRef("company_members.user_id", "=", "users.id")
        .where("companies.suspended_at", "is not", null)
        .limit(1)
        .as("company_reason"),
    ])
    .where("users.id", "=", userId)
    .executeTakeFirst();
  if (!row) return null;
  if (row.suspended_at) return { scope: "account" as const, reason: row.suspended_reason ?? "" };
  if (row.company_name)
    return {
      scope: "company" as const,
      company: row.company_name,
      reason: row.company_reason ?? "",
    };
  return null;
}
