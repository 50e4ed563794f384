import { type Selectable, sql, type Updateable } from "kysely";
import { Resend } from "resend";
import type { Emails } from "#db/types";
import { getDb } from "~/utils/db.server";
import { type Env, getEnv } from "~/utils/env.server";

export type EmailState = "queued" | "sent" | "failed" | "suppressed" | "captured";

/** The pg-boss queue whose jobs carry `{ id }` of one outbox row. */
export const EMAIL_DELIVERY_QUEUE = "email-deliver";

/** One first try plus retries; the delivery queue retries `EMAIL_MAX_ATTEMPTS - 1` times. */
export const EMAIL_MAX_ATTEMPTS = 6;

const PROVIDER_TIMEOUT_MS = 15_000;

export type DeliveryResult =
  | { outcome: "sent"; providerId: string }
  | { outcome: "captured" | "suppressed"; to: string }
  /** Retryable failure recorded; the row stays queued and the caller should try again later. */
  | { outcome: "retry"; error: string }
  | { outcome: "failed"; error: string }
  /** Not queued any more (already delivered) or being delivered by another worker right now. */
  | { outcome: "skipped" };

/**
 * Delivers one outbox row through Resend, or captures it locally when no API key is set.
 * The row is locked (FOR UPDATE SKIP LOCKED) for the whole attempt, so two workers racing on
 * the same row send it once; the dedupe key doubles as Resend's idempotency key, so a crash
 * between Resend's answer and our commit does not send it twice either.
 */
export async function deliverEmail(id: number, env: Env = getEnv()): Promise<DeliveryResult> {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const email = await trx
        .selectFrom("emails")
        .select([
          "id",
          "dedupe_key",
          "to_address",
          "from_address",
          "subject",
          "html",
          "text",
          "attempts",
        ])
        .where("id", "=", id)
        .where("state", "=", "queued")
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!email) return { outcome: "skipped" } as const;

      const record = (values: Updateable<Emails>) =>
        trx.updateTable("emails").set(values).where("id", "=", email.id).execute();

      const suppression = await trx
        .selectFrom("email_suppressions")
        .select("reason")
        .where("email", "=", email.to_address.toLowerCase())
        .executeTakeFirst();
      if (suppression) {
        await record({
          state: "suppressed",
          last_error: `suppressed: ${suppression.reason}`,
          finished_at: new Date(),
        });
        return { outcome: "suppressed", to: email.to_address } as const;
      }

      if (!env.RESEND_API_KEY) {
        await record({ state: "captured", finished_at: new Date() });
        return { outcome: "captured", to: email.to_address } as const;
      }

      const attempts = email.attempts + 1;
      const answer = await sendThroughResend(env, email);
      if ("providerId" in answer) {
        await record({
          state: "sent",
          attempts,
          provider_id: answer.providerId,
          last_error: null,
          last_attempt_at: new Date(),
          finished_at: new Date(),
        });
        return { outcome: "sent", providerId: answer.providerId } as const;
      }
      const final = !answer.retryable || attempts >= EMAIL_MAX_ATTEMPTS;
      await record({
        state: final ? "failed" : "queued",
        attempts,
        last_error: answer.error,
        last_attempt_at: new Date(),
        finished_at: final ? new Date() : null,
      });
      return final
        ? ({ outcome: "failed", error: answer.error } as const)
        : ({ outcome: "retry", error: answer.error } as const);
    });
}

type ProviderAnswer = { providerId: string } | { error: string; retryable: boolean };

async function sendThroughResend(
  env: Env,
  email: Pick<
    Selectable<Emails>,
    "dedupe_key" | "to_address" | "from_address" | "subject" | "html" | "text"
  >,
): Promise<ProviderAnswer> {
  const resend = new Resend(env.RESEND_API_KEY, { baseUrl: env.RESEND_BASE_URL });
  try {
    const { data, error } = await resend.emails.send(
      {
        from: email.from_address,
        to: [email.to_address],
        subject: email.subject,
        html: email.html,
        text: email.text,
      },
      { idempotencyKey: email.dedupe_key, signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS) },
    );
    if (data) return { providerId: data.id };
    const status = error?.statusCode ?? null;
    // Network failures (no status), rate limits, Resend's own errors and a concurrent request
    // with the same idempotency key may succeed later; any other 4xx will not.
    const retryable =
      status === null ||
      status === 429 ||
      status >= 500 ||
      error?.name === "concurrent_idempotent_requests";
    return {
      error: `${status ?? "network"} ${error?.name ?? "unknown"}: ${error?.message ?? ""}`.trim(),
      retryable,
    };
  } catch (cause) {
    return { error: `network: ${(cause as Error).message}`, retryable: true };
  }
}

/**
 * Queued rows whose delivery job may have been lost (the worker was down when they were
 * queued, or a job vanished): never tried a minute after queueing, or not retried for 15
 * minutes, longer than the queue's largest backoff. A duplicate job is harmless.
 */
export async function listStalledEmailIds({ limit = 500 } = {}): Promise<number[]> {
  const rows = await getDb()
    .selectFrom("emails")
    .select("id")
    .where("state", "=", "queued")
    .where((eb) =>
      eb.or([
        eb.and([
          eb("last_attempt_at", "is", null),
          eb("created_at", "<", sql<Date>`now() - interval '1 minute'`),
        ]),
        eb("last_attempt_at", "<", sql<Date>`now() - interval '15 minutes'`),
      ]),
    )
    .orderBy("created_at")
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

/**
 * Queued rows never tried (or whose try died with its process: the attempt's transaction
 * rolled back): a worker that starts queues them all at once instead of waiting for the sweep.
 */
export async function listUntriedEmailIds({ limit = 5_000 } = {}): Promise<number[]> {
  const rows = await getDb()
    .selectFrom("emails")
    .select("id")
    .where("state", "=", "queued")
    .where("last_attempt_at", "is", null)
    .orderBy("created_at")
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

/** /dev/emails exists only where email is captured: never in production, never with Resend. */
export function emailPreviewEnabled(env: Env = getEnv()): boolean {
  return env.NODE_ENV !== "production" && !env.RESEND_API_KEY;
}

/** The newest outbox rows, for the local /dev/emails page. */
export async function listRecentEmails({ limit = 100 } = {}) {
  return getDb()
    .selectFrom("emails")
    .select(["id", "template", "to_address", "subject", "state", "attempts", "text", "created_at"])
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

export async function getEmail(id: number) {
  return getDb()
    .selectFrom("emails")
    .select(["id", "to_address", "subject", "html", "text", "state", "created_at"])
    .where("id", "=", id)
    .executeTakeFirst();
}

/** Never email this address again (hard bounce, spam complaint, or an operator's decision). */
export async function suppressEmailAddress({ email, reason }: { email: string; reason: string }) {
  await getDb()
    .insertInto("email_suppressions")
    .values({ email: email.trim().toLowerCase(), reason })
    .onConflict((oc) => oc.column("email").doNothing())
    .execute();
}
