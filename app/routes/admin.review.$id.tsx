import { getFormProps, getTextareaProps, type SubmissionResult, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ReviewDecisionSchema } from "~/admin/admin-schemas";
import {
  approveReview,
  type DecisionResult,
  getReviewItem,
  rejectReview,
  requestChanges,
} from "~/admin/review.server";
import { TRIGGER_LABELS } from "~/admin/spam-rules";
import { requireAdmin } from "~/auth/guards.server";
import { ConfirmButton, ConfirmPage } from "~/components/confirm-button";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList } from "~/components/forms";
import { JobView } from "~/components/job-view";
import { Notice } from "~/components/notice";
import { formatDate } from "~/jobs/format";
import { askToConfirm, isConfirmed } from "~/utils/confirm.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFoundIfMissing, parseId } from "~/utils/http";
import { plural } from "~/utils/plural";

export const meta: MetaFunction = () => [
  { title: "Review a job | MedCode Jobs" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const id = parseId(params.id);
  const item = notFoundIfMissing(id ? await getReviewItem(id) : null, "No such review.");
  return item;
}

const OUTCOME: Record<"approve" | "reject" | "changes", string> = {
  approve: "Approved: the job is live now and the employer has been emailed.",
  reject:
    "Rejected: the employer has been emailed, and the payment refunded or the credit returned.",
  changes: "Changes requested: the employer has been emailed and can resubmit.",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireAdmin(request);
  const reviewId = notFoundIfMissing(parseId(params.id), "No such review.");
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: ReviewDecisionSchema });
  if (submission.status !== "success")
    return data(
      { intent: String(formData.get("intent") ?? ""), result: submission.reply() },
      { status: 400 },
    );
  const decision = submission.value;
  if (decision.intent === "reject" && !isConfirmed(formData)) {
    return askToConfirm(formData, {
      title: "Reject this job?",
      message: `The job is taken down for good, the employer is emailed this reason ("${decision.reason}"), and the order is refunded through Stripe or the post credit returned.`,
      confirmLabel: "Yes, reject and refund",
      cancelHref: `/admin/review/${reviewId}`,
    });
  }
  let result: DecisionResult;
  if (decision.intent === "approve") result = await approveReview({ reviewId, actor: user });
  else if (decision.intent === "reject")
    result = await rejectReview({ reviewId, actor: user, reason: decision.reason });
  else result = await requestChanges({ reviewId, actor: user, note: decision.note });
  if (!result.ok) {
    if (result.reason === "not_found") notFoundIfMissing(null, "No such review.");
    const message =
      result.reason === "already"
        ? `Nothing changed: this review was already decided (${result.status.replace("_", " ")}).`
        : "Nothing changed: the job is no longer waiting (the employer closed it, or it was refunded).";
    throw await redirectWithFlash(`/admin/review/${reviewId}`, { kind: "info", message });
  }
  throw await redirectWithFlash("/admin/review", OUTCOME[decision.intent]);
}

function DecisionForm({
  intent,
  field,
  label,
  help,
  lastResult,
  children,
}: {
  intent: "reject" | "changes";
  field: "reason" | "note";
  label: string;
  help: string;
  lastResult: SubmissionResult | undefined;
  children: React.ReactNode;
}) {
  const [form, fields] = useForm({
    id: `decide-${intent}`,
    lastResult,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ReviewDecisionSchema }),
  });
  const meta = (fields as unknown as Record<string, Parameters<typeof getTextareaProps>[0]>)[field];
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value={intent} />
      <div className="field">
        <label htmlFor={meta.id}>{label}</label>
        <textarea {...getTextareaProps(meta)} key={meta.key} rows={4} />
        <p className="field-help">{help}</p>
        <ErrorList id={meta.errorId} errors={meta.errors} />
      </div>
      {children}
    </Form>
  );
}

