import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { getUserForAdmin } from "~/admin/companies.server";
import { SuspendForm } from "~/admin/suspend-form";
import { handleSuspensionForm } from "~/admin/suspension-action.server";
import { requireAdmin } from "~/auth/guards.server";
import { ConfirmPage } from "~/components/confirm-button";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatDate } from "~/jobs/format";
import { notFoundIfMissing, parseId } from "~/utils/http";

export const meta: MetaFunction = () => [
  { title: "Person | MedCode Jobs" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const operator = await requireAdmin(request);
  const id = parseId(params.id);
  const found = notFoundIfMissing(id ? await getUserForAdmin(id) : null, "No such person.");
  return { ...found, self: found.user.id === operator.id };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireAdmin(request);
  const userId = notFoundIfMissing(parseId(params.id), "No such person.");
  return handleSuspensionForm(await request.formData(), {
    target: { kind: "user", id: userId },
    actor: user,
    page: `/admin/users/${userId}`,
  });
}

export default function AdminPerson() {
  const actionData = useActionData<typeof action>();
  const { user, companies, jobs, sessions, self } = useLoaderData<typeof loader>();
  if (actionData && "confirmation" in actionData)
    return <ConfirmPage confirmation={actionData.confirmation} />;
  const failed = actionData && "suspendError" in actionData ? actionData : null;
  return (
    <>
      <p className="muted">
        <Link to="/admin/users">People</Link> › {user.name}
      </p>
      <h1>{user.name}</h1>
      <dl className="facts">
        <dt>Email</dt>
        <dd>
          {user.email}
          {user.email_verified_at ? "" : " (not confirmed)"}
        </dd>
        <dt>Role</dt>
        <dd>
          {user.role === "admin" ? "Operator" : user.role === "candidate" ? "Coder" : "Employer"}
        </dd>
        <dt>Joined</dt>
        <dd>{formatDate(user.created_at)}</dd>
        <dt>Signed in</dt>
        <dd>{sessions === 1 ? "1 session" : `${sessions} sessions`}</dd>
        {companies.length ? (
          <>
            <dt>Companies</dt>
            <dd>
              {companies.map((c, i) => (
                <span key={c.id}>
                  {i ? ", " : ""}
                  <Link to={`/admin/companies/${c.id}`}>{c.name}</Link> ({c.role})
                  {c.suspended_at ? " · suspended" : ""}
                </span>
              ))}
            </dd>
          </>
        ) : null}
      </dl>
      <p>
        <Link to={`/admin/audit?actor=${user.id}`}>What they did (audit log)</Link> ·{" "}
        <Link to={`/admin/audit?subjectType=user&subjectId=${user.id}`}>What was done to them</Link>
      </p>
      {self ? (
        <p className="muted">This is your own account.</p>
      ) : (
        <SuspendForm
          what="account"
          suspendedAt={user.suspended_at}
          reason={user.suspended_reason}
          error={failed?.suspendError}
          typed={failed?.typed}
        />
      )}
      {jobs.length ? (
        <section className="card" aria-labelledby="posted-title">
          <h2 id="posted-title">Jobs they posted</h2>
          <ul>
            {jobs.map((j) => (
              <li key={j.id}>
                {j.title}{" "}
                <span className="muted small">
                  {j.status.replace("_", " ")}
                  {j.held_since ? ", held out of search" : ""}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
