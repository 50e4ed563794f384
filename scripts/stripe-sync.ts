// npm run stripe:sync: creates or updates the Stripe products and prices of the plans, from the
// PRICE_*_CENTS settings. Needs STRIPE_SECRET_KEY (a test key works).

import { getStripe } from "../app/billing/stripe.server";
import { syncStripePlans } from "../app/billing/stripe-sync.server";
import { createDb } from "../app/utils/db.server";
import { resolveDatabase } from "./lib/database";

const stripe = getStripe();
if (!stripe) {
  console.error("stripe:sync needs STRIPE_SECRET_KEY (sk_test_... or sk_live_...).");
  process.exit(1);
}
const database = await resolveDatabase(console.log);
const db = createDb(database.url, 2);
try {
  await syncStripePlans(db, stripe, console.log);
} finally {
  await db.destroy();
  await database.embedded?.stop();
}
