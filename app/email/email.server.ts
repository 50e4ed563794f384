import { type Kysely, sql } from "kysely";
import { z } from "zod";
import type { DB } from "#db/types";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { renderEmail } from "./templates.server";

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
  | "credential-expiring";

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
  const { to, dedupeKey } = inputSchema.parse(input);
  const env = getEnv();
  const rendered = await renderEmail(input.template, input.props, { appUrl: env.APP_URL });
  const db = trx ?? getDb();
  const row = await db
    .insertInto("emails")
    .values({
      dedupe_key: dedupeKey,
      template: input.template,
      to_address: to,
      from_address: emailFrom(env),
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
    })
    .onConflict((oc) => oc.column("dedupe_key").doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!row) return;
  // A notification sent inside a transaction is delivered at commit and dropped on rollback,
  // so the worker never hears of a row that does not exist.
  await sql`select pg_notify(${EMAIL_QUEUED_CHANNEL}, ${String(row.id)})`.execute(db);
}
