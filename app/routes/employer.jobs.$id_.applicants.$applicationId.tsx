import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Credentials } from "~/applications/applicant-board";
import {
  type ApplicationStatus,
  EMPLOYER_STATUSES,
  MoveSchema,
  moveSummary,
  NoteSchema,
  STATUS_LABELS,
} from "~/applications/applications-schemas";
import { addNote, getApplicant, moveApplications } from "~/applications/pipeline.server";
import { requireCompanyJob } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList } from "~/components/forms";
import { Notice } from "~/components/notice";
import { formatDate } from "~/jobs/format";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFoundIfMissing, parseId, samePage } from "~/utils/http";

export const meta: MetaFunction = () => [
  { title: "Applicant | MedCode Jobs" },
  { name: "robots", content: "noindex" },
];

async function loadApplication(request: Request, params: LoaderFunctionArgs["params"]) {
  const employer = await requireCompanyJob(request, params, { removed: true });
  const applicationId = parseId(params.applicationId);
  const applicant = applicationId
    ? await getApplicant({ companyId: employer.company.id, jobId: employer.job.id, applicationId })
    : undefined;
  return {
    ...employer,
    applicant: notFoundIfMissing(applicant, "No such applicant in your company."),
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { job, applicant } = await loadApplication(request, params);
  return { job, applicant };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, company, job, applicant } = await loadApplication(request, params);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "note") {
    const submission = parseWithZod(formData, { schema: NoteSchema });
    if (submission.status !== "success")
      return data({ form: "note", result: submission.reply() }, { status: 400 });
    await addNote({
      companyId: company.id,
      jobId: job.id,
      applicationId: applicant.id,
      author: { id: user.id, name: user.name },
      body: submission.value.body,
    });
    return redirectWithFlash(samePage(request), "Note added.");
  }
  if (intent === "move") {
    formData.set("ids", String(applicant.id));
    const submission = parseWithZod(formData, { schema: MoveSchema });
    if (submission.status !== "success")
      return data({ form: "move", result: submission.reply() }, { status: 400 });
    const { moved } = await moveApplications({
      companyId: company.id,
      jobId: job.id,
      ids: [applicant.id],
      to: submission.value.to,
      actor: { id: user.id, name: user.name },
    });
    return redirectWithFlash(
      samePage(request),
      moveSummary({ moved, asked: 1, to: submission.value.to }),
    );
  }
  throw data("Unknown action.", { status: 400 });
}

const label = (status: string | null) =>
  status ? (STATUS_LABELS[status as ApplicationStatus] ?? status) : "";

export default function Applicant() {
  const { job, applicant } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [noteForm, noteFields] = useForm({
    id: "note",
    lastResult: actionData?.form === "note" ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NoteSchema }),
  });
  const base = `/employer/jobs/${job.id}/applicants`;
  const deleted = applicant.candidate_id === null;
  return (
    <div className="container narrow stack">
      <p className="eyebrow">
        <Link to={base}>All applicants for {job.title}</Link>
      </p>
      <h1>
        {applicant.candidate_name}
        {applicant.headline ? <span className="subtitle">{applicant.headline}</span> : null}
      </h1>
      {deleted ? (
        <Notice>
          This candidate deleted their account; their contact details and resume are gone.
        </Notice>
      ) : null}
      <section className="card" aria-labelledby="status-title">
        <h2 id="status-title">
          Status: <span data-status={applicant.status}>{label(applicant.status)}</span>
        </h2>
        {applicant.status === "withdrawn" ? (
          <p>The candidate withdrew this application.</p>
        ) : (
          <Form method="post" className="filter-bar">
            <input type="hidden" name="intent" value="move" />
            <div className="field">
              <label htmlFor="move-to">Move to</label>
              <select id="move-to" name="to" defaultValue={applicant.status}>
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
          </Form>
        )}
      </section>
      <section className="card" aria-labelledby="details-title">
        <h2 id="details-title">Application</h2>
        <dl className="facts">
          <dt>Applied</dt>
          <dd>{formatDate(applicant.created_at)}</dd>
          {applicant.candidate_email ? (
            <>
              <dt>Email</dt>
              <dd>
                <a href={`mailto:${applicant.candidate_email}`}>{applicant.candidate_email}</a>
              </dd>
            </>
          ) : null}
          {applicant.candidate_phone ? (
            <>
              <dt>Phone</dt>
              <dd>{applicant.candidate_phone}</dd>
            </>
          ) : null}
          <dt>Credentials</dt>
          <dd>
            <Credentials checks={applicant.credential_checks} />
          </dd>
          {applicant.aapc_member_number ? (
            <>
              <dt>AAPC member number</dt>
              <dd>{applicant.aapc_member_number}</dd>
            </>
          ) : null}
          {applicant.ahima_member_number ? (
            <>
              <dt>AHIMA member number</dt>
              <dd>{applicant.ahima_member_number}</dd>
            </>
          ) : null}
          {applicant.years_experience !== null ? (
            <>
              <dt>Experience</dt>
              <dd>{applicant.years_experience} years</dd>
            </>
          ) : null}
          {applicant.location ? (
            <>
              <dt>Location</dt>
              <dd>{applicant.location}</dd>
            </>
          ) : null}
          <dt>Resume</dt>
          <dd>
            {applicant.resume_name ? (
              <a href={`${base}/${applicant.id}/resume`} download>
                Download resume ({applicant.resume_name})
              </a>
            ) : (
              "Removed by the candidate"
            )}
          </dd>
        </dl>
        {applicant.answers.length ? (
          <>
            <h3 className="small-heading">Screening answers</h3>
            <dl className="facts">
              {applicant.answers.map((a) => (
                <div key={a.question_id}>
                  <dt>{a.prompt}</dt>
                  <dd>{a.answer ?? "No answer"}</dd>
                </div>
              ))}
            </dl>
          </>
        ) : null}
        <h3 className="small-heading">Cover letter</h3>
        {applicant.cover_letter ? (
          <p className="cover-letter">{applicant.cover_letter}</p>
        ) : (
          <p className="muted">None.</p>
        )}
      </section>
      <section className="card" aria-labelledby="notes-title">
        <h2 id="notes-title">Notes</h2>
        <p className="muted small">Only people in your company see notes.</p>
        {applicant.notes.length ? (
          <ul className="notes">
            {applicant.notes.map((n) => (
              <li key={n.id}>
                <p className="note-body">{n.body}</p>
                <p className="muted small">
                  {n.author_name}, {formatDate(n.created_at)}
                </p>
              </li>
            ))}
          </ul>
        ) : null}
        <Form method="post" {...getFormProps(noteForm)}>
          <input type="hidden" name="intent" value="note" />
          <div className="field">
            <label htmlFor={noteFields.body.id}>Add a note</label>
            <textarea {...getTextareaProps(noteFields.body)} key={noteFields.body.key} rows={3} />
            <ErrorList id={noteFields.body.errorId} errors={noteFields.body.errors} />
          </div>
          <button type="submit" className="button secondary">
            Add note
          </button>
        </Form>
      </section>
      <section className="card" aria-labelledby="history-title">
        <h2 id="history-title">History</h2>
        <ol className="timeline">
          {applicant.events.map((e) => (
            <li key={e.id}>
              {formatDate(e.created_at)}:{" "}
              {e.from_status
                ? `${e.actor_name ?? (e.actor_kind === "candidate" ? "The candidate" : "A former team member")} moved it from ${label(e.from_status)} to ${label(e.to_status)}`
                : "Application received"}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
