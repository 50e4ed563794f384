import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getCompanyForAdmin } from "~/admin/companies.server";
import { SuspendForm } from "~/admin/suspend-form";
import { handleSuspensionForm } from "~/admin/suspension-action.server";
import { requireAdmin } from "~/auth/guards.server";
import { revokeVerification } from "~/companies/verification.server";
import { ConfirmPage } from "~/components/confirm-button";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatDate, jobPath } from "~/jobs/format";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFoundIfMissing, parseId } from "~/utils/http";

export const meta: MetaFunction = () => [
  { title: "Company | MedCode Jobs" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const id = parseId(params.id);
  return notFoundIfMissing(id ? await getCompanyForAdmin(id) : null, "No such company.");
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireAdmin(request);
  const companyId = notFoundIfMissing(parseId(params.id), "No such company.");
  const page = `/admin/companies/${companyId}`;
  const formData = await request.formData();
  if (formData.get("intent") === "revoke") {
    const note = String(formData.get("note") ?? "")
      .trim()
      .slice(0, 2000);
    if (note.length < 3)
      return data(
        { revokeError: "Say why the badge is removed (at least 3 characters)." },
        { status: 400 },
      );
    const revoked = await revokeVerification({ companyId, actor: user, note });
    throw await redirectWithFlash(
      page,
      revoked ? "Verification removed." : { kind: "info", message: "It was not verified." },
    );
  }
  return handleSuspensionForm(formData, {
    target: { kind: "company", id: companyId },
    actor: user,
    page,
  });
}

export default function AdminCompany() {
  const actionData = useActionData<typeof action>();
  const { company, jobs, orders, reports, members, jobList, verifications } =
    useLoaderData<typeof loader>();
  if (actionData && "confirmation" in actionData)
    return <ConfirmPage confirmation={actionData.confirmation} />;
  const failed = actionData && "suspendError" in actionData ? actionData : null;
  return (
    <>
      <p className="muted">
        <Link to="/admin/companies">Companies</Link> › {company.name}
      </p>
      <h1>{company.name}</h1>
      <p>
        <Link to={`/companies/${company.slug}`}>Public page</Link> ·{" "}
        <Link to={`/admin/audit?companyId=${company.id}`}>Audit log for this company</Link> ·{" "}
        <Link to={`/admin/orders?q=${encodeURIComponent(company.name)}`}>Orders</Link>
      </p>
      <div className="grid-2">
        <section className="card" aria-labelledby="facts-title">
          <h2 id="facts-title">History</h2>
          <dl className="facts">
            <dt>Joined</dt>
            <dd>{formatDate(company.created_at)}</dd>
            <dt>Website</dt>
            <dd>{company.website ?? "none given"}</dd>
            <dt>Jobs</dt>
            <dd>
              {Object.entries(jobs)
                .map(([status, n]) => `${n} ${status.replace("_", " ")}`)
                .join(", ") || "none"}
            </dd>
            <dt>Orders</dt>
            <dd>
              {orders.paid} paid, {orders.refunded} refunded, {orders.disputed} disputed
            </dd>
            <dt>Reports</dt>
            <dd>
              {reports.total} in all, {reports.open} open, {reports.upheld} upheld
            </dd>
          </dl>
          <h3 className="small-heading">Members</h3>
          <ul>
            {members.map((m) => (
              <li key={m.id}>
                <Link to={`/admin/users/${m.id}`}>{m.name}</Link> ({m.role}) {m.email}
                {m.suspended_at ? " · suspended" : ""}
              </li>
            ))}
          </ul>
        </section>
        <section className="card" aria-labelledby="verified-title">
          <h2 id="verified-title">Verification</h2>
          {company.verified_at ? (
            <>
              <p>
                Verified on {formatDate(company.verified_at)}
                {company.verified_domain ? ` for ${company.verified_domain}` : ""}.
              </p>
              <Form method="post">
                <input type="hidden" name="intent" value="revoke" />
                <div className="field">
                  <label htmlFor="revoke-note">Why remove the badge?</label>
                  <input id="revoke-note" name="note" maxLength={2000} />
                  {actionData && "revokeError" in actionData ? (
                    <p className="field-errors">{actionData.revokeError}</p>
                  ) : null}
                </div>
                <button type="submit" className="button secondary">
                  Remove verification
                </button>
              </Form>
            </>
          ) : (
            <p>Not verified.</p>
          )}
          {verifications.length ? (
            <ul className="small">
              {verifications.map((v) => (
                <li key={v.id}>
                  {formatDate(v.created_at)}: {v.work_email} ({v.domain}) ·{" "}
                  {v.status.replace("_", " ")}
                  {v.decided_by_name ? ` by ${v.decided_by_name}` : ""}
                  {v.decision_note ? `: ${v.decision_note}` : ""}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      </div>
      <SuspendForm
        what="company"
        suspendedAt={company.suspended_at}
        reason={company.suspended_reason}
        error={failed?.suspendError}
        typed={failed?.typed}
      />
      <section className="card" aria-labelledby="jobs-title">
        <h2 id="jobs-title">Latest jobs</h2>
        <ul>
          {jobList.map((j) => (
            <li key={j.id}>
              {j.status === "published" && !j.held_since ? (
                <Link to={jobPath(j)}>{j.title}</Link>
              ) : (
                j.title
              )}{" "}
              <span className="muted small">
                {j.status.replace("_", " ")}
                {j.held_since ? ", held out of search" : ""}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
