// The employer's pipeline: a column per stage with a card per applicant, or the same people
// as a table. Plain forms either way, so moving someone works without JavaScript; every
// checkbox belongs to the page's one bulk-move form (id "bulk-move").
import { Form, Link } from "@remix-run/react";
import { formatDate, formatShortDate } from "~/jobs/format";
import { plural } from "~/utils/plural";
import {
  type ApplicationStatus,
  EMPLOYER_STATUSES,
  type EmployerStatus,
  PIPELINE,
  STATUS_LABELS,
} from "./applications-schemas";
import type { CredentialCheck } from "./credentials.server";

export type BoardApplicant = {
  id: number;
  candidate_name: string;
  status: string;
  created_at: string | Date;
  credential_checks: CredentialCheck[];
  location: string | null;
  note_count: number | null;
  answers: { question_id: number; prompt: string; answer: string | null }[];
};

/** The stage a card's main button moves to: the next one in the pipeline, if any. */
function nextStage(status: string): EmployerStatus | null {
  const at = PIPELINE.indexOf(status as (typeof PIPELINE)[number]);
  return at >= 0 && at < PIPELINE.length - 1 ? PIPELINE[at + 1] : null;
}

function SelectBox({ applicant }: { applicant: BoardApplicant }) {
  return (
    <input
      type="checkbox"
      name="ids"
      value={applicant.id}
      form="bulk-move"
      aria-label={`Select ${applicant.candidate_name}`}
    />
  );
}

/**
 * The credentials an applicant claims: as stated, "· verified" once an operator has checked
 * it with the issuer, or "· expired" after its expiry date.
 */
export function Credentials({ checks }: { checks: CredentialCheck[] }) {
  if (!checks.length) return <span className="muted small">No credentials listed</span>;
  return (
    <ul className="tags" aria-label="Credentials">
      {checks.map((c) => (
        <li
          key={c.code}
          className={`tag credential-badge${c.expired ? " expired" : c.verified ? " verified" : ""}`}
        >
          {c.code}
          {c.expired ? " · expired" : c.verified ? " · verified" : ""}
        </li>
      ))}
    </ul>
  );
}

function Answers({ answers }: { answers: BoardApplicant["answers"] }) {
  if (!answers.length) return null;
  return (
    <dl className="card-answers small">
      {answers.map((a) => (
        <div key={a.question_id}>
          <dt>{a.prompt}</dt>
          <dd>{a.answer ?? "No answer"}</dd>
        </div>
      ))}
    </dl>
  );
}

function MoveButtons({ applicant }: { applicant: BoardApplicant }) {
  const next = nextStage(applicant.status);
  const others = EMPLOYER_STATUSES.filter(
    (s) => s !== applicant.status && s !== next && s !== "rejected",
  );
  return (
    <Form method="post" className="card-moves">
      <input type="hidden" name="intent" value="move" />
      <input type="hidden" name="ids" value={applicant.id} />
      {next ? (
        <button type="submit" name="to" value={next} className="button small">
          Move to {STATUS_LABELS[next]}
          <span className="visually-hidden"> : {applicant.candidate_name}</span>
        </button>
      ) : null}
      {applicant.status !== "rejected" ? (
        <button type="submit" name="to" value="rejected" className="button secondary small">
          Not selected
          <span className="visually-hidden"> : {applicant.candidate_name}</span>
        </button>
      ) : null}
      {others.length ? (
        <details className="more-moves">
          <summary>
            Other stage<span className="visually-hidden"> for {applicant.candidate_name}</span>
          </summary>
          {others.map((s) => (
            <button key={s} type="submit" name="to" value={s} className="button link">
              {STATUS_LABELS[s]}
            </button>
          ))}
        </details>
      ) : null}
    </Form>
  );
}

function ApplicantCard({ jobId, applicant }: { jobId: number; applicant: BoardApplicant }) {
  return (
    <article className="card applicant-card" aria-labelledby={`applicant-${applicant.id}`}>
      <div className="applicant-card-head">
        <SelectBox applicant={applicant} />
        <h3 id={`applicant-${applicant.id}`}>
          <Link to={`/employer/jobs/${jobId}/applicants/${applicant.id}`}>
            {applicant.candidate_name}
          </Link>
        </h3>
      </div>
      <p className="muted small">
        Applied {formatShortDate(applicant.created_at)}
        {applicant.location ? ` · ${applicant.location}` : ""}
        {applicant.note_count ? ` · ${plural(applicant.note_count, "note")}` : ""}
      </p>
      <Credentials checks={applicant.credential_checks} />
      <Answers answers={applicant.answers} />
      {applicant.status === "withdrawn" ? null : <MoveButtons applicant={applicant} />}
    </article>
  );
}

export function ApplicantBoard({
  jobId,
  applicants,
}: {
  jobId: number;
  applicants: BoardApplicant[];
}) {
  const withdrawn = applicants.filter((a) => a.status === "withdrawn");
  return (
    <>
      <div className="board">
        {EMPLOYER_STATUSES.map((stage) => {
          const cards = applicants.filter((a) => a.status === stage);
          return (
            <section
              key={stage}
              className="board-column"
              data-stage={stage}
              aria-labelledby={`stage-${stage}`}
            >
              <h2 id={`stage-${stage}`} className="board-column-title">
                {STATUS_LABELS[stage]} <span className="count">{cards.length}</span>
              </h2>
              {cards.length ? (
                <ul className="board-cards">
                  {cards.map((a) => (
                    <li key={a.id}>
                      <ApplicantCard jobId={jobId} applicant={a} />
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted small">Nobody here.</p>
              )}
            </section>
          );
        })}
      </div>
      {withdrawn.length ? (
        <details className="withdrawn">
          <summary>Withdrawn by the candidate ({withdrawn.length})</summary>
          <ul className="board-cards">
            {withdrawn.map((a) => (
              <li key={a.id}>
                <ApplicantCard jobId={jobId} applicant={a} />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}

export function ApplicantTable({
  jobId,
  applicants,
}: {
  jobId: number;
  applicants: BoardApplicant[];
}) {
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">Applicants</caption>
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
                <SelectBox applicant={a} />
              </td>
              <td>
                <Link to={`/employer/jobs/${jobId}/applicants/${a.id}`}>{a.candidate_name}</Link>
                {a.location ? <div className="muted small">{a.location}</div> : null}
                {a.note_count ? (
                  <div className="muted small">{plural(a.note_count, "note")}</div>
                ) : null}
              </td>
              <td>{formatDate(a.created_at)}</td>
              <td>
                <Credentials checks={a.credential_checks} />
              </td>
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
    </div>
  );
}
