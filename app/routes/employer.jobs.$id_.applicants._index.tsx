import { parseWithZod } from "@conform-to/zod/v4";
import {
  type ActionFunctionArgs,
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ApplicantBoard, ApplicantTable } from "~/applications/applicant-board";
import {
  EMPLOYER_STATUSES,
  MoveSchema,
  moveSummary,
  STATUS_LABELS,
  STATUSES,
} from "~/applications/applications-schemas";
import { countByStatus, listApplicants, moveApplications } from "~/applications/pipeline.server";
import { requireCompanyJob } from "~/auth/guards.server";
import styles from "~/billing/employer.css?url";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/notice";
import { redirectWithFlash } from "~/utils/flash.server";
import { samePage } from "~/utils/http";
import { plural } from "~/utils/plural";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Applicants${data?.job ? `: ${data.job.title}` : ""} | MedCode Jobs` },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { job, company } = await requireCompanyJob(request, params, { removed: true });
  const url = new URL(request.url);
  const view = url.searchParams.get("view") === "table" ? "table" : "board";
  const status = url.searchParams.get("status") ?? "";
  const credential = (url.searchParams.get("credential") ?? "").toUpperCase().slice(0, 20);
  const sort = url.searchParams.get("sort") === "oldest" ? "oldest" : "newest";
  const verified = url.searchParams.get("verified") === "1" ? "1" : "";
  const [applicants, counts] = await Promise.all([
    listApplicants({
      companyId: company.id,
      jobId: job.id,
      // The board shows every stage as a column; only the table narrows to one.
      status:
        view === "table" && (STATUSES as readonly string[]).includes(status) ? status : undefined,
      credential: credential || undefined,
      verifiedOnly: verified === "1",
      sort,
    }),
    countByStatus({ companyId: company.id, jobId: job.id }),
  ]);
  return { job, applicants, counts, view, filters: { status, credential, verified, sort } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, company, job } = await requireCompanyJob(request, params, { removed: true });
  const submission = parseWithZod(await request.formData(), { schema: MoveSchema });
  if (submission.status !== "success") {
    return data(
      { error: submission.error?.ids?.[0] ?? "Choose applicants and a stage." },
      { status: 400 },
    );
  }
  const { ids, to } = submission.value;
  const { moved } = await moveApplications({
    companyId: company.id,
    jobId: job.id,
    ids,
    to,
    actor: { id: user.id, name: user.name },
  });
  return redirectWithFlash(samePage(request), moveSummary({ moved, asked: ids.length, to }));
}

export default function Applicants() {
  const { job, applicants, counts, view, filters } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const base = `/employer/jobs/${job.id}/applicants`;
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const query = (changes: Record<string, string>) => {
    const params = new URLSearchParams({ ...filters, view, ...changes });
    for (const [key, value] of [...params]) {
      if (!value || (key === "view" && value === "board") || (key === "sort" && value === "newest"))
        params.delete(key);
    }
    const qs = params.toString();
    return qs ? `${base}?${qs}` : base;
  };
  return (
    <div className="container wide stack">
      <p className="muted">
        <Link to="/employer">Dashboard</Link> ›{" "}
        <Link to={`/employer/jobs/${job.id}`}>{job.title}</Link> › Applicants
      </p>
      <h1>
        Applicants <span className="subtitle">{job.title}</span>
      </h1>
      {actionData?.error ? <Notice kind="error">{actionData.error}</Notice> : null}
      <div className="board-toolbar">
        <Form method="get" className="filter-bar" aria-label="Filter applicants">
          {view === "table" ? (
            <>
              <input type="hidden" name="view" value="table" />
              <div className="field">
                <label htmlFor="filter-status">Status</label>
                <select id="filter-status" name="status" defaultValue={filters.status}>
                  <option value="">All ({total})</option>
                  {STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {STATUS_LABELS[s]} ({counts[s] ?? 0})
                    </option>
                  ))}
                </select>
              </div>
            </>
          ) : null}
          <div className="field">
            <label htmlFor="filter-credential">Credential</label>
            <input
              id="filter-credential"
              name="credential"
              defaultValue={filters.credential}
              placeholder="CPC"
              size={8}
            />
          </div>
          <label className="choice">
            <input
              type="checkbox"
              name="verified"
              value="1"
              defaultChecked={filters.verified === "1"}
            />{" "}
            Verified credentials only
          </label>
          <div className="field">
            <label htmlFor="filter-sort">Sort</label>
            <select id="filter-sort" name="sort" defaultValue={filters.sort}>
              <option value="newest">Newest first</option>
              <option value="oldest">Oldest first</option>
            </select>
          </div>
          <button type="submit" className="button secondary">
            Filter
          </button>
        </Form>
        <p className="form-actions">
          {view === "board" ? (
            <Link to={query({ view: "table" })}>Table view</Link>
          ) : (
            <Link to={query({ view: "board", status: "" })}>Board view</Link>
          )}
          <a href={`${base}/export`} download>
            Export CSV
          </a>
        </p>
      </div>
      {total === 0 ? (
        <p>No applications yet.</p>
      ) : applicants.length === 0 ? (
        <p>
          No applicants match these filters.{" "}
          <Link to={query({ credential: "", status: "", verified: "" })}>Show all</Link>
        </p>
      ) : (
        <>
          <p className="muted">
            {plural(applicants.length, "applicant")}
            {applicants.length < total ? ` of ${total}` : ""}
          </p>
          {view === "board" ? (
            <ApplicantBoard jobId={job.id} applicants={applicants} />
          ) : (
            <ApplicantTable jobId={job.id} applicants={applicants} />
          )}
          <div className="filter-bar bulk-bar">
            <div className="field">
              <label htmlFor="bulk-to">Move selected to</label>
              <select id="bulk-to" name="to" form="bulk-move" defaultValue="reviewing">
                {EMPLOYER_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {STATUS_LABELS[s]}
                  </option>
                ))}
              </select>
            </div>
            <Form method="post" id="bulk-move">
              <input type="hidden" name="intent" value="move" />
              <button type="submit" className="button">
                Move selected
              </button>
            </Form>
          </div>
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
