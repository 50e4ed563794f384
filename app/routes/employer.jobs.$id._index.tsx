import {
  type ActionFunctionArgs,
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getJobReviewState, resubmitForReview } from "~/admin/review.server";
import { requireCompanyJob } from "~/auth/guards.server";
import { JobActionSchema } from "~/billing/billing-schemas";
import { creditsLeft, spendCredit } from "~/billing/credits.server";
import styles from "~/billing/employer.css?url";
import { jobReady, type Purpose, purposeAllowed, startCheckout } from "~/billing/orders.server";
import { listPlans } from "~/billing/plans.server";
import { getVerificationStatus } from "~/companies/verification.server";
import { ConfirmButton, ConfirmPage } from "~/components/confirm-button";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/notice";
import { formatDate, jobPath } from "~/jobs/format";
import { jobClock, jobStatusLabel } from "~/jobs/job-status";
import { closeJob, deleteDraft, getJobForEditing } from "~/jobs/posting.server";
import { getJobTotals } from "~/jobs/posting-stats.server";
import { askToConfirm, isConfirmed } from "~/utils/confirm.server";
import { getEnv } from "~/utils/env.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFoundIfMissing } from "~/utils/http";
import { formatCents } from "~/utils/money";
import { plural } from "~/utils/plural";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = () => [
  { title: "Job | MedCode Jobs" },
  { name: "robots", content: "noindex" },
];

/** The overview shows a taken-down job too (its status says so). */
async function ownJob(request: Request, params: { id?: string }) {
  const auth = await requireCompanyJob(request, params, { removed: true });
  const job = await getJobForEditing({ companyId: auth.company.id, jobId: auth.job.id });
  return { ...auth, job: notFoundIfMissing(job, "This job does not exist.") };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { company, job } = await ownJob(request, params);
  // Stripe's cancel URL: say so once, then show the page at its own address.
  if (new URL(request.url).searchParams.get("checkout") === "canceled") {
    throw await redirectWithFlash(`/employer/jobs/${job.id}`, {
      kind: "info",
      message: "Checkout canceled: nothing was charged. The job is waiting for you here.",
    });
  }
  const [plans, credits, totals, review, verification] = await Promise.all([
    listPlans(),
    creditsLeft(company.id),
    getJobTotals({ companyId: company.id, jobId: job.id }),
    getJobReviewState({ companyId: company.id, jobId: job.id }),
    getVerificationStatus(company.id),
  ]);
  const moderation = getEnv().MODERATION;
  const now = new Date();
  const can = (purpose: Purpose) => purposeAllowed(purpose, job, now);
  const clock = jobClock(job, now);
  return {
    job: {
      id: job.id,
      title: job.title,
      slug: job.slug,
      status: job.status,
      published_at: job.published_at,
      valid_through: job.valid_through,
      featured_until: job.featured_until,
      closed_at: job.closed_at,
      live: clock.live,
      held: clock.held,
      featured: clock.featured,
    },
    review: review
      ? {
          status: review.status,
          days: review.days,
          note: review.decision_note,
          // Employers learn that a company check is pending, not which spam rule fired.
          unverifiedCompany: review.triggers.some((t) => t.code === "unverified_company"),
          everyPosting: review.triggers.some((t) => t.code === "moderation_all"),
          paidWith: review.order_id ? "card" : review.credit_use_id ? "credit" : null,
          since: review.created_at,
        }
      : null,
    ready: jobReady(job),
    // What happens after payment when the job is not live: it may wait for review first.
    waitsForReview:
      moderation === "all"
        ? ("all" as const)
        : moderation === "new-companies" && !verification.company.verified_at
          ? ("unverified" as const)
          : null,
    canPublish: can("publish"),
    canRenew: can("renew"),
    canUpgrade: can("upgrade"),
    credits,
    plans: plans.map((p) => ({
      code: p.code,
      name: p.name,
      kind: p.kind,
      days: p.days,
      price: formatCents(p.price_cents),
    })),
    totals,
  };
}

