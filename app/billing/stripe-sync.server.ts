// `npm run stripe:sync`: one Stripe product per plan, and a price matching the current price
// setting. Stripe prices are immutable: a changed setting creates a new price and archives the
// old one. Idempotent: a second run with the same settings changes nothing.
import type { Kysely } from "kysely";
import type { DB } from "#db/types";
import { listPlans } from "./plans.server";
import type { Stripe } from "./stripe.server";

export async function syncStripePlans(
  db: Kysely<DB>,
  stripe: Stripe,
  log: (line: string) => void = () => {},
) {
  const plans = await listPlans(db);
  const changes: string[] = [];
  for (const plan of plans) {
    let productId = plan.stripe_product_id;
    if (!productId) {
      const product = await stripe.products.create(
        {
          name: `MedCode Jobs: ${plan.name}`,
          description: plan.summary,
          metadata: { plan_code: plan.code },
        },
        { idempotencyKey: `product-plan-${plan.code}` },
      );
      productId = product.id;
      await db
        .updateTable("plans")
        .set({ stripe_product_id: productId })
        .where("code", "=", plan.code)
        .execute();
      changes.push(`${plan.code}: product ${productId}`);
    } else {
      await stripe.products.update(productId, {
        name: `MedCode Jobs: ${plan.name}`,
        description: plan.summary,
      });
    }
    if (plan.stripe_price_id && plan.stripe_price_cents === plan.price_cents) continue;
    const price = await stripe.prices.create(
      {
        product: productId,
        currency: "usd",
        unit_amount: plan.price_cents,
        metadata: { plan_code: plan.code },
      },
      { idempotencyKey: `price-plan-${plan.code}-${plan.price_cents}` },
    );
    if (plan.stripe_price_id) await stripe.prices.update(plan.stripe_price_id, { active: false });
    await db
      .updateTable("plans")
      .set({ stripe_price_id: price.id, stripe_price_cents: plan.price_cents })
      .where("code", "=", plan.code)
      .execute();
    changes.push(`${plan.code}: price ${price.id} (${plan.price_cents} cents)`);
  }
  for (const line of changes) log(`stripe:sync ${line}`);
  if (!changes.length) log("stripe:sync: Stripe already matches the price settings");
  return changes;
}
