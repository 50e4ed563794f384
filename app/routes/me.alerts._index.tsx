import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { listAccountAlerts } from "~/alerts/alerts.server";
import { FREQUENCY_LABELS, type Frequency } from "~/alerts/alerts-schemas";
import { handleAlertAction } from "~/alerts/manage-action.server";
import { requireCandidate } from "~/auth/guards.server";
import { ConfirmButton, ConfirmPage } from "~/components/confirm-button";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/notice";
import { formatDate } from "~/jobs/format";
import { notFoundIfMissing, parseId } from "~/utils/http";

export const meta: MetaFunction = () => [
  { title: "Job alerts | MedCode Jobs" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCandidate(request);
  const alerts = await listAccountAlerts({ userId: user.id });
  return {
    email: user.email,
    alerts: alerts.map(({ token: _token, ...alert }) => alert),
  };
}

// Pause, resume and delete from the list; the alert's own page has the rest.
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCandidate(request);
  const formData = await request.formData();
  const id = notFoundIfMissing(
    parseId(String(formData.get("alertId") ?? "")),
    "We could not find that alert.",
  );
  return handleAlertAction({
    owner: { id, userId: user.id },
    formData,
    here: "/me/alerts",
    afterDelete: "/me/alerts",
  });
}

function state(alert: { confirmed_at: unknown; paused_reason: string | null }) {
  if (!alert.confirmed_at) return "Not confirmed";
  if (alert.paused_reason === "unsubscribed") return "Unsubscribed";
  if (alert.paused_reason === "bounced" || alert.paused_reason === "complained")
    return "Stopped: the address cannot receive email";
  return alert.paused_reason ? "Paused" : "Active";
}

export default function AccountAlerts() {
  const { alerts, email } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  if (answer && "confirmation" in answer) return <ConfirmPage confirmation={answer.confirmation} />;
  return (
    <div className="container narrow stack">
      <h1>Job alerts</h1>
      <p className="muted">
        New jobs for your saved searches, emailed to {email}. Save any search from{" "}
        <Link to="/jobs">Find jobs</Link> or a specialty, credential, code or employer page.
      </p>
      {answer && "error" in answer && answer.error ? (
        <Notice kind="error">{answer.error}</Notice>
      ) : null}
      {alerts.length === 0 ? <p>You have no alerts yet.</p> : null}
      {alerts.map((alert) => (
        <section key={alert.id} className="card" aria-labelledby={`alert-${alert.id}-title`}>
          <h2 id={`alert-${alert.id}-title`}>
            <Link to={`/me/alerts/${alert.id}`}>{alert.name}</Link>
          </h2>
          <p className="muted">{alert.description}</p>
          <p>
            <strong>{state(alert)}</strong> · {FREQUENCY_LABELS[alert.frequency as Frequency]} ·
            since {formatDate(alert.created_at)} ·{" "}
            <Link to={`/jobs${alert.query ? `?${alert.query}` : ""}`}>See matching jobs</Link>
          </p>
          <div className="form-actions">
            <Link to={`/me/alerts/${alert.id}`} className="button secondary">
              Change
            </Link>
            {alert.confirmed_at ? (
              <Form method="post">
                <input type="hidden" name="alertId" value={alert.id} />
                <input
                  type="hidden"
                  name="intent"
                  value={alert.paused_reason ? "resume" : "pause"}
                />
                <button type="submit" className="button secondary">
                  {alert.paused_reason ? "Resume" : "Pause"}
                </button>
              </Form>
            ) : null}
            <Form method="post">
              <input type="hidden" name="alertId" value={alert.id} />
              <ConfirmButton value="delete" confirmLabel="Delete for good? Click again">
                Delete
              </ConfirmButton>
            </Form>
          </div>
        </section>
      ))}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
