import { useRouteLoaderData } from "@remix-run/react";
import type { loader as rootLoader } from "~/root";
import { Notice } from "./notice";

/** Where an email went, when the site runs locally and keeps emails instead of sending them. */
export function LocalEmailsHint() {
  const local = useRouteLoaderData<typeof rootLoader>("root")?.localMail;
  if (!local) return null;
  return (
    <Notice>
      Running locally: emails are not sent; they are kept at <a href="/dev/emails">/dev/emails</a>.
    </Notice>
  );
}
