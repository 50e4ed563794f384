import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { listUsersForAdmin } from "~/admin/companies.server";
import { requireAdmin } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatDate } from "~/jobs/format";

export const meta: MetaFunction = () => [
  { title: "People | MedCode Jobs" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 120);
  return { q, users: await listUsersForAdmin({ q }) };
}

const ROLES: Record<string, string> = {
  candidate: "Coder",
  employer: "Employer",
  admin: "Operator",
};

export default function People() {
  const { q, users } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>People</h1>
      <Form method="get" className="filter-bar" aria-label="Find a person">
        <div className="field">
          <label htmlFor="people-q">Name or email</label>
          <input id="people-q" name="q" defaultValue={q} />
        </div>
        <button type="submit" className="button secondary">
          Find
        </button>
      </Form>
      {users.length === 0 ? (
        <p>Nobody matches.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">People, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Joined</th>
              <th scope="col">Standing</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>
                  <Link to={`/admin/users/${u.id}`}>{u.name}</Link>
                  <div className="muted small">{u.email}</div>
                </td>
                <td>{ROLES[u.role] ?? u.role}</td>
                <td>{formatDate(u.created_at)}</td>
                <td>
                  {u.suspended_at ? <span className="status removed">Suspended</span> : null}
                  {u.email_verified_at ? null : (
                    <span className="muted small">email not confirmed</span>
                  )}
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