export default function ReviewItem() {
  const actionData = useActionData<typeof action>();
  const { review, jobStatus, view, history } = useLoaderData<typeof loader>();
  if (actionData && "confirmation" in actionData)
    return <ConfirmPage confirmation={actionData.confirmation} />;
  const failed = actionData && "result" in actionData ? actionData : null;
  const open = review.status === "open" && jobStatus === "pending_review";
  const { company } = history;
  return (
    <>
      <p className="muted">
        <Link to="/admin/review">Review queue</Link> › {view.job.title}
      </p>
      <h1>Review: {view.job.title}</h1>
      {!open ? (
        <Notice>
          {review.status === "open"
            ? "The job is no longer waiting (closed by the employer, or refunded)."
            : `Decided: ${review.status.replace("_", " ")}${review.decided_by_name ? ` by ${review.decided_by_name}` : ""}${review.decided_at ? ` on ${formatDate(review.decided_at)}` : ""}.`}
          {review.decision_note ? ` Note: ${review.decision_note}` : ""}
        </Notice>
      ) : null}
      <div className="grid-2">
        <section className="card" aria-labelledby="why-title">
          <h2 id="why-title">Why it waits</h2>
          <ul>
            {review.triggers.map((t) => (
              <li key={`${t.code}-${t.detail}`}>
                <strong>{TRIGGER_LABELS[t.code] ?? t.code}</strong>
                {t.detail ? `: ${t.detail}` : ""}
              </li>
            ))}
          </ul>
          <dl className="facts">
            <dt>In the queue since</dt>
            <dd>{formatDate(review.created_at)}</dd>
            <dt>Paid for</dt>
            <dd>
              {plural(review.days, "day")}
              {review.featured ? ", featured" : ""},{" "}
              {review.order_id
                ? `order #${review.order_id} (${review.order_status})`
                : review.credit_use_id
                  ? "a post credit"
                  : "days left from its earlier run"}
            </dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="history-title">
          <h2 id="history-title">
            <Link to={`/admin/companies/${company.id}`}>{company.name}</Link>
          </h2>
          <dl className="facts">
            <dt>Joined</dt>
            <dd>{formatDate(company.created_at)}</dd>
            <dt>Website</dt>
            <dd>{company.website ?? "none given"}</dd>
            <dt>Verified</dt>
            <dd>
              {company.verified_at
                ? `Yes, ${company.verified_domain ?? ""} since ${formatDate(company.verified_at)}`
                : "No"}
            </dd>
            {company.suspended_at ? (
              <>
                <dt>Suspended</dt>
                <dd>{company.suspended_reason}</dd>
              </>
            ) : null}
            <dt>Jobs</dt>
            <dd>
              {Object.entries(history.jobs)
                .map(([status, n]) => `${n} ${status.replace("_", " ")}`)
                .join(", ") || "none"}
            </dd>
            <dt>Orders</dt>
            <dd>
              {history.orders.paid} paid, {history.orders.refunded} refunded,{" "}
              {history.orders.disputed} disputed
            </dd>
            <dt>Reports</dt>
            <dd>
              {history.reports.total} in all, {history.reports.open} open, {history.reports.upheld}{" "}
              upheld
            </dd>
            <dt>Past reviews</dt>
            <dd>
              {Object.entries(history.reviews)
                .map(([status, n]) => `${n} ${status.replace("_", " ")}`)
                .join(", ")}
            </dd>
          </dl>
        </section>
      </div>
      {open ? (
        <section className="card" aria-labelledby="decide-title">
          <h2 id="decide-title">Decide</h2>
          <div className="decision-forms">
            <Form method="post">
              <input type="hidden" name="intent" value="approve" />
              <p>Goes live at once for {plural(review.days, "day")}; the employer is emailed.</p>
              <button type="submit" className="button">
                Approve
              </button>
            </Form>
            <DecisionForm
              intent="changes"
              field="note"
              label="What should change?"
              help="Emailed to the employer; the job stays out of search until they resubmit."
              lastResult={failed?.intent === "changes" ? failed.result : undefined}
            >
              <button type="submit" className="button secondary">
                Request changes
              </button>
            </DecisionForm>
            <DecisionForm
              intent="reject"
              field="reason"
              label="Why is it rejected?"
              help="Emailed to the employer. The order is refunded through Stripe, or the credit returned."
              lastResult={failed?.intent === "reject" ? failed.result : undefined}
            >
              <ConfirmButton confirmLabel="Click again to reject and refund">
                Reject and refund
              </ConfirmButton>
            </DecisionForm>
          </div>
        </section>
      ) : null}
      <section aria-label="The posting as coders will see it">
        <Notice>Preview: the posting as coders will see it once approved.</Notice>
        <JobView {...view} />
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
