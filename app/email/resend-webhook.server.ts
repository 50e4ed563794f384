// /api/webhooks/resend: Resend's delivery events, signed the Svix way. A hard bounce or a spam
// complaint puts the address on the suppression list and stops every alert that writes to it;
// each event is recorded once per message, so bounce and complaint rates can be read per
// template. Soft bounces are only recorded: Resend retries those itself.
import type { Kysely } from "kysely";
import { Resend, type WebhookEventPayload } from "resend";
import type { DB } from "#db/types";
import { pauseAlertsForAddress } from "~/alerts/alerts.server";
import { getDb } from "~/utils/db.server";
import { type Env, getEnv } from "~/utils/env.server";
import { suppressEmailAddress } from "./outbox.server";

export type WebhookResult = { status: number; body: string };

export async function handleResendWebhook(
  request: Request,
  env: Env = getEnv(),
): Promise<WebhookResult> {
  // The exact bytes Resend signed: never a parsed-and-re-serialized copy.
  const payload = await request.text();
  if (!env.RESEND_WEBHOOK_SECRET)
    return { status: 400, body: "Resend webhooks are not set up here (RESEND_WEBHOOK_SECRET)." };
  const id = request.headers.get("svix-id");
  const timestamp = request.headers.get("svix-timestamp");
  const signature = request.headers.get("svix-signature");
  if (!id || !timestamp || !signature) return { status: 400, body: "Missing Svix headers." };
  let event: WebhookEventPayload;
  try {
    // Verification needs only the signing secret; the SDK insists on some API key.
    event = new Resend(env.RESEND_API_KEY ?? "re_webhook_verification_only").webhooks.verify({
      payload,
      headers: { id, timestamp, signature },
      webhookSecret: env.RESEND_WEBHOOK_SECRET,
    });
  } catch {
    // A bad signature, another secret, or a timestamp more than five minutes off.
    return { status: 400, body: "Invalid signature." };
  }
  const outcome = await recordDeliveryEvent(id, event);
  return { status: 200, body: JSON.stringify({ received: true, outcome }) };
}

type Kind = "bounced" | "soft_bounced" | "complained";

function kindOf(event: WebhookEventPayload): Kind | null {
  if (event.type === "email.complained") return "complained";
  if (event.type !== "email.bounced") return null;
  // Resend passes on the receiving server's classification: Permanent is a hard bounce.
  return event.data.bounce?.type?.toLowerCase() === "permanent" ? "bounced" : "soft_bounced";
}

/** Acts on one verified event once (a redelivery of the same svix-id changes nothing). */
export async function recordDeliveryEvent(
  eventId: string,
  event: WebhookEventPayload,
): Promise<string> {
  const kind = kindOf(event);
  if (!kind || !("data" in event) || !event.data || !("to" in event.data)) return "ignored";
  const data = event.data as { email_id?: string; to?: string[]; bounce?: { message?: string } };
  const addresses = (data.to ?? []).map((a) => a.trim().toLowerCase()).filter(Boolean);
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const email = data.email_id
        ? await trx
            .selectFrom("emails")
            .select("id")
            .where("provider_id", "=", data.email_id)
            .executeTakeFirst()
        : undefined;
      const fresh = await trx
        .insertInto("email_events")
        .values({
          provider_event_id: eventId,
          type: kind,
          email_id: email?.id ?? null,
          address: addresses.join(", ") || "(none)",
          detail: data.bounce?.message?.slice(0, 500) ?? null,
        })
        .onConflict((oc) => oc.column("provider_event_id").doNothing())
        .returning("id")
        .executeTakeFirst();
      if (!fresh) return "duplicate";
      if (kind === "soft_bounced") return kind;
      for (const address of addresses) await stopWritingTo(trx, address, kind);
      return kind;
    });
}

async function stopWritingTo(trx: Kysely<DB>, email: string, reason: "bounced" | "complained") {
  await suppressEmailAddress({ email, reason: reason === "bounced" ? "bounce" : "complaint" }, trx);
  await pauseAlertsForAddress(trx, { email, reason });
}
