// PLACEHOLDER owned by the email work in progress: the public signature is fixed.
import type { Kysely } from "kysely";
import type { DB } from "#db/types";

export type EmailTemplate = "verify-email" | "reset-password" | "team-invite" | "welcome";

export type SendEmailInput = {
  to: string;
  template: EmailTemplate;
  props: Record<string, unknown>;
  /** Unique per message: a second send with the same key is ignored. */
  dedupeKey: string;
};

/** Queues an email in the outbox, inside the caller's transaction when one is given. */
export async function sendEmail(_input: SendEmailInput, _trx?: Kysely<DB>): Promise<void> {
  throw new Error("sendEmail is not implemented yet");
}
