import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { requireDevAccess } from "~/auth/guards.server";
import { emailPreviewEnabled, getEmail } from "~/email/outbox.server";
import { invariantResponse, parseId } from "~/utils/http";

/** One captured email as its own page: the HTML part, or the text part with ?part=text. */
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  if (!emailPreviewEnabled()) throw data("Not found", { status: 404 });
  await requireDevAccess(request, context);
  const id = parseId(params.id);
  const email = id ? await getEmail(id) : undefined;
  invariantResponse(email, "Not found");
  const text = new URL(request.url).searchParams.get("part") === "text";
  const body = text ? email.text : email.html;
  if (body == null)
    throw data("Not rendered yet: the worker renders it at delivery.", { status: 404 });
  return new Response(body, {
    headers: {
      "Content-Type": text ? "text/plain; charset=utf-8" : "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Robots-Tag": "noindex",
    },
  });
}
