import type { ActionFunctionArgs } from "@remix-run/node";
import { handleWebhookRequest } from "~/billing/webhook.server";

// Stripe's events. Exempt from the Origin check (server/security.ts); the signature on the
// raw body is the check. Express parses no bodies, so request.text() is exactly what was signed.
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return new Response("Method not allowed", { status: 405 });
  const result = await handleWebhookRequest(request);
  return new Response(result.body, {
    status: result.status,
    headers: {
      "Content-Type": result.status === 200 ? "application/json" : "text/plain",
      "Cache-Control": "no-store",
    },
  });
}

export async function loader() {
  return new Response("Stripe webhooks are POSTed here.", { status: 405 });
}
