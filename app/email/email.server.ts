import { type Kysely, sql } from "kysely";
import { z } from "zod";
import type { DB } from "#db/types";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { checkStoredProps, isDeferred, renderEmail } from "./templates.server";

export type EmailTemplate =
  | "verify-email"
  | "reset-password"
  | "team-invite"
  | "welcome"
  | "receipt"
  | "job-expiring"
  | "job-taken-down"
  | "application-received"
  | "application-status"
  | "new-application"
  | "applications-digest"
  | "job-reviewed"
  | "company-verification"
  | "company-verification-decided"
  | "credential-expiring"
  | "alert-confirm"
  /** Instant, daily and weekly alert emails: queued by reference, rendered at delivery. */
  | "alert-jobs";

/** The template of every alert email (instant, daily, weekly): how the outbox tells them apart. */
export const ALERT_EMAIL_TEMPLATE = "alert-jobs" satisfies EmailTemplate;

export type SendEmailInput = {
  to: string;
  template: EmailTemplate;
  props: Record<string, unknown>;
  /** Unique per message: a second send with the same key is ignored. */
  dedupeKey: string;
};

/** Postgres channel told about each committed outbox row; the worker listens and delivers. */
export const EMAIL_QUEUED_CHANNEL = "email_queued";

export const DEFAULT_EMAIL_FROM = "MedCode Jobs <jobs@medcode.local>";

/** The sender: EMAIL_FROM (required in production), or a local address in development. */
export function emailFrom(env = getEnv()): string {
  return env.EMAIL_FROM ?? DEFAULT_EMAIL_FROM;
}

const inputSchema = z.object({
  to: z.string().trim().pipe(z.email()),
  dedupeKey: z.string().min(1).max(256),
});

/**
 * Queues an email in the outbox, inside the caller's transaction when one is given: the
 * message exists if and only if the caller's change commits. Delivery happens in the worker
 * (see docs/decisions/007-email-outbox.md). Invalid props throw: they are a programming error.
 */
export async function sendEmail(input: SendEmailInput, trx?: Kysely<DB>): Promise<void> {
  await sendEmails([input], trx);
}

// A NOTIFY payload holds at most 8,000 bytes: ids go in chunks well under it. Inserts stay
// well under Postgres's 65,535 parameters.
const IDS_PER_NOTIFICATION = 500;
const ROWS_PER_INSERT = 1000;

/**
 * sendEmail for many messages in one statement (alert digests queue thousands per
 * transaction). Templates queued by reference store their props and are rendered by the
 * worker at delivery (decision 016); the others are rendered here. Returns how many rows were
 * new (a dedupe key seen before queues nothing).
 */
export async function sendEmails(inputs: SendEmailInput[], trx?: Kysely<DB>): Promise<number> {
  if (inputs.length === 0) return 0;
  const env = getEnv();
  const from = emailFrom(env);
  const rows = await Promise.all(
    inputs.map(async (input) => {
      const { to, dedupeKey } = inputSchema.parse(input);
      const common = {
        dedupe_key: dedupeKey,
        template: input.template,
        to_address: to,
        from_address: from,
      };
      if (isDeferred(input.template)) {
        return { ...common, props: JSON.stringify(checkStoredProps(input.template, input.props)) };
      }
      const rendered = await renderEmail(input.template, input.props, { appUrl: env.APP_URL });
      return {
        ...common,
        subject: rendered.subject,
        html: rendered.html,
        text: rendered.text,
        headers: rendered.headers ? JSON.stringify(rendered.headers) : null,
      };
    }),
  );
  const db = trx ?? getDb();
  const inserted: { id: number }[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    inserted.push(
      ...(await db
        .insertInto("emails")
        .values(rows.slice(i, i + ROWS_PER_INSERT))
        .onConflict((oc) => oc.column("dedupe_key").doNothing())
        .returning("id")
        .execute()),
    );
  }
  // A notification sent inside a transaction is delivered at commit and dropped on rollback,
  // so the worker never hears of a row that does not exist.
  for (let i = 0; i < inserted.length; i += IDS_PER_NOTIFICATION) {
    const ids = inserted.slice(i, i + IDS_PER_NOTIFICATION).map((row) => row.id);
    await sql`select pg_notify(${EMAIL_QUEUED_CHANNEL}, ${ids.join(",")})`.execute(db);
  }
  return inserted.length;
}
