import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { AUDIT_ACTIONS, AuditFilterSchema } from "~/admin/admin-schemas";
import { listAudit } from "~/admin/audit.server";
import { requireAdmin } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction = () => [
  { title: "Audit log | MedCode Jobs" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const params = Object.fromEntries(new URL(request.url).searchParams);
  // Filters are forgiving: a bad value is ignored rather than an error page.
  const filters = AuditFilterSchema.parse(
    Object.fromEntries(Object.entries(params).filter(([, v]) => v !== "")),
  );
  const page = await listAudit(filters);
  return { filters, ...page };
}

const SUBJECTS = ["job", "company", "user", "order", "credential", "spam_rule", "spam_settings"];

function subjectLink(type: string, id: number | null) {
  if (id == null) return type.replace("_", " ");
  if (type === "company") return <Link to={`/admin/companies/${id}`}>company #{id}</Link>;
  if (type === "user") return <Link to={`/admin/users/${id}`}>person #{id}</Link>;
  return `${type.replace("_", " ")} #${id}`;
}

function Json({ value }: { value: unknown }) {
  if (value == null) return <span className="muted">none</span>;
  return <pre className="audit-json">{JSON.stringify(value, null, 1)}</pre>;
}

export default function AuditLog() {
  const { filters, rows, nextBefore } = useLoaderData<typeof loader>();
  const next = new URLSearchParams(
    Object.entries({ ...filters, before: nextBefore ?? undefined })
      .filter(([, v]) => v != null && v !== "")
      .map(([k, v]) => [k, String(v)]),
  );
  return (
    <>
      <h1>Audit log</h1>
      <p className="muted">
        Every operator action and every change an employer makes to a job that has been live, newest
        first: who, what, when, before and after. Entries are never changed or deleted.
      </p>
      <Form method="get" className="filter-bar" aria-label="Filter the audit log">
        <div className="field">
          <label htmlFor="audit-action">Action</label>
          <select id="audit-action" name="action" defaultValue={filters.action ?? ""}>
            <option value="">Any</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-subject">About</label>
          <select id="audit-subject" name="subjectType" defaultValue={filters.subjectType ?? ""}>
            <option value="">Anything</option>
            {SUBJECTS.map((s) => (
              <option key={s} value={s}>
                {s.replace("_", " ")}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-subject-id">Its number</label>
          <input
            id="audit-subject-id"
            name="subjectId"
            inputMode="numeric"
            defaultValue={filters.subjectId ?? ""}
          />
        </div>
        <div className="field">
          <label htmlFor="audit-company">Company number</label>
          <input
            id="audit-company"
            name="companyId"
            inputMode="numeric"
            defaultValue={filters.companyId ?? ""}
          />
        </div>
        <div className="field">
          <label htmlFor="audit-actor">Who (name or number)</label>
          <input id="audit-actor" name="actor" defaultValue={filters.actor ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="audit-from">From</label>
          <input id="audit-from" name="from" type="date" defaultValue={filters.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="audit-to">To</label>
          <input id="audit-to" name="to" type="date" defaultValue={filters.to ?? ""} />
        </div>
        <button type="submit" className="button secondary">
          Filter
        </button>
        <Link to="/admin/audit">Clear</Link>
      </Form>
      {rows.length === 0 ? (
        <p>No entries match.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Audit entries, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When (UTC)</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td className="small">
                  {new Date(row.created_at).toISOString().replace("T", " ").slice(0, 19)}
                </td>
                <td>
                  {row.actor_id ? (
                    <Link to={`/admin/users/${row.actor_id}`}>{row.actor_name}</Link>
                  ) : (
                    row.actor_name
                  )}
                  <div className="muted small">{row.actor_role}</div>
                </td>
                <td>
                  <code>{row.action}</code> {subjectLink(row.subject_type, row.subject_id)}
                  {row.company_id && row.subject_type !== "company" ? (
                    <div className="small">
                      <Link to={`/admin/companies/${row.company_id}`}>
                        company #{row.company_id}
                      </Link>
                    </div>
                  ) : null}
                  {row.note ? <div className="small">{row.note}</div> : null}
                </td>
                <td>
                  <Json value={row.before} />
                </td>
                <td>
                  <Json value={row.after} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {nextBefore ? (
        <p>
          <Link to={`?${next}`}>Older entries</Link>
        </p>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
