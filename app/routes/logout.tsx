import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { getAuth } from "~/auth/guards.server";
import { deleteSessionCookie, invalidateSession } from "~/auth/session.server";

// POST only: a link or prefetch must never log anyone out.
export async function action({ request }: ActionFunctionArgs) {
  const { session } = await getAuth(request);
  if (session) await invalidateSession(session.id);
  throw redirect("/", { headers: { "Set-Cookie": deleteSessionCookie() } });
}

export async function loader() {
  throw redirect("/");
}
