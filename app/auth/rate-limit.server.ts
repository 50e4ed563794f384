// Fixed-window rate limits stored in Postgres, so every replica counts the same hits.
import { sql } from "kysely";
import { getDb } from "~/utils/db.server";

export type Limit = { limit: number; windowSeconds: number };

// Keys are per IP, per IP and account, or per address; see docs/decisions/020.
export const LIMITS = {
  /** Failed logins from one address, across accounts: password spraying; an office fits under it. */
  loginPerIp: { limit: 100, windowSeconds: 15 * 60 },
  /**
   * Failed logins from one address at one account: guessing. Never per account alone, so a
   * stranger failing on purpose from elsewhere cannot lock the owner out.
   */
  loginPerIpAccount: { limit: 10, windowSeconds: 15 * 60 },
  /** Accounts made from one address: an office signs up together, a script does not stop. */
  signupPerIp: { limit: 60, windowSeconds: 60 * 60 },
  signupPerEmail: { limit: 3, windowSeconds: 60 * 60 },
  /** Resumes stored for visitors who have no account yet, before the file is written. */
  anonymousUploadPerIp: { limit: 20, windowSeconds: 60 * 60 },
  resetPerIp: { limit: 10, windowSeconds: 60 * 60 },
  resetPerEmail: { limit: 3, windowSeconds: 60 * 60 },
  verifyResendPerUser: { limit: 3, windowSeconds: 60 * 60 },
  invitePerCompany: { limit: 30, windowSeconds: 60 * 60 },
  reportPerIp: { limit: 10, windowSeconds: 60 * 60 },
  reportPerIpAndJob: { limit: 1, windowSeconds: 24 * 60 * 60 },
  reportPerJob: { limit: 50, windowSeconds: 24 * 60 * 60 },
  verificationPerCompany: { limit: 3, windowSeconds: 60 * 60 },
  // Alert confirmations: a network may ask for many addresses; one address gets few emails.
  alertConfirmPerIp: { limit: 20, windowSeconds: 60 * 60 },
  alertConfirmPerEmail: { limit: 3, windowSeconds: 60 * 60 },
} as const satisfies Record<string, Limit>;

export type RateLimitResult = { allowed: boolean; retryAfterSeconds: number };

/** Counts one hit against `key`; refused once the window already holds `limit` hits. */
export async function hit(
  key: string,
  { limit, windowSeconds }: Limit,
  now = new Date(),
): Promise<RateLimitResult> {
  const windowStartCutoff = new Date(now.getTime() - windowSeconds * 1000);
  const row = await getDb()
    .insertInto("rate_limits")
    .values({ key, window_start: now, hits: 1 })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        // A window that has run out starts again with this hit.
        window_start: sql`case when rate_limits.window_start <= ${windowStartCutoff} then ${now} else rate_limits.window_start end`,
        hits: sql`case when rate_limits.window_start <= ${windowStartCutoff} then 1 else rate_limits.hits + 1 end`,
      }),
    )
    .returning(["hits", "window_start"])
    .executeTakeFirstOrThrow();
  const retryAfterSeconds = Math.max(
    1,
    Math.ceil((row.window_start.getTime() + windowSeconds * 1000 - now.getTime()) / 1000),
  );
  return { allowed: row.hits <= limit, retryAfterSeconds };
}

/** Hits several limits at once (e.g. per IP and per account); refused if any refuses. */
export async function hitAll(
  checks: [string, Limit][],
  now = new Date(),
): Promise<RateLimitResult> {
  const results = await Promise.all(checks.map(([key, limit]) => hit(key, limit, now)));
  const refused = results.filter((r) => !r.allowed);
  return refused.length
    ? { allowed: false, retryAfterSeconds: Math.max(...refused.map((r) => r.retryAfterSeconds)) }
    : { allowed: true, retryAfterSeconds: 0 };
}

/**
 * Takes back one hit of each key in its current window: for limits that count failures only,
 * the caller hits first (so concurrent attempts cannot slip past the limit) and refunds on
 * success.
 */
export async function refund(checks: [string, Limit][], now = new Date()) {
  for (const [key, { windowSeconds }] of checks) {
    await getDb()
      .updateTable("rate_limits")
      .set({ hits: sql`greatest(hits - 1, 0)` })
      .where("key", "=", key)
      .where("window_start", ">", new Date(now.getTime() - windowSeconds * 1000))
      .execute();
  }
}

/** Old windows are useless; the worker clears them hourly. */
export async function pruneRateLimits(now = new Date()) {
  const result = await getDb()
    .deleteFrom("rate_limits")
    .where("window_start", "<", new Date(now.getTime() - 24 * 3600 * 1000))
    .executeTakeFirst();
  return { pruned: Number(result.numDeletedRows) };
}
