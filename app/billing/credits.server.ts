// Post credits from bundles: a company with credits publishes or renews without Checkout.
import { sql } from "kysely";
import { getDb } from "~/utils/db.server";
import { type Extended, extendJob } from "./fulfillment.server";
import { checkJobForPurchase } from "./orders.server";

const STANDARD_DAYS = 30;

export async function creditsLeft(companyId: number, now = new Date()): Promise<number> {
  const row = await getDb()
    .selectFrom("credits")
    .select(sql<number>`coalesce(sum(remaining), 0)::int`.as("left"))
    .where("company_id", "=", companyId)
    .where("remaining", ">", 0)
    .where("expires_at", ">", now)
    .executeTakeFirstOrThrow();
  return row.left;
}

export async function listCreditGrants(companyId: number) {
  return getDb()
    .selectFrom("credits")
    .select(["id", "order_id", "total", "remaining", "expires_at", "created_at"])
    .where("company_id", "=", companyId)
    .orderBy("created_at", "desc")
    .execute();
}

export type SpendResult =
  | ({ ok: true } & Extended)
  | { ok: false; reason: "not_found" | "no_credits" | "wrong_state" | "not_ready" };

/**
 * Publishes (or renews) a job with one credit, or puts it in the review queue with the credit
 * (given back if the job is rejected). The job row is locked first, so two tabs
 * publishing the same job spend one credit; the credit row is decremented with a guard that
 * Postgres re-checks after any concurrent writer commits, so one credit is never spent twice.
 */
export async function spendCredit(input: {
  companyId: number;
  jobId: number;
  userId: number;
  purpose: "publish" | "renew";
  now?: Date;
}): Promise<SpendResult> {
  const now = input.now ?? new Date();
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const checked = await checkJobForPurchase(trx, input, { lock: true, now });
      if (!checked.ok) return checked;
      const { job } = checked;

      let creditId: number | null = null;
      // A grant emptied by a concurrent spender fails the guard; try the next grant.
      for (let attempt = 0; attempt < 5 && creditId == null; attempt++) {
        const candidate = await trx
          .selectFrom("credits")
          .select("id")
          .where("company_id", "=", input.companyId)
          .where("remaining", ">", 0)
          .where("expires_at", ">", now)
          .orderBy("expires_at")
          .orderBy("id")
          .executeTakeFirst();
        if (!candidate) break;
        const spent = await trx
          .updateTable("credits")
          .set((eb) => ({ remaining: eb("remaining", "-", 1) }))
          .where("id", "=", candidate.id)
          .where("remaining", ">", 0)
          .returning("id")
          .executeTakeFirst();
        creditId = spent?.id ?? null;
      }
      if (creditId == null) return { ok: false, reason: "no_credits" } as const;

      const use = await trx
        .insertInto("credit_uses")
        .values({
          credit_id: creditId,
          job_id: job.id,
          user_id: input.userId,
          purpose: input.purpose,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const extended = await extendJob(trx, {
        jobId: job.id,
        days: STANDARD_DAYS,
        featured: false,
        source: { creditUseId: use.id },
        now,
      });
      return { ok: true, ...extended } as const;
    });
}
