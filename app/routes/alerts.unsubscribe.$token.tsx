import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { getAlert, unsubscribeAlert } from "~/alerts/alerts.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { invariantResponse, notFoundIfMissing } from "~/utils/http";

export const meta: MetaFunction = () => [
  { title: "Unsubscribe | MedCode Jobs" },
  { name: "robots", content: "noindex" },
];

const UNKNOWN =
  "This unsubscribe link is not valid. It may have been mistyped, or the alert deleted.";

// The List-Unsubscribe address of every alert email (RFC 8058). Mail providers POST
// "List-Unsubscribe=One-Click" here without cookies or an Origin header (the Origin check
// exempts this path): the POST unsubscribes at once and answers 200. A GET, which mail
// scanners send to every link, only shows the button.
export async function loader({ params }: LoaderFunctionArgs) {
  const alert = notFoundIfMissing(await getAlert({ token: params.token ?? "" }), UNKNOWN);
  // Paused by its owner is not unsubscribed: the button still stops it for good.
  return {
    name: alert.name,
    unsubscribed: alert.paused_reason != null && alert.paused_reason !== "user",
  };
}

export async function action({ params }: ActionFunctionArgs) {
  invariantResponse((await unsubscribeAlert(params.token ?? "")).ok, UNKNOWN);
  return { done: true };
}

export default function Unsubscribe() {
  const { name, unsubscribed } = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>()?.done;
  const { token } = useParams();
  return (
    <div className="container">
      <section className="card form-card">
        <h1>{done || unsubscribed ? "You are unsubscribed" : "Unsubscribe"}</h1>
        {done || unsubscribed ? (
          <p>
            No more emails for the alert “{name}”. Changed your mind?{" "}
            <Link to={`/alerts/manage/${token}`}>Resume it or change it</Link>.
          </p>
        ) : (
          <>
            <p>Stop the emails of the job alert “{name}”?</p>
            <Form method="post">
              <input type="hidden" name="List-Unsubscribe" value="One-Click" />
              <button type="submit" className="button">
                Unsubscribe
              </button>
            </Form>
            <p className="muted small">
              Or <Link to={`/alerts/manage/${token}`}>change how often it emails you</Link>.
            </p>
          </>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
