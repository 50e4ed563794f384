import { parseWithZod } from "@conform-to/zod/v4";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ORDER_STATUSES, RefundSchema } from "~/admin/admin-schemas";
import { listAllOrders, refundOrder } from "~/admin/refunds.server";
import { requireAdmin } from "~/auth/guards.server";
import { isLocalCheckout } from "~/billing/stripe.server";
import { ConfirmButton, ConfirmPage } from "~/components/confirm-button";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/notice";
import { formatDate } from "~/jobs/format";
import { askToConfirm, isConfirmed } from "~/utils/confirm.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formatCents } from "~/utils/money";

export const meta: MetaFunction = () => [
  { title: "Orders | MedCode Jobs" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const url = new URL(request.url);
  const status = url.searchParams.get("status") ?? "";
  const q = (url.searchParams.get("q") ?? "").slice(0, 100);
  const orders = await listAllOrders({
    status: (ORDER_STATUSES as readonly string[]).includes(status) ? status : undefined,
    q,
  });
  return {
    filters: { status, q },
    testMode: isLocalCheckout(),
    orders: orders.map((o) => ({
      ...o,
      amount: formatCents(o.amount_paid_cents ?? o.amount_cents, o.currency),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireAdmin(request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: RefundSchema });
  if (submission.status !== "success")
    return data(
      { error: "Give a reason for the refund (at least 3 characters)." },
      { status: 400 },
    );
  const { orderId, reason } = submission.value;
  if (!isConfirmed(formData)) {
    return askToConfirm(formData, {
      title: `Refund order #${orderId} in full?`,
      message:
        "Stripe returns the whole payment to the card, and what the order bought comes down when Stripe confirms the refund: a job leaves the site, a featured upgrade ends, unused credits are voided. The employer is emailed.",
      confirmLabel: "Yes, refund it",
      cancelHref: "/admin/orders",
    });
  }
  const result = await refundOrder({ orderId, actor: user, reason });
  if (!result.ok) {
    const messages = {
      not_found: "There is no such order.",
      not_paid: "Only a paid order can be refunded; this one is not (any more).",
      already_requested: "Nothing changed: a refund of this order was already asked of Stripe.",
      stripe_error: `Stripe refused the refund: ${"error" in result ? result.error : ""}. Nothing was refunded; try again.`,
    } as const;
    throw await redirectWithFlash("/admin/orders", {
      kind: result.reason === "stripe_error" ? "error" : "info",
      message: messages[result.reason],
    });
  }
  throw await redirectWithFlash(
    "/admin/orders",
    !result.viaStripe
      ? `Order #${orderId} reversed (nothing had been charged).`
      : isLocalCheckout()
        ? `Order #${orderId} refunded (test mode: no money moved).`
        : `Refund of order #${orderId} sent to Stripe; the order shows as refunded when Stripe confirms it.`,
  );
}

export default function Orders() {
  const actionData = useActionData<typeof action>();
  const { orders, filters, testMode } = useLoaderData<typeof loader>();
  if (actionData && "confirmation" in actionData)
    return <ConfirmPage confirmation={actionData.confirmation} />;
  return (
    <>
      <h1>Orders</h1>
      {testMode ? (
        <p className="test-mode" role="note">
          TEST MODE: no Stripe keys are set, so a refund goes through the same charge.refunded
          webhook handler Stripe would call, with no money moving.
        </p>
      ) : null}
      {actionData && "error" in actionData ? (
        <Notice kind="error">{actionData.error}</Notice>
      ) : null}
      <Form method="get" className="filter-bar" aria-label="Filter orders">
        <div className="field">
          <label htmlFor="orders-status">Status</label>
          <select id="orders-status" name="status" defaultValue={filters.status}>
            <option value="">Any</option>
            {ORDER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="orders-q">Company or order number</label>
          <input id="orders-q" name="q" defaultValue={filters.q} />
        </div>
        <button type="submit" className="button secondary">
          Filter
        </button>
      </Form>
      {orders.length === 0 ? (
        <p>No orders match.</p>
      ) : (
        <table className="table stacked">
          <caption className="visually-hidden">Orders, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Company</th>
              <th scope="col">Item</th>
              <th scope="col" className="numbers">
                Amount
              </th>
              <th scope="col">Status</th>
              <th scope="col">Refund</th>
            </tr>
          </thead>
          <tbody>
            {orders.map((o) => (
              <tr key={o.id}>
                <td data-label="Order">
                  #{o.id}
                  <div className="muted small">{formatDate(o.created_at)}</div>
                </td>
                <td data-label="Company">
                  <Link to={`/admin/companies/${o.company_id}`}>{o.company_name}</Link>
                </td>
                <td data-label="Item">
                  {o.plan_name}
                  {o.job_title ? `: ${o.job_title}` : ""}
                </td>
                <td data-label="Amount" className="numbers">
                  {o.amount}
                </td>
                <td data-label="Status">
                  <span className={`status ${o.status}`}>{o.status}</span>
                  {o.paid_at ? (
                    <div className="muted small">paid {formatDate(o.paid_at)}</div>
                  ) : null}
                </td>
                <td data-label="Refund">
                  {o.refund_requested_at && o.status === "paid" && !o.refund_error ? (
                    <span className="small">
                      Asked of Stripe {formatDate(o.refund_requested_at)}, waiting for its
                      confirmation
                    </span>
                  ) : null}
                  {o.status === "refunded" && o.refund_reason ? (
                    <span className="small">{o.refund_reason}</span>
                  ) : null}
                  {o.status === "paid" && (!o.refund_requested_at || o.refund_error) ? (
                    <Form method="post">
                      <input type="hidden" name="orderId" value={o.id} />
                      {o.refund_error ? (
                        <p className="small">Last attempt failed: {o.refund_error}</p>
                      ) : null}
                      <label className="visually-hidden" htmlFor={`reason-${o.id}`}>
                        Reason for refunding order #{o.id}
                      </label>
                      <input
                        id={`reason-${o.id}`}
                        name="reason"
                        placeholder="Reason"
                        required
                        minLength={3}
                        maxLength={500}
                      />{" "}
                      <ConfirmButton
                        name="refund"
                        value="full"
                        className="button secondary"
                        confirmLabel="Click again to refund"
                      >
                        Refund
                      </ConfirmButton>
                    </Form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
