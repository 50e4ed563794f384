import { createHash } from "node:crypto";
import { type Kysely, sql, type Updateable } from "kysely";
import { Resend } from "resend";
import type { DB, Emails } from "#db/types";
import { getDb } from "~/utils/db.server";
import { type Env, getEnv } from "~/utils/env.server";
import type { EmailTemplate } from "./email.server";
import { isDeferred, type RenderedEmail, renderStoredEmails } from "./templates.server";

export type EmailState = "queued" | "sent" | "failed" | "suppressed" | "captured" | "cancelled";

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
  /** Queued by reference, and by delivery time nothing was left to send. */
  | { outcome: "cancelled" }
  /** Not queued any more (already delivered) or being delivered by another worker right now. */
  | { outcome: "skipped" };

/** Delivers one outbox row (see deliverEmails). */
export async function deliverEmail(id: number, env: Env = getEnv()): Promise<DeliveryResult> {
  const results = await deliverEmails([id], env);
  return results.get(id) ?? { outcome: "skipped" };
}

/** Resend's batch endpoint takes at most 100 messages. */
export const EMAIL_BATCH_SIZE = 100;

type QueuedRow = {
  id: number;
  dedupe_key: string;
  template: string;
  to_address: string;
  from_address: string;
  subject: string | null;
  html: string | null;
  text: string | null;
  headers: unknown;
  props: unknown;
  attempts: number;
};

type Message = QueuedRow & RenderedEmail;

/**
 * Delivers outbox rows through Resend (a batch send for several), or captures them locally
 * when no API key is set. The rows are locked (FOR UPDATE SKIP LOCKED) for the whole attempt,
 * so two workers racing on the same rows send each once; the dedupe key (or, for a batch, a
 * hash of the batch's keys) is Resend's idempotency key, so a crash between Resend's answer
 * and our commit does not send twice either. Rows queued by reference are rendered here first.
 */
export async function deliverEmails(
  ids: number[],
  env: Env = getEnv(),
): Promise<Map<number, DeliveryResult>> {
  const results = new Map<number, DeliveryResult>(ids.map((id) => [id, { outcome: "skipped" }]));
  if (ids.length === 0) return results;
  await getDb()
    .transaction()
    .execute(async (trx) => {
      const rows: QueuedRow[] = await trx
        .selectFrom("emails")
        .select([
          "id",
          "dedupe_key",
          "template",
          "to_address",
          "from_address",
          "subject",
          "html",
          "text",
          "headers",
          "props",
          "attempts",
        ])
        .where("id", "in", ids.slice(0, EMAIL_BATCH_SIZE))
        .where("state", "=", "queued")
        .orderBy("id")
        .forUpdate()
        .skipLocked()
        .execute();
      if (rows.length === 0) return;
      const now = new Date();
      const record = (id: number, values: Updateable<Emails>) =>
        trx.updateTable("emails").set(values).where("id", "=", id).execute();
      const finish = async (row: QueuedRow, values: Updateable<Emails>, result: DeliveryResult) => {
        await record(row.id, values);
        results.set(row.id, result);
      };

      const suppressed = new Map(
        (
          await trx
            .selectFrom("email_suppressions")
            .select(["email", "reason"])
            .where("email", "in", [...new Set(rows.map((r) => r.to_address.toLowerCase()))])
            .execute()
        ).map((s) => [s.email, s.reason]),
      );
      const open: QueuedRow[] = [];
      for (const row of rows) {
        const reason = suppressed.get(row.to_address.toLowerCase());
        if (reason === undefined) open.push(row);
        else
          await finish(
            row,
            { state: "suppressed", last_error: `suppressed: ${reason}`, finished_at: now },
            { outcome: "suppressed", to: row.to_address },
          );
      }

      const messages: Message[] = [];
      const deferred = open.filter((row) => row.html == null);
      const rendered = await renderStoredEmails(
        trx,
        deferred.map((row) => ({ template: row.template as EmailTemplate, props: row.props })),
        { appUrl: env.APP_URL },
      );
      for (const row of open) {
        if (row.html != null) {
          messages.push({
            ...row,
            subject: row.subject ?? "",
            html: row.html,
            text: row.text ?? "",
            headers: (row.headers as Record<string, string> | null) ?? null,
          });
          continue;
        }
        const message = rendered[deferred.indexOf(row)];
        if (message) {
          messages.push({ ...row, ...message });
          continue;
        }
        await finish(
          row,
          { state: "cancelled", last_error: "nothing left to send", finished_at: now },
          { outcome: "cancelled" },
        );
      }
      // What the worker rendered is kept: the outbox shows what was sent.
      const content = (m: Message): Updateable<Emails> => ({
        subject: m.subject,
        html: m.html,
        text: m.text,
        headers: m.headers ? JSON.stringify(m.headers) : null,
      });

      if (!env.RESEND_API_KEY) {
        for (const m of messages)
          await finish(
            m,
            { ...content(m), state: "captured", finished_at: now },
            { outcome: "captured", to: m.to_address },
          );
        return;
      }

      const answers = await sendThroughResend(env, messages);
      for (const [i, m] of messages.entries()) {
        const answer = answers[i];
        const attempts = m.attempts + 1;
        if ("providerId" in answer) {
          await finish(
            m,
            {
              ...content(m),
              state: "sent",
              attempts,
              provider_id: answer.providerId,
              last_error: null,
              last_attempt_at: now,
              finished_at: now,
            },
            { outcome: "sent", providerId: answer.providerId },
          );
          continue;
        }
        const final = !answer.retryable || attempts >= EMAIL_MAX_ATTEMPTS;
        await finish(
          m,
          {
            state: final ? "failed" : "queued",
            attempts,
            last_error: answer.error,
            last_attempt_at: now,
            finished_at: final ? now : null,
          },
          final
            ? { outcome: "failed", error: answer.error }
            : { outcome: "retry", error: answer.error },
        );
      }
    });
  return results;
}

