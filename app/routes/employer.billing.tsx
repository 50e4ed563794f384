import {
  type ActionFunctionArgs,
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireEmployer } from "~/auth/guards.server";
import { creditsLeft, listCreditGrants } from "~/billing/credits.server";
import styles from "~/billing/employer.css?url";
import { listOrders, startCheckout } from "~/billing/orders.server";
import { getPlan } from "~/billing/plans.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/notice";
import { formatDate } from "~/jobs/format";
import { redirectWithFlash } from "~/utils/flash.server";
import { formatCents } from "~/utils/money";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = () => [
  { title: "Billing | MedCode Jobs" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const { company } = await requireEmployer(request);
  // Stripe's cancel URL: say so once, then show the page at its own address.
  if (new URL(request.url).searchParams.get("checkout") === "canceled") {
    throw await redirectWithFlash("/employer/billing", {
      kind: "info",
      message: "Checkout canceled: nothing was charged.",
    });
  }
  const [orders, credits, grants, bundle] = await Promise.all([
    listOrders({ companyId: company.id }),
    creditsLeft(company.id),
    listCreditGrants(company.id),
    getPlan("bundle5"),
  ]);
  return {
    company,
    credits,
    grants,
    bundle: bundle
      ? { name: bundle.name, price: formatCents(bundle.price_cents), summary: bundle.summary }
      : null,
    orders: orders.map((o) => ({
      id: o.id,
      item: `${o.plan_name}${o.job_title ? `: ${o.job_title}` : ""}`,
      purpose: o.purpose,
      amount: formatCents(o.amount_paid_cents ?? o.amount_cents, o.currency),
      status: o.status,
      createdAt: o.created_at,
      paidAt: o.paid_at,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, company } = await requireEmployer(request);
  const form = await request.formData();
  if (form.get("intent") !== "buy-credits") throw data("Unknown action.", { status: 400 });
  const result = await startCheckout({
    companyId: company.id,
    userId: user.id,
    purpose: "credits",
    planCode: "bundle5",
  });
  if (!result.ok) return data({ error: "The bundle is not available right now." }, { status: 400 });
  throw redirect(result.redirectTo);
}

export default function Billing() {
  const { orders, credits, grants, bundle } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="container stack">
      <p className="muted">
        <Link to="/employer">Dashboard</Link> › Billing
      </p>
      <h1>Billing</h1>
      {actionData?.error ? <Notice kind="error">{actionData.error}</Notice> : null}
      <section className="card" aria-labelledby="credits-title">
        <h2 id="credits-title">Post credits: {credits} left</h2>
        {grants.length ? (
          <ul>
            {grants.map((g) => (
              <li key={g.id}>
                {g.remaining} of {g.total} left, valid until {formatDate(g.expires_at)}
              </li>
            ))}
          </ul>
        ) : null}
        {bundle ? (
          <Form method="post">
            <input type="hidden" name="intent" value="buy-credits" />
            <p>{bundle.summary}</p>
            <button type="submit" className="button secondary">
              Buy the {bundle.name}: {bundle.price}
            </button>
          </Form>
        ) : null}
      </section>
      <h2>Orders</h2>
      {orders.length === 0 ? (
        <p className="muted">No orders yet.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Item</th>
              <th scope="col" className="numbers">
                Amount
              </th>
              <th scope="col">Ordered</th>
              <th scope="col">Paid</th>
              <th scope="col">Status</th>
              <th scope="col">Receipt</th>
            </tr>
          </thead>
          <tbody>
            {orders.map((o) => (
              <tr key={o.id}>
                <td>#{o.id}</td>
                <td>{o.item}</td>
                <td className="numbers">{o.amount}</td>
                <td>{formatDate(o.createdAt)}</td>
                <td>{o.paidAt ? formatDate(o.paidAt) : "—"}</td>
                <td>
                  <span className={`status ${o.status}`}>{o.status}</span>
                </td>
                <td>
                  <Link to={`/checkout/${o.id}`}>
                    {o.status === "paid" ? "Receipt" : "Details"}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
