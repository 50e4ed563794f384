import { parseWithZod } from "@conform-to/zod/v4";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { REPORT_REASONS, ReportDecisionSchema, type ReportReason } from "~/admin/admin-schemas";
import { REPORTS_TO_HOLD } from "~/admin/holds.server";
import { listReportedJobs, resolveReports } from "~/admin/reports.server";
import { requireAdmin } from "~/auth/guards.server";
import { ConfirmButton, ConfirmPage } from "~/components/confirm-button";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/notice";
import { formatDate, jobPath } from "~/jobs/format";
import { askToConfirm, isConfirmed } from "~/utils/confirm.server";
import { redirectWithFlash } from "~/utils/flash.server";

export const meta: MetaFunction = () => [
  { title: "Reports | MedCode Jobs" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const status = new URL(request.url).searchParams.get("show") === "all" ? "all" : "open";
  return { jobs: await listReportedJobs({ status }), status, threshold: REPORTS_TO_HOLD };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireAdmin(request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: ReportDecisionSchema });
  if (submission.status !== "success")
    return data({ error: "Choose a job and a decision." }, { status: 400 });
  const { intent, jobId, note } = submission.value;
  if (intent === "remove" && !isConfirmed(formData)) {
    return askToConfirm(formData, {
      title: "Take this job down?",
      message:
        "The job leaves the site for good and the employer is emailed. Its open reports are marked upheld. No refund is made here: refund the order from the orders page if it is owed.",
      confirmLabel: "Yes, take it down",
      cancelHref: "/admin/reports",
    });
  }
  const result = await resolveReports({ jobId, actor: user, decision: intent, note });
  if (!result.ok)
    throw await redirectWithFlash("/admin/reports", {
      kind: "info",
      message: "Nothing changed: those reports were already decided.",
    });
  throw await redirectWithFlash(
    "/admin/reports",
    intent === "dismiss"
      ? "Reports dismissed: the job is back in search, with the days it was held added back."
      : "Job taken down; the employer has been emailed.",
  );
}

export default function Reports() {
  const actionData = useActionData<typeof action>();
  const { jobs, status, threshold } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  if (actionData && "confirmation" in actionData)
    return <ConfirmPage confirmation={actionData.confirmation} />;
  return (
    <>
      <h1>Reports</h1>
      <p>
        Reports from visitors, by job. Open reports from {threshold} different people take a job out
        of search, feeds, the sitemap and alerts until you decide; dismissing them puts it back with
        the days it was held added back. Reporters are not told the outcome.
      </p>
      {actionData && "error" in actionData ? (
        <Notice kind="error">{actionData.error}</Notice>
      ) : null}
      <p>
        {status === "open" ? (
          <Link to="?show=all">Show decided reports too</Link>
        ) : (
          <Link to="/admin/reports">Show open reports only</Link>
        )}
      </p>
      {jobs.length === 0 ? (
        <p>{params.get("show") ? "No reports yet." : "No open reports."}</p>
      ) : (
        jobs.map((job) => (
          <section className="card" key={job.id} aria-labelledby={`reported-${job.id}`}>
            <h2 id={`reported-${job.id}`}>
              {job.status === "published" && !job.held_since ? (
                <Link to={jobPath(job)}>{job.title}</Link>
              ) : (
                job.title
              )}
            </h2>
            <p className="muted">
              <Link to={`/admin/companies/${job.company_id}`}>{job.company_name}</Link>
              {job.company_verified_at ? " ✓ verified" : ""} · {job.status.replace("_", " ")}
              {job.held_since ? ` · held out of search since ${formatDate(job.held_since)}` : ""} ·{" "}
              {job.open_reporters} open {job.open_reporters === 1 ? "reporter" : "reporters"}
            </p>
            <ul>
              {job.reports.map((r) => (
                <li key={r.id}>
                  <strong>{REPORT_REASONS[r.reason as ReportReason] ?? r.reason}</strong>
                  {r.note ? `: “${r.note}”` : ""}{" "}
                  <span className="muted small">
                    {formatDate(r.created_at)} · {r.status}
                  </span>
                </li>
              ))}
            </ul>
            {job.open_reporters > 0 || job.reports.some((r) => r.status === "open") ? (
              <div className="decision-forms">
                <Form method="post">
                  <input type="hidden" name="intent" value="dismiss" />
                  <input type="hidden" name="jobId" value={job.id} />
                  <button type="submit" className="button secondary">
                    Dismiss the reports
                  </button>
                </Form>
                <Form method="post">
                  <input type="hidden" name="jobId" value={job.id} />
                  <div className="field">
                    <label htmlFor={`note-${job.id}`}>Reason for the employer (optional)</label>
                    <input id={`note-${job.id}`} name="note" type="text" maxLength={2000} />
                  </div>
                  <ConfirmButton value="remove" confirmLabel="Click again to take it down">
                    Take the job down
                  </ConfirmButton>
                </Form>
              </div>
            ) : null}
          </section>
        ))
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
