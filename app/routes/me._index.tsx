import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { requireUser } from "~/auth/guards.server";

// /me: a coder's home is their settings until applications and saved jobs have pages.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  throw redirect(
    user.role === "employer" ? "/employer" : user.role === "admin" ? "/admin" : "/me/settings",
  );
}
