import type { ActionFunctionArgs } from "@remix-run/node";
import { handleResendWebhook } from "~/email/resend-webhook.server";

// Resend's delivery events (bounces, complaints). Exempt from the Origin check
// (server/security.ts); the Svix signature on the raw body is the check.
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return new Response("Method not allowed", { status: 405 });
  const result = await handleResendWebhook(request);
  return new Response(result.body, {
    status: result.status,
    headers: {
      "Content-Type": result.status === 200 ? "application/json" : "text/plain",
      "Cache-Control": "no-store",
    },
  });
}

export async function loader() {
  return new Response("Resend webhooks are POSTed here.", { status: 405 });
}
