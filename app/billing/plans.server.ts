import type { Kysely } from "kysely";
import type { DB } from "#db/types";
import { getDb } from "~/utils/db.server";
import { type Env, getEnv } from "~/utils/env.server";

export type PlanCode = "standard" | "featured" | "bundle5" | "featured_upgrade";

/** Which setting holds each plan's price: prices are site settings, never code or rows. */
const PRICE_SETTINGS: Record<PlanCode, keyof Env> = {
  standard: "PRICE_STANDARD_CENTS",
  featured: "PRICE_FEATURED_CENTS",
  bundle5: "PRICE_BUNDLE5_CENTS",
  featured_upgrade: "PRICE_FEATURED_UPGRADE_CENTS",
};

export function planPriceCents(code: string, env = getEnv()): number {
  const setting = PRICE_SETTINGS[code as PlanCode];
  if (!setting) throw new Error(`Unknown plan: ${code}`);
  return env[setting] as number;
}

const planColumns = [
  "code",
  "name",
  "summary",
  "kind",
  "days",
  "featured",
  "credits",
  "credit_months",
  "position",
  "stripe_product_id",
  "stripe_price_id",
  "stripe_price_cents",
] as const;

export async function listPlans(db: Kysely<DB> = getDb()) {
  const rows = await db
    .selectFrom("plans")
    .select(planColumns)
    .where("active", "=", true)
    .orderBy("position")
    .execute();
  return rows.map((plan) => ({ ...plan, price_cents: planPriceCents(plan.code) }));
}

export type Plan = Awaited<ReturnType<typeof listPlans>>[number];

export async function getPlan(code: string, db: Kysely<DB> = getDb()): Promise<Plan | undefined> {
  const plan = await db
    .selectFrom("plans")
    .select(planColumns)
    .where("code", "=", code)
    .where("active", "=", true)
    .executeTakeFirst();
  return plan ? { ...plan, price_cents: planPriceCents(plan.code) } : undefined;
}
