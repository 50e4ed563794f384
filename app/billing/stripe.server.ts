// The one door to Stripe: the SDK client, the webhook secret, and whether the local
// test-mode stand-in (/dev/checkout/:id) replaces Checkout.
import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import Stripe from "stripe";
import { getEnv } from "~/utils/env.server";

/** Where the local test-mode secret lives: one per checkout of the project, never in git. */
export const LOCAL_WEBHOOK_SECRET_FILE = ".data/stripe-webhook-secret";

let localSecret: string | undefined;

/**
 * Signs the events /dev/checkout sends when no STRIPE_WEBHOOK_SECRET is set. Random per
 * install, so nobody who read this code can forge a paid order on someone's laptop; never
 * used in production, where the secret is required at boot.
 */
function localWebhookSecret(): string {
  if (localSecret) return localSecret;
  const file = path.resolve(LOCAL_WEBHOOK_SECRET_FILE);
  const read = () => {
    try {
      return readFileSync(file, "utf8").trim();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return "";
      throw error;
    }
  };
  let secret = read();
  if (!secret.startsWith("whsec_")) {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    // Written aside and linked into place: processes starting together all end up with the
    // one secret that won, and none ever reads a half-written file.
    const draft = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
    writeFileSync(draft, `whsec_local_${randomBytes(32).toString("hex")}\n`, { mode: 0o600 });
    try {
      linkSync(draft, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      rmSync(draft, { force: true });
    }
    secret = read();
    if (!secret.startsWith("whsec_")) {
      throw new Error(`${file} does not hold a webhook secret: delete it and start again`);
    }
  }
  localSecret = secret;
  return secret;
}

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
  return localWebhookSecret();
}

/** Webhook verification needs no API key, so it works in local test mode too. */
const verifier = new Stripe("sk_test_verification_only");

/**
 * Verifies a delivery. Stripe's SDK refuses timestamps older than the tolerance but not ones
 * in the future, which a replay with a skewed clock or a forged header would carry: those are
 * refused the same way.
 */
export function constructEvent(rawBody: string, signature: string, now = Date.now()): Stripe.Event {
  const event = verifier.webhooks.constructEvent(
    rawBody,
    signature,
    webhookSecret(),
    SIGNATURE_TOLERANCE,
  );
  const timestamp = Number(/(?:^|,)t=(\d+)/.exec(signature)?.[1]);
  if (!(timestamp * 1000 <= now + SIGNATURE_TOLERANCE * 1000)) {
    throw new Error("Webhook timestamp is too far in the future");
  }
  return event;
}

export function signTestPayload(payload: string, timestamp?: number): string {
  return verifier.webhooks.generateTestHeaderString({
    payload,
    secret: webhookSecret(),
    ...(timestamp ? { timestamp } : {}),
  });
}

export type { Stripe };
