import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import styles from "~/admin/admin.css?url";
import { countWaiting } from "~/admin/queues.server";
import { requireAdmin } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";

// The operators' frame: navigation with what is waiting. Each child route guards itself too.
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return { waiting: await countWaiting() };
}

function Waiting({ n }: { n: number }) {
  return n ? (
    <>
      {" "}
      <span className="count">
        {n}
        <span className="visually-hidden"> waiting</span>
      </span>
    </>
  ) : null;
}

export default function AdminLayout() {
  const { waiting } = useLoaderData<typeof loader>();
  return (
    <div className="container stack">
      <nav className="admin-nav" aria-label="Operations">
        <ul>
          <li>
            <NavLink to="/admin" end>
              Overview
            </NavLink>
          </li>
          <li>
            <NavLink to="/admin/review">Review queue</NavLink>
            <Waiting n={waiting.reviews} />
          </li>
          <li>
            <NavLink to="/admin/reports">Reports</NavLink>
            <Waiting n={waiting.reported_jobs} />
          </li>
          <li>
            <NavLink to="/admin/verifications">Company verification</NavLink>
            <Waiting n={waiting.verifications} />
          </li>
          <li>
            <NavLink to="/admin/credentials">Credentials</NavLink>
            <Waiting n={waiting.credentials} />
          </li>
          <li>
            <NavLink to="/admin/orders">Orders</NavLink>
          </li>
          <li>
            <NavLink to="/admin/companies">Companies</NavLink>
          </li>
          <li>
            <NavLink to="/admin/users">People</NavLink>
          </li>
          <li>
            <NavLink to="/admin/rules">Spam rules</NavLink>
          </li>
          <li>
            <NavLink to="/admin/audit">Audit log</NavLink>
          </li>
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