const REASONS: Record<string, string> = {
  not_found: "This job does not exist.",
  bad_plan: "Choose a plan.",
  not_ready: "Finish the job first: it needs a title and a description of at least 50 characters.",
  wrong_state:
    "This job cannot be paid for in its current state. Reload the page to see where it stands.",
  no_credits:
    "You have no post credits left: another tab or teammate may have just used the last one. Pay for this post instead.",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, company, job } = await ownJob(request, params);
  const formData = await request.formData();
  const parsed = JobActionSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) throw data("Unknown action.", { status: 400 });
  const { intent, plan } = parsed.data;
  const renewing = job.status === "published" || job.status === "expired";
  if (intent === "checkout" || intent === "upgrade") {
    const purpose: Purpose = intent === "upgrade" ? "upgrade" : renewing ? "renew" : "publish";
    const planCode = intent === "upgrade" ? "featured_upgrade" : (plan ?? "");
    const result = await startCheckout({
      companyId: company.id,
      userId: user.id,
      jobId: job.id,
      purpose,
      planCode,
    });
    if (!result.ok) return data({ error: REASONS[result.reason] }, { status: 400 });
    throw redirect(result.redirectTo);
  }
  if (intent === "credit") {
    const result = await spendCredit({
      companyId: company.id,
      jobId: job.id,
      userId: user.id,
      purpose: renewing ? "renew" : "publish",
    });
    if (!result.ok) return data({ error: REASONS[result.reason] }, { status: 409 });
    return redirectWithFlash(
      `/employer/jobs/${job.id}`,
      result.validThrough
        ? `Done with one credit: the job is live until ${formatDate(result.validThrough)}.`
        : "Done with one credit: the job is waiting for review. Its 30 days start when it is approved.",
    );
  }
  if (intent === "close") {
    const result = await closeJob({ companyId: company.id, jobId: job.id, actor: user });
    if (!result.ok)
      return data({ error: "Only a published or expired job can be closed." }, { status: 400 });
    return redirectWithFlash(
      `/employer/jobs/${job.id}`,
      "Closed as filled. Its page now says the job has been filled.",
    );
  }
  if (intent === "resubmit") {
    const result = await resubmitForReview({ companyId: company.id, jobId: job.id, actor: user });
    if (!result.ok)
      return data(
        { error: "This job is not waiting for changes. Reload the page to see where it stands." },
        { status: 409 },
      );
    return redirectWithFlash(
      `/employer/jobs/${job.id}`,
      "Resubmitted: the job is back in the review queue.",
    );
  }
  if (intent === "delete") {
    if (!isConfirmed(formData)) {
      return askToConfirm(formData, {
        title: `Delete the draft “${job.title}”?`,
        message: "The draft and everything written in it are deleted for good.",
        confirmLabel: "Yes, delete this draft",
        cancelHref: `/employer/jobs/${job.id}`,
      });
    }
    if (!(await deleteDraft({ companyId: company.id, jobId: job.id }))) {
      return data(
        { error: "Only a draft that was never published can be deleted." },
        { status: 400 },
      );
    }
    return redirectWithFlash("/employer", `Draft “${job.title}” deleted.`);
  }
  throw data("Unknown action.", { status: 400 });
}

export default function JobOverview() {
  const actionData = useActionData<typeof action>();
  if (actionData && "confirmation" in actionData)
    return <ConfirmPage confirmation={actionData.confirmation} />;
  return <Overview error={actionData && "error" in actionData ? actionData.error : null} />;
}

