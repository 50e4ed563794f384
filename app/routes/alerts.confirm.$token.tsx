import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { confirmAlert, getAlert } from "~/alerts/alerts.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { redirectWithFlash } from "~/utils/flash.server";
import { invariantResponse, notFoundIfMissing } from "~/utils/http";

export const meta: MetaFunction = () => [
  { title: "Confirm your job alert | MedCode Jobs" },
  { name: "robots", content: "noindex" },
];

const UNKNOWN =
  "This confirmation link is not valid. It may have been mistyped, or the alert deleted.";

// The confirmation email's link. The GET only asks; the POST confirms, so a mail scanner that
// opens links cannot confirm an alert nobody asked for.
export async function loader({ params }: LoaderFunctionArgs) {
  const alert = notFoundIfMissing(await getAlert({ token: params.token ?? "" }), UNKNOWN);
  return {
    description: alert.description,
    recipient: alert.recipient,
    confirmed: alert.confirmed_at != null,
  };
}

export async function action({ params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  invariantResponse((await confirmAlert(token)).ok, UNKNOWN);
  return redirectWithFlash(
    `/alerts/manage/${token}`,
    "Alert confirmed. Every email it sends has a link back to this page and a one-click unsubscribe.",
  );
}

export default function ConfirmAlert() {
  const { description, recipient, confirmed } = useLoaderData<typeof loader>();
  return (
    <div className="container">
      <section className="card form-card">
        <h1>Confirm your job alert</h1>
        <p className="alert-words">{description}</p>
        <p>
          {confirmed
            ? `This alert is already confirmed; emails go to ${recipient}.`
            : `One click and we email ${recipient} new jobs that match.`}
        </p>
        <Form method="post">
          <button type="submit" className="button">
            {confirmed ? "Open the alert's settings" : "Confirm the alert"}
          </button>
        </Form>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
