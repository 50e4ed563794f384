import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { listCandidateApplications, withdrawApplication } from "~/applications/applications.server";
import { type ApplicationStatus, STATUS_LABELS } from "~/applications/applications-schemas";
import { requireCandidate } from "~/auth/guards.server";
import { ConfirmButton, ConfirmPage } from "~/components/confirm-button";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/notice";
import { formatDate, jobPath } from "~/jobs/format";
import { askToConfirm, isConfirmed } from "~/utils/confirm.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { invariantResponse, parseId } from "~/utils/http";

export const meta: MetaFunction = () => [
  { title: "My applications | MedCode Jobs" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCandidate(request);
  return { applications: await listCandidateApplications(user.id) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCandidate(request);
  const formData = await request.formData();
  if (formData.get("intent") !== "withdraw") throw data("Unknown action.", { status: 400 });
  const applicationId = parseId(String(formData.get("applicationId") ?? ""));
  if (applicationId && !isConfirmed(formData)) {
    const application = (await listCandidateApplications(user.id)).find(
      (a) => a.id === applicationId,
    );
    invariantResponse(application, "No such application.");
    return askToConfirm(formData, {
      title: `Withdraw your application to “${application.job_title}”?`,
      message: `${application.company_name} will see it as withdrawn. This is permanent: you cannot apply to this job again.`,
      confirmLabel: "Yes, withdraw it for good",
      cancelHref: `/me/applications#application-${application.id}`,
    });
  }
  const result = applicationId
    ? await withdrawApplication({ applicationId, candidateId: user.id })
    : null;
  if (!result || (!result.ok && result.reason === "not_found"))
    throw data("No such application.", { status: 404 });
  if (!result.ok)
    return data({ error: "This application can no longer be withdrawn." }, { status: 400 });
  return redirectWithFlash(
    `/me/applications#application-${applicationId}`,
    "Application withdrawn. The employer sees it as withdrawn.",
  );
}

const label = (status: string) => STATUS_LABELS[status as ApplicationStatus] ?? status;

export default function MyApplications() {
  const actionData = useActionData<typeof action>();
  if (actionData && "confirmation" in actionData)
    return <ConfirmPage confirmation={actionData.confirmation} />;
  return <Applications error={actionData && "error" in actionData ? actionData.error : null} />;
}

function Applications({ error }: { error: string | null }) {
  const { applications } = useLoaderData<typeof loader>();
  return (
    <div className="container narrow stack">
      <h1>My applications</h1>
      {error ? <Notice kind="error">{error}</Notice> : null}
      {applications.length === 0 ? (
        <p>
          You have not applied to any job yet. <Link to="/jobs">Find coding jobs</Link>
        </p>
      ) : null}
      {applications.map((a) => (
        <section
          key={a.id}
          id={`application-${a.id}`}
          className="card"
          aria-labelledby={`application-${a.id}-title`}
        >
          <h2 id={`application-${a.id}-title`}>
            <Link to={jobPath({ id: a.job_id, slug: a.job_slug })}>{a.job_title}</Link>
            <span className="subtitle">{a.company_name}</span>
          </h2>
          <p>
            Status:{" "}
            <strong className="status" data-status={a.status}>
              {label(a.status)}
            </strong>{" "}
            · applied {formatDate(a.created_at)}
            {a.resume_file_id ? null : " · resume removed"}
          </p>
          <h3 className="small-heading">Timeline</h3>
          <ol className="timeline">
            {a.events.map((e) => (
              <li key={e.id}>
                <time dateTime={String(e.created_at)}>{formatDate(e.created_at)}</time>:{" "}
                {e.from_status
                  ? `${e.actor_kind === "candidate" ? "You" : "The employer"} moved it from ${label(e.from_status)} to ${label(e.to_status)}`
                  : "Application sent"}
              </li>
            ))}
          </ol>
          {a.status !== "withdrawn" && a.status !== "hired" ? (
            <Form method="post">
              <input type="hidden" name="applicationId" value={a.id} />
              <ConfirmButton
                name="intent"
                value="withdraw"
                className="button secondary"
                confirmLabel="Withdraw for good? Click again"
              >
                Withdraw application
              </ConfirmButton>
            </Form>
          ) : null}
        </section>
      ))}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