function Overview({ error }: { error: string | null }) {
  const {
    job,
    review,
    waitsForReview,
    ready,
    canPublish,
    canRenew,
    canUpgrade,
    credits,
    plans,
    totals,
  } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const postPlans = plans.filter((p) => p.kind === "post");
  const upgrade = plans.find((p) => p.kind === "upgrade");
  return (
    <div className="container narrow stack">
      <p className="muted">
        <Link to="/employer">Dashboard</Link> › {job.title}
      </p>
      <h1>{job.title}</h1>
      <p>
        <span className={`status ${job.held ? "held" : job.status}`}>
          {jobStatusLabel(job.status, { held: job.held })}
        </span>
        {job.featured ? <span className="badge">Featured</span> : null}{" "}
        {job.live && job.valid_through ? <>Live until {formatDate(job.valid_through)}. </> : null}
        {job.status === "expired" && job.valid_through ? (
          <>Ended {formatDate(job.valid_through)}. </>
        ) : null}
      </p>
      {error ? <Notice kind="error">{error}</Notice> : null}
      {job.status === "pending_review" && review ? <ReviewNotice review={review} /> : null}
      {job.status === "removed" && review?.status === "rejected" ? (
        <Notice>
          Not approved by our team{review.note ? `: ${review.note}` : "."}
          {review.paidWith === "card" ? " The payment is refunded to your card." : ""}
          {review.paidWith === "credit" ? " The post credit it used is back in your account." : ""}
        </Notice>
      ) : null}
      {job.held ? (
        <Notice>
          Paused: this job is out of search while our team looks at it. The days it spends paused
          are added back when it returns.
        </Notice>
      ) : null}
      <p className="form-actions">
        {job.status !== "removed" ? <Link to={`/employer/jobs/${job.id}/edit`}>Edit</Link> : null}
        <Link to={`/employer/jobs/${job.id}/applicants`}>Applicants</Link>
        <Link to={`/employer/jobs/${job.id}/preview`}>Preview</Link>
        {job.live ? <Link to={jobPath(job)}>Public page</Link> : null}
      </p>
      <p className="muted">
        {plural(totals.views, "view")}
        {totals.alert_views ? ` (${totals.alert_views} from alert emails)` : ""} ·{" "}
        {plural(totals.apply_clicks, "apply click")} · {plural(totals.applications, "application")}
      </p>

      {canPublish || canRenew ? (
        <section className="card" id={canPublish ? "publish" : "renew"} aria-labelledby="pay-title">
          <h2 id="pay-title">{canPublish ? "Publish" : "Renew for 30 days"}</h2>
          {!ready ? (
            <Notice kind="warning">
              Finish the job first: it needs a description of at least 50 characters.
            </Notice>
          ) : null}
          {canRenew ? <p>Renewing adds 30 days; renewing early keeps the days left.</p> : null}
          {waitsForReview && (canPublish || job.status === "expired") ? (
            <p>
              {waitsForReview === "all"
                ? "After payment our team checks the job before it goes live"
                : "Your company is not verified yet, so after payment our team checks the job before it goes live"}
              : its 30 days start when it is approved.
              {waitsForReview === "unverified" ? (
                <>
                  {" "}
                  <Link to="/employer/verification">Verify your company</Link> to skip the wait next
                  time.
                </>
              ) : null}
            </p>
          ) : null}
          {credits > 0 ? (
            <Form method="post">
              <input type="hidden" name="intent" value="credit" />
              <button type="submit" className="button" disabled={busy || !ready}>
                {canPublish ? "Publish" : "Renew"} with a credit ({credits} left)
              </button>
            </Form>
          ) : null}
          <div className="form-actions">
            {postPlans.map((plan) => (
              <Form method="post" key={plan.code}>
                <input type="hidden" name="intent" value="checkout" />
                <input type="hidden" name="plan" value={plan.code} />
                <button
                  type="submit"
                  className={plan.code === "featured" ? "button" : "button secondary"}
                  disabled={busy || !ready}
                >
                  {canPublish ? "Pay and publish" : "Renew"}: {plan.name}, {plan.price}
                </button>
              </Form>
            ))}
          </div>
        </section>
      ) : null}

      {canUpgrade && upgrade ? (
        <section className="card" aria-labelledby="upgrade-title">
          <h2 id="upgrade-title">Feature this job</h2>
          <p>
            Pinned above matching jobs, highlighted, and first in alert emails for the rest of its
            run.
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="upgrade" />
            <button type="submit" className="button secondary" disabled={busy}>
              Upgrade to Featured: {upgrade.price}
            </button>
          </Form>
        </section>
      ) : null}

      {job.status === "published" || job.status === "expired" ? (
        <section className="card" aria-labelledby="close-title">
          <h2 id="close-title">Filled?</h2>
          <Form method="post">
            <input type="hidden" name="intent" value="close" />
            <button type="submit" className="button secondary">
              Close as filled
            </button>
          </Form>
        </section>
      ) : null}
      {job.status === "draft" && !job.published_at ? (
        <Form method="post">
          <ConfirmButton name="intent" value="delete" confirmLabel="Click again to delete for good">
            Delete this draft
          </ConfirmButton>
        </Form>
      ) : null}
    </div>
  );
}

type ReviewState = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["review"]>;

/** What "In review" means for this job and what happens next. */
function ReviewNotice({ review }: { review: ReviewState }) {
  if (review.status === "changes_requested") {
    return (
      <section className="card" aria-labelledby="changes-title">
        <h2 id="changes-title">Changes requested</h2>
        {review.note ? <p>{review.note}</p> : null}
        <p>
          Edit the job, then resubmit it: it goes back in the review queue. Its {review.days} paid
          days still start only when it is approved.
        </p>
        <Form method="post">
          <input type="hidden" name="intent" value="resubmit" />
          <button type="submit" className="button">
            Resubmit for review
          </button>
        </Form>
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby="review-title">
      <h2 id="review-title">In review</h2>
      <p>
        {review.everyPosting
          ? "Our team checks every posting before it goes live."
          : review.unverifiedCompany
            ? "Our team checks postings from companies that are not verified yet before they go live."
            : "Our team is checking this posting before it goes live."}{" "}
        You will get an email when it is decided: approved (it goes live at once), changes
        requested, or not approved (with the reason, and the payment refunded or the credit
        returned).
      </p>
      <p>
        Its {review.days} paid days start when it is approved, so none are lost while it waits.
        {review.unverifiedCompany ? (
          <>
            {" "}
            <Link to="/employer/verification">Verify your company</Link> and its next jobs skip this
            check.
          </>
        ) : null}
      </p>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