type ProviderAnswer = { providerId: string } | { error: string; retryable: boolean };

type ResendError = { statusCode?: number | null; name?: string; message?: string } | null;

function failure(error: ResendError): { error: string; retryable: boolean } {
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
}

function payload(m: Message) {
  return {
    from: m.from_address,
    to: [m.to_address],
    subject: m.subject,
    html: m.html,
    text: m.text,
    ...(m.headers ? { headers: m.headers } : {}),
  };
}

/**
 * Bulk mail (templates queued by reference: alert emails) goes out in Resend batch sends;
 * every other message on its own, with its dedupe key as its idempotency key.
 */
async function sendThroughResend(env: Env, messages: Message[]): Promise<ProviderAnswer[]> {
  if (messages.length === 0) return [];
  const resend = new Resend(env.RESEND_API_KEY, { baseUrl: env.RESEND_BASE_URL });
  const signal = AbortSignal.timeout(PROVIDER_TIMEOUT_MS);
  const one = async (m: Message): Promise<ProviderAnswer> => {
    try {
      const { data, error } = await resend.emails.send(payload(m), {
        idempotencyKey: m.dedupe_key,
        signal,
      });
      return data ? { providerId: data.id } : failure(error);
    } catch (cause) {
      return { error: `network: ${(cause as Error).message}`, retryable: true };
    }
  };
  const batch = async (bulk: Message[]): Promise<ProviderAnswer[]> => {
    try {
      // The same rows retried after a crash make the same key, so Resend sends them once.
      const key = createHash("sha256")
        .update(bulk.map((m) => m.dedupe_key).join("\n"))
        .digest("hex");
      const { data, error } = await resend.batch.send(bulk.map(payload), {
        idempotencyKey: `batch-${key}`,
        signal,
      });
      if (data?.data?.length === bulk.length)
        return data.data.map((sent) => ({ providerId: sent.id }));
      const answer = failure(error);
      if (answer.retryable || !error) return bulk.map(() => answer);
    } catch (cause) {
      return bulk.map(() => ({ error: `network: ${(cause as Error).message}`, retryable: true }));
    }
    // The batch was refused as a whole (one bad message): each is tried on its own.
    const answers: ProviderAnswer[] = [];
    for (const m of bulk) answers.push(await one(m));
    return answers;
  };
  const bulk = messages.filter((m) => isDeferred(m.template as EmailTemplate));
  const answers = new Map<Message, ProviderAnswer>();
  if (bulk.length > 1) {
    const sent = await batch(bulk);
    for (const [i, m] of bulk.entries()) answers.set(m, sent[i]);
  }
  for (const m of messages) if (!answers.has(m)) answers.set(m, await one(m));
  return messages.map((m) => answers.get(m) as ProviderAnswer);
}

