import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { listCompaniesForAdmin } from "~/admin/companies.server";
import { requireAdmin } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatDate } from "~/jobs/format";

export const meta: MetaFunction = () => [
  { title: "Companies | MedCode Jobs" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 100);
  return { q, companies: await listCompaniesForAdmin({ q }) };
}

export default function Companies() {
  const { q, companies } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Companies</h1>
      <Form method="get" className="filter-bar" aria-label="Find a company">
        <div className="field">
          <label htmlFor="companies-q">Name</label>
          <input id="companies-q" name="q" defaultValue={q} />
        </div>
        <button type="submit" className="button secondary">
          Find
        </button>
      </Form>
      {companies.length === 0 ? (
        <p>No company matches.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Companies, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Company</th>
              <th scope="col">Joined</th>
              <th scope="col" className="numbers">
                Jobs
              </th>
              <th scope="col">Standing</th>
            </tr>
          </thead>
          <tbody>
            {companies.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/admin/companies/${c.id}`}>{c.name}</Link>
                  {c.website ? <div className="muted small">{c.website}</div> : null}
                </td>
                <td>{formatDate(c.created_at)}</td>
                <td className="numbers">{c.job_count}</td>
                <td>
                  {c.suspended_at ? <span className="status removed">Suspended</span> : null}
                  {c.verified_at ? <span className="status published">Verified</span> : null}
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
