import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { goLiveRule } from "~/admin/moderation-text";
import { getUser } from "~/auth/guards.server";
import styles from "~/billing/employer.css?url";
import { listPlans } from "~/billing/plans.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getEnv } from "~/utils/env.server";
import { formatCents } from "~/utils/money";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction = () => [
  { title: "Pricing for employers | MedCode Jobs" },
  {
    name: "description",
    content:
      "Post a medical coding job for 30 days, feature it above matching jobs, or save with a 5-post bundle.",
  },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const plans = (await listPlans()).filter((plan) => plan.kind !== "upgrade");
  const upgrade = (await listPlans()).find((plan) => plan.kind === "upgrade");
  return {
    employer: user?.role === "employer",
    plans: plans.map((plan) => ({
      code: plan.code,
      name: plan.name,
      summary: plan.summary,
      featured: plan.featured,
      credits: plan.credits,
      price: formatCents(plan.price_cents),
    })),
    upgrade: upgrade ? formatCents(upgrade.price_cents) : null,
    goLive: goLiveRule(getEnv().MODERATION),
  };
}

export default function Pricing() {
  const { plans, employer, upgrade, goLive } = useLoaderData<typeof loader>();
  const start = employer ? "/employer/jobs/new" : "/signup?role=employer";
  return (
    <div className="container stack">
      <h1>Pricing</h1>
      <p className="lead">
        Pay once per job; no subscription. You can edit a job while it runs at no charge.
      </p>
      <p>
        {goLive} <Link to="/employer/verification">How verification works</Link>.
      </p>
      <ul className="plans">
        {plans.map((plan) => (
          <li key={plan.code} className={`card plan${plan.featured ? " highlight" : ""}`}>
            <h2>{plan.name}</h2>
            <p className="plan-price">{plan.price}</p>
            <p>{plan.summary}</p>
            <p>
              {plan.credits ? (
                <Link className="button secondary" to={employer ? "/employer/billing" : start}>
                  Buy the bundle
                </Link>
              ) : (
                <Link className="button" to={start}>
                  Post a job
                </Link>
              )}
            </p>
          </li>
        ))}
      </ul>
      {upgrade ? (
        <p className="muted">
          Upgrade a live Standard job to Featured for {upgrade}. Renewing adds 30 days; renewing
          early keeps the days you have left.
        </p>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
