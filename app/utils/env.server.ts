import { z } from "zod";

// Every setting the app reads, in one place, checked once at boot.
const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default("0.0.0.0"),
    /** Public origin of the site, e.g. https://medcodejobs.com. Defaults to http://localhost:PORT. */
    APP_URL: z.url().optional(),
    /** Any Postgres 15+. Unset: `npm start` runs an embedded Postgres in .data/postgres. */
    DATABASE_URL: z.string().min(1).optional(),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
    /** "off" runs a web process without the background worker. */
    WORKER: z.enum(["on", "off"]).default("on"),
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
    EMAIL_FROM: z.string().min(3).optional(),
    S3_BUCKET: z.string().optional(),
    S3_REGION: z.string().optional(),
    S3_ENDPOINT: z.url().optional(),
    S3_ACCESS_KEY_ID: z.string().optional(),
    S3_SECRET_ACCESS_KEY: z.string().optional(),
    /** Local file storage when S3 is not configured. */
    UPLOADS_DIR: z.string().default(".data/uploads"),
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
  });

export type Env = z.infer<typeof schema> & { APP_URL: string };

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
  return { ...env, APP_URL: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "") };
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

/** Which services run as local stand-ins: shown at boot and used by /dev routes. */
export function localStandIns(env = getEnv()) {
  return {
    stripe: !env.STRIPE_SECRET_KEY,
    email: !env.RESEND_API_KEY,
    files: !env.S3_BUCKET,
  };
}

/** The browser-safe subset, sent to the client through the root loader. Never add secrets here. */
export function getPublicEnv() {
  const env = getEnv();
  return { APP_URL: env.APP_URL, MODE: env.NODE_ENV };
}
