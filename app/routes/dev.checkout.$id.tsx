import {
  type ActionFunctionArgs,
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { requireDevAccess, requireEmployer } from "~/auth/guards.server";
import styles from "~/billing/employer.css?url";
import { getOrder } from "~/billing/orders.server";
import { isLocalCheckout } from "~/billing/stripe.server";
import { deliverLocalEvent } from "~/billing/webhook.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { invariantResponse, parseId } from "~/utils/http";
import { formatCents } from "~/utils/money";

// Local stand-in for Stripe Checkout when no Stripe keys are set (never in production). Pay
// sends a correctly signed checkout.session.completed through the very webhook handler
// Stripe's deliveries use, so fulfillment runs the same code.
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = () => [
  { title: "TEST MODE checkout | MedCode Jobs" },
  { name: "robots", content: "noindex" },
];

async function ownOrder(
  request: Request,
  params: { id?: string },
  context: LoaderFunctionArgs["context"],
) {
  if (!isLocalCheckout()) throw data("Not found.", { status: 404 });
  await requireDevAccess(request, context);
  const { company } = await requireEmployer(request);
  const orderId = parseId(params.id);
  const order = orderId ? await getOrder({ companyId: company.id, orderId }) : undefined;
  invariantResponse(order, "This order does not exist.");
  return order;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const order = await ownOrder(request, params, context);
  if (order.status !== "pending") throw redirect(`/checkout/${order.id}`);
  return {
    order: {
      id: order.id,
      planName: order.plan_name,
      jobTitle: order.job_title,
      amount: formatCents(order.amount_cents, order.currency),
    },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const order = await ownOrder(request, params, context);
  const form = await request.formData();
  if (form.get("intent") === "cancel") {
    throw redirect(
      order.job_id
        ? `/employer/jobs/${order.job_id}?checkout=canceled`
        : "/employer/billing?checkout=canceled",
    );
  }
  const metadata: Record<string, string> = { order_id: String(order.id) };
  if (order.job_id) metadata.job_id = String(order.job_id);
  await deliverLocalEvent("checkout.session.completed", {
    id: order.stripe_checkout_session_id ?? `cs_local_${order.id}`,
    object: "checkout.session",
    mode: "payment",
    status: "complete",
    payment_status: "paid",
    amount_subtotal: order.amount_cents,
    amount_total: order.amount_cents,
    currency: order.currency,
    client_reference_id: String(order.id),
    payment_intent: `pi_local_${order.id}`,
    metadata,
  });
  throw redirect(`/checkout/${order.id}`);
}

export default function DevCheckout() {
  const { order } = useLoaderData<typeof loader>();
  return (
    <div className="container narrow stack">
      <p className="test-mode" role="note">
        TEST MODE: no money moves. This page stands in for Stripe Checkout because no Stripe keys
        are set.
      </p>
      <h1>Checkout (test mode)</h1>
      <section className="card">
        <dl className="facts">
          <dt>Item</dt>
          <dd>
            {order.planName}
            {order.jobTitle ? `: ${order.jobTitle}` : ""}
          </dd>
          <dt>Amount</dt>
          <dd>{order.amount}</dd>
          <dt>Order</dt>
          <dd>#{order.id}</dd>
        </dl>
      </section>
      <div className="form-actions">
        <Form method="post">
          <input type="hidden" name="intent" value="pay" />
          <button type="submit" className="button">
            Pay {order.amount} (test)
          </button>
        </Form>
        <Form method="post">
          <input type="hidden" name="intent" value="cancel" />
          <button type="submit" className="button secondary">
            Cancel
          </button>
        </Form>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