/**
 * How queued rows are handed to delivery jobs: bulk mail in batches of EMAIL_BATCH_SIZE (one
 * Resend batch send each), every other message in a job of its own, as before batching.
 */
export async function deliveryBatches(ids: number[]): Promise<number[][]> {
  if (ids.length === 0) return [];
  const rows = await getDb()
    .selectFrom("emails")
    .select(["id", "template"])
    .where("id", "in", ids)
    .where("state", "=", "queued")
    .orderBy("id")
    .execute();
  const bulk = rows.filter((r) => isDeferred(r.template as EmailTemplate)).map((r) => r.id);
  const batches: number[][] = [];
  for (let i = 0; i < bulk.length; i += EMAIL_BATCH_SIZE)
    batches.push(bulk.slice(i, i + EMAIL_BATCH_SIZE));
  for (const row of rows) if (!isDeferred(row.template as EmailTemplate)) batches.push([row.id]);
  return batches;
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
    .select([
      "id",
      "template",
      "to_address",
      "subject",
      "state",
      "attempts",
      "text",
      "headers",
      "created_at",
    ])
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
export async function suppressEmailAddress(
  { email, reason }: { email: string; reason: string },
  trx?: Kysely<DB>,
) {
  await (trx ?? getDb())
    .insertInto("email_suppressions")
    .values({ email: email.trim().toLowerCase(), reason })
    .onConflict((oc) => oc.column("email").doNothing())
    .execute();
}

/** Emails whose body holds a one-time link (sign-in, reset, invitation, confirmation). */
const ONE_TIME_LINK_TEMPLATES: EmailTemplate[] = [
  "verify-email",
  "reset-password",
  "team-invite",
  "company-verification",
  "alert-confirm",
];
/** Every such link has expired by then (team invitations last longest, 7 days). */
export const LINK_BODY_KEPT_DAYS = 8;
/** Delivered, failed or cancelled rows are kept this long for support, then deleted. */
export const OUTBOX_KEPT_DAYS = 90;
const SCRUBBED = "[Removed after delivery: this email held a one-time link.]";

/**
 * Retention for the outbox (the worker, hourly): the bodies of one-time-link emails are
 * blanked once every link in them has expired, and finished rows go after 90 days. Queued
 * rows are never touched.
 */
export async function pruneOutbox(now = new Date()) {
  const day = 86_400_000;
  const db = getDb();
  const scrubbed = await db
    .updateTable("emails")
    .set({ html: SCRUBBED, text: SCRUBBED, props: null })
    .where("template", "in", ONE_TIME_LINK_TEMPLATES)
    .where("state", "!=", "queued")
    .where("html", "is not", null)
    .where("text", "!=", SCRUBBED)
    .where("created_at", "<=", new Date(now.getTime() - LINK_BODY_KEPT_DAYS * day))
    .executeTakeFirst();
  const deleted = await db
    .deleteFrom("emails")
    .where("state", "!=", "queued")
    .where("created_at", "<=", new Date(now.getTime() - OUTBOX_KEPT_DAYS * day))
    .executeTakeFirst();
  return { scrubbed: Number(scrubbed.numUpdatedRows), deleted: Number(deleted.numDeletedRows) };
}
