import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { listCandidateApplications, withdrawApplication } from "~/applications/applications.server";
import { type ApplicationStatus, STATUS_LABELS } from "~/applications/applications-schemas";
import { requireCandidate } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatDate, jobPath } from "~/jobs/format";
import { parseId } from "~/utils/http";

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
  const result = applicationId
    ? await withdrawApplication({ applicationId, candidateId: user.id })
    : null;
  if (!result || (!result.ok && result.reason === "not_found"))
    throw data("No such application.", { status: 404 });
  if (!result.ok)
    return data(
      { done: null, error: "This application can no longer be withdrawn." },
      { status: 400 },
    );
  return { done: "Application withdrawn.", error: null };
}

const label = (status: string) => STATUS_LABELS[status as ApplicationStatus] ?? status;

export default function MyApplications() {
  const { applications } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <div className="container narrow stack">
      <h1>My applications</h1>
      {params.get("applied") ? (
        <p className="form-success" role="status">
          Application sent. We emailed you a copy of the confirmation.
        </p>
      ) : null}
      {actionData?.done ? (
        <p className="form-success" role="status">
          {actionData.done}
        </p>
      ) : null}
      {actionData?.error ? (
        <p className="form-errors" role="alert">
          {actionData.error}
        </p>
      ) : null}
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
              <input type="hidden" name="intent" value="withdraw" />
              <input type="hidden" name="applicationId" value={a.id} />
              <button type="submit" className="button secondary">
                Withdraw application
              </button>
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
