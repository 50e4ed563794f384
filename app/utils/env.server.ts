import { isIP } from "node:net";
import { availableParallelism } from "node:os";
import { z } from "zod";

const PROXY_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);

/**
 * Which proxies' X-Forwarded-For and X-Forwarded-Proto to believe: "off" (none: the socket's
 * address is the client), a number of hops in front of the server, or their addresses.
 */
const trustProxy = z
  .string()
  .trim()
  .transform((value, ctx): false | number | string[] => {
    if (/^(off|false|0)$/i.test(value)) return false;
    if (/^\d{1,2}$/.test(value)) return Number(value);
    const entries = value.split(",").map((entry) => entry.trim());
    for (const entry of entries) {
      const [address, bits, ...rest] = entry.split("/");
      const prefixOk = bits === undefined || (/^\d{1,3}$/.test(bits) && rest.length === 0);
      if (!PROXY_NAMES.has(entry) && !(isIP(address) && prefixOk)) {
        ctx.addIssue({
          code: "custom",
          message: `"${entry}" is not "off", a number of proxies, an address, a subnet or one of loopback, linklocal, uniquelocal`,
        });
        return z.NEVER;
      }
    }
    return entries;
  });

// Every setting the app reads, in one place, checked once at boot.
const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /** Loopback unless told otherwise: a laptop in a café does not serve its neighbours. */
    HOST: z.string().min(1).default("127.0.0.1"),
    /** Unset locally means "off"; production must say (see README, "Behind a proxy"). */
    TRUST_PROXY: trustProxy.optional(),
    /** Public origin of the site, e.g. https://medcodejobs.com. Defaults to http://localhost:PORT. */
    APP_URL: z.url().optional(),
    /** Any Postgres 15+. Unset: `npm start` runs an embedded Postgres in .data/postgres. */
    DATABASE_URL: z.string().min(1).optional(),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
    /** "off" runs a web process without the background worker. */
    WORKER: z.enum(["on", "off"]).default("on"),
    /** "off" renders every page for every request (benchmarks compare both). */
    PAGE_CACHE: z.enum(["on", "off"]).default("on"),
    /** How many web processes `npm start` runs (node:cluster); the background worker runs once. */
    WEB_CONCURRENCY: z.coerce
      .number()
      .int()
      .min(1)
      .max(64)
      .default(() => availableParallelism()),
    LOG_LEVEL: z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
      .default("info"),
    STRIPE_SECRET_KEY: z.string().startsWith("sk_").optional(),
    STRIPE_WEBHOOK_SECRET: z.string().startsWith("whsec_").optional(),
    /** Tests only: where the Stripe SDK sends API calls (a local stand-in server). */
    STRIPE_API_BASE: z.url().optional(),
    /** Plan prices in US cents (settings, not code); `npm run stripe:sync` mirrors them in Stripe. */
    PRICE_STANDARD_CENTS: z.coerce.number().int().min(0).default(9900),
    PRICE_FEATURED_CENTS: z.coerce.number().int().min(0).default(19900),
    PRICE_BUNDLE5_CENTS: z.coerce.number().int().min(0).default(39900),
    PRICE_FEATURED_UPGRADE_CENTS: z.coerce.number().int().min(0).default(10000),
    RESEND_API_KEY: z.string().startsWith("re_").optional(),
    RESEND_BASE_URL: z.url().optional(),
    /** Signing secret of the Resend webhook (bounces and complaints) at /api/webhooks/resend. */
    RESEND_WEBHOOK_SECRET: z.string().startsWith("whsec_").optional(),
    EMAIL_FROM: z.string().min(3).optional(),
    S3_BUCKET: z.string().optional(),
    S3_REGION: z.string().optional(),
    S3_ENDPOINT: z.url().optional(),
    S3_ACCESS_KEY_ID: z.string().optional(),
    S3_SECRET_ACCESS_KEY: z.string().optional(),
    /** Local file storage when S3 is not configured. */
    UPLOADS_DIR: z.string().default(".data/uploads"),
    /**
     * Which paid jobs wait for an operator before going live: "new-companies" (companies not
     * yet verified), "all", or "off" (only postings that trip a spam rule).
     */
    MODERATION: z.enum(["off", "new-companies", "all"]).default("new-companies"),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== "production") return;
    // Production never falls back to a local stand-in: every real service must be configured.
    const required = [
      "APP_URL",
      "DATABASE_URL",
      "STRIPE_SECRET_KEY",
      "STRIPE_WEBHOOK_SECRET",
      "RESEND_API_KEY",
      "RESEND_WEBHOOK_SECRET",
      "EMAIL_FROM",
      "S3_BUCKET",
    ] as const;
    for (const key of required) {
      if (!env[key]) {
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: `${key} is required when NODE_ENV=production (no local stand-in in production)`,
        });
      }
    }
    // Behind a load balancer with this off, every visitor shares its address and one
    // visitor's rate limit locks out all of them; with it wrong, X-Forwarded-For is forged.
    if (env.TRUST_PROXY === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["TRUST_PROXY"],
        message:
          'TRUST_PROXY is required when NODE_ENV=production: the number of proxies in front of the server, their addresses, or "off"',
      });
    }
  });

export type Env = Omit<z.infer<typeof schema>, "TRUST_PROXY"> & {
  APP_URL: string;
  TRUST_PROXY: false | number | string[];
};

let cached: Env | undefined;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map(
      (issue) => `  - ${issue.path.join(".") || "(env)"}: ${issue.message}`,
    );
    throw new EnvError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const env = result.data;
  return {
    ...env,
    APP_URL: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ""),
    TRUST_PROXY: env.TRUST_PROXY ?? false,
  };
}

/** The checked settings. Call `initEnv()` at boot so a bad setting stops the process at once. */
export function getEnv(): Env {
  cached ??= parseEnv();
  return cached;
}

export function initEnv(): Env {
  cached = undefined;
  return getEnv();
}
