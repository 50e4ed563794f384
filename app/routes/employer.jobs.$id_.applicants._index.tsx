import { parseWithZod } from "@conform-to/zod/v4";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import {
  type ApplicationStatus,
  EMPLOYER_STATUSES,
  MoveSchema,
  STATUS_LABELS,
  STATUSES,
} from "~/applications/applications-schemas";
import {
  countByStatus,
  getCompanyJob,
  listApplicants,
  moveApplications,
} from "~/applications/pipeline.server";
import { requireEmployer } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatDate } from "~/jobs/format";
import { parseId } from "~/utils/http";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Applicants${data?.job ? `: ${data.job.title}` : ""} | MedCode Jobs` },
  { name: "robots", content: "noindex" },
];

async function loadJob(request: Request, params: LoaderFunctionArgs["params"]) {
  const employer = await requireEmployer(request);
  const jobId = parseId(params.id);
  const job = jobId ? await getCompanyJob({ companyId: employer.company.id, jobId }) : undefined;
  if (!job) throw data("No such job in your company.", { status: 404 });
  return { ...employer, job };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { company, job } = await loadJob(request, params);
  const url = new URL(request.url);
  const status = url.searchParams.get("status") ?? "";
  const credential = (url.searchParams.get("credential") ?? "").toUpperCase().slice(0, 20);
  const sort = url.searchParams.get("sort") === "oldest" ? "oldest" : "newest";
  const [applicants, counts] = await Promise.all([
    listApplicants({
      companyId: company.id,
      jobId: job.id,
      status: (STATUSES as readonly string[]).includes(status) ? status : undefined,
      credential: credential || undefined,
      sort,
    }),
    countByStatus({ companyId: company.id, jobId: job.id }),
  ]);
  return { company, job, applicants, counts, filters: { status, credential, sort } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, company, job } = await loadJob(request, params);
  const submission = parseWithZod(await request.formData(), { schema: MoveSchema });
  if (submission.status !== "success") {
    return data(
      { done: null, error: submission.error?.ids?.[0] ?? "Choose applicants and a stage." },
      { status: 400 },
    );
  }
  const { moved } = await moveApplications({
    companyId: company.id,
    jobId: job.id,
    ids: submission.value.ids,
    to: submission.value.to,
    actor: { id: user.id, name: user.name },
  });
  return {
    done: `${moved} ${moved === 1 ? "applicant" : "applicants"} moved to ${STATUS_LABELS[submission.value.to]}.`,
    error: null,
  };
}

export default function Applicants() {
  const { job, applicants, counts, filters } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const base = `/employer/jobs/${job.id}/applicants`;
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return (
    <div className="container stack">
      <h1>
        Applicants <span className="subtitle">{job.title}</span>
      </h1>
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
      <Form method="get" className="filter-bar" aria-label="Filter applicants">
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
        <div className="field">
          <label htmlFor="filter-credential">Credential</label>
          <input
            id="filter-credential"
            name="credential"
            defaultValue={filters.credential}
            placeholder="CPC"
          />
        </div>
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
        <a className="button secondary" href={`${base}/export`} download>
          Export CSV
        </a>
      </Form>
      {applicants.length === 0 ? (
        <p>{params.toString() ? "No applicants match these filters." : "No applications yet."}</p>
      ) : (
        <Form method="post">
          <input type="hidden" name="intent" value="move" />
          <table className="table">
            <caption className="visually-hidden">Applicants for {job.title}</caption>
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">Select</span>
                </th>
                <th scope="col">Applicant</th>
                <th scope="col">Applied</th>
                <th scope="col">Credentials</th>
                <th scope="col">Answers</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {applicants.map((a) => (
                <tr key={a.id}>
                  <td>
                    <input
                      type="checkbox"
                      name="ids"
                      value={a.id}
                      aria-label={`Select ${a.candidate_name}`}
                    />
                  </td>
                  <td>
                    <Link to={`${base}/${a.id}`}>{a.candidate_name}</Link>
                    {a.location ? <div className="muted small">{a.location}</div> : null}
                    {a.note_count ? <div className="muted small">{a.note_count} notes</div> : null}
                  </td>
                  <td>{formatDate(a.created_at)}</td>
                  <td>{a.credential_codes.join(", ") || "None listed"}</td>
                  <td className="small">
                    {a.answers.map((ans) => (
                      <div key={ans.question_id}>
                        {ans.prompt}: <strong>{ans.answer ?? "No answer"}</strong>
                      </div>
                    ))}
                  </td>
                  <td>{STATUS_LABELS[a.status as ApplicationStatus]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="filter-bar">
            <div className="field">
              <label htmlFor="bulk-to">Move selected to</label>
              <select id="bulk-to" name="to" defaultValue="reviewing">
                {EMPLOYER_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {STATUS_LABELS[s]}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button">
              Move
            </button>
          </div>
        </Form>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
