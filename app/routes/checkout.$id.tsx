import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireEmployer } from "~/auth/guards.server";
import styles from "~/billing/employer.css?url";
import { getCheckoutStatus } from "~/billing/orders.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/notice";
import { formatDate, jobPath } from "~/jobs/format";
import { invariantResponse, parseId } from "~/utils/http";
import { formatCents } from "~/utils/money";

// Stripe's success URL and the order's receipt. It shows the order's state and never changes
// it: only the signed webhook fulfils (docs/decisions/011-fulfillment.md).
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: "Order | MedCode Jobs" },
  { name: "robots", content: "noindex" },
  // Waiting for the webhook: look again shortly (works without JavaScript).
  ...(page && (page.order.status === "pending" || page.order.status === "processing")
    ? [{ httpEquiv: "refresh", content: "3" } as const]
    : []),
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { company } = await requireEmployer(request);
  const orderId = parseId(params.id);
  const status = orderId ? await getCheckoutStatus({ companyId: company.id, orderId }) : null;
  invariantResponse(status, "This order does not exist.");
  const { order, stripePaymentStatus } = status;
  return {
    company: company.name,
    order: {
      id: order.id,
      status: order.status,
      purpose: order.purpose,
      planName: order.plan_name,
      amount: formatCents(order.amount_paid_cents ?? order.amount_cents, order.currency),
      createdAt: order.created_at,
      paidAt: order.paid_at,
      jobId: order.job_id,
      jobTitle: order.job_title,
      jobSlug: order.job_slug,
      jobStatus: order.job_status,
      jobValidThrough: order.job_valid_through,
    },
    stripePaymentStatus,
  };
}

function headline(status: string, stripe: string | null) {
  switch (status) {
    case "paid":
      return "Payment received";
    case "processing":
      return "Payment on its way";
    case "failed":
      return "Payment failed";
    case "refunded":
      return "Refunded";
    case "disputed":
      return "Payment disputed";
    default:
      return stripe === "paid" ? "Payment received: finishing up" : "Waiting for your payment";
  }
}

export default function CheckoutOrder() {
  const { order, stripePaymentStatus, company } = useLoaderData<typeof loader>();
  const live = order.jobStatus === "published" && order.jobSlug && order.jobId;
  return (
    <div className="container narrow stack">
      <h1>{headline(order.status, stripePaymentStatus)}</h1>
      <p>
        Order #{order.id} · <span className={`status ${order.status}`}>{order.status}</span>
      </p>
      {order.status === "pending" || order.status === "processing" ? (
        <p role="status">
          {stripePaymentStatus === "paid"
            ? "Stripe has confirmed the payment; we are recording it now. This page updates by itself."
            : order.status === "processing"
              ? "Your bank payment is being processed; we will email you when it clears."
              : "We have not received the payment confirmation yet. This page updates by itself."}
        </p>
      ) : null}
      <section className="card" aria-labelledby="receipt-title">
        <h2 id="receipt-title">Receipt</h2>
        <dl className="facts">
          <dt>Billed to</dt>
          <dd>{company}</dd>
          <dt>Item</dt>
          <dd>
            {order.planName}
            {order.jobTitle ? `: ${order.jobTitle}` : ""}
          </dd>
          <dt>Amount</dt>
          <dd>{order.amount}</dd>
          <dt>Ordered</dt>
          <dd>{formatDate(order.createdAt)}</dd>
          {order.paidAt ? (
            <>
              <dt>Paid</dt>
              <dd>{formatDate(order.paidAt)}</dd>
            </>
          ) : null}
        </dl>
      </section>
      {order.status === "paid" && live ? (
        <Notice kind="success">
          Your job is live
          {order.jobValidThrough ? ` until ${formatDate(order.jobValidThrough)}` : ""}:{" "}
          <Link to={jobPath({ id: order.jobId as number, slug: order.jobSlug as string })}>
            see it
          </Link>
          .
        </Notice>
      ) : null}
      {order.status === "paid" && order.jobStatus === "pending_review" ? (
        <Notice>
          Your job is waiting for review by our team before it goes live. Its paid days start when
          it is approved, so none are lost while it waits; we will email you the decision.{" "}
          <Link to={`/employer/jobs/${order.jobId}`}>See what happens next</Link>.
        </Notice>
      ) : null}
      <p className="form-actions">
        <Link to="/employer">Dashboard</Link>
        <Link to="/employer/billing">Billing</Link>
        {order.jobId ? <Link to={`/employer/jobs/${order.jobId}`}>The job</Link> : null}
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
