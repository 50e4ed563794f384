// The one door to Stripe: the SDK client, the webhook secret, and whether the local
// test-mode stand-in (/dev/checkout/:id) replaces Checkout.
import Stripe from "stripe";
import { getEnv } from "~/utils/env.server";

/**
 * Signs the events /dev/checkout sends when no STRIPE_WEBHOOK_SECRET is set. Never accepted in
 * production: there the secret is required at boot.
 */
export const LOCAL_WEBHOOK_SECRET = "whsec_medcode_local_test_mode_only";

/** Seconds a signed event stays valid: Stripe's default, and the five minutes. */
export const SIGNATURE_TOLERANCE = 300;

let cached: { key: string; client: Stripe } | undefined;

/** The Stripe SDK, or null when no STRIPE_SECRET_KEY is set (local test mode). */
export function getStripe(): Stripe | null {
  const env = getEnv();
  if (!env.STRIPE_SECRET_KEY) return null;
  const cacheKey = `${env.STRIPE_SECRET_KEY}|${env.STRIPE_API_BASE ?? ""}`;
  if (cached?.key === cacheKey) return cached.client;
  const base = env.STRIPE_API_BASE ? new URL(env.STRIPE_API_BASE) : null;
  const client = new Stripe(env.STRIPE_SECRET_KEY, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    appInfo: { name: "MedCode Jobs" },
    ...(base
      ? {
          host: base.hostname,
          port: Number(base.port || (base.protocol === "https:" ? 443 : 80)),
          protocol: base.protocol.replace(":", "") as "http" | "https",
        }
      : {}),
  });
  cached = { key: cacheKey, client };
  return client;
}

/** True when Checkout is replaced by the local /dev/checkout page (never in production). */
export function isLocalCheckout(): boolean {
  const env = getEnv();
  return !env.STRIPE_SECRET_KEY && env.NODE_ENV !== "production";
}

export function webhookSecret(): string {
  const env = getEnv();
  if (env.STRIPE_WEBHOOK_SECRET) return env.STRIPE_WEBHOOK_SECRET;
  if (env.NODE_ENV === "production") throw new Error("STRIPE_WEBHOOK_SECRET is required");
  return LOCAL_WEBHOOK_SECRET;
}

/** Webhook verification needs no API key, so it works in local test mode too. */
const verifier = new Stripe("sk_test_verification_only");

export function constructEvent(rawBody: string, signature: string): Stripe.Event {
  return verifier.webhooks.constructEvent(rawBody, signature, webhookSecret(), SIGNATURE_TOLERANCE);
}

export function signTestPayload(payload: string, timestamp?: number): string {
  return verifier.webhooks.generateTestHeaderString({
    payload,
    secret: webhookSecret(),
    ...(timestamp ? { timestamp } : {}),
  });
}

export type { Stripe };
