import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listReviewQueue } from "~/admin/review.server";
import { TRIGGER_LABELS } from "~/admin/spam-rules";
import { requireAdmin } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatDate } from "~/jobs/format";
import { plural } from "~/utils/plural";

export const meta: MetaFunction = () => [
  { title: "Review queue | MedCode Jobs" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return { queue: await listReviewQueue(), now: new Date().toISOString() };
}

export default function ReviewQueue() {
  const { queue, now } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Review queue</h1>
      <p className="muted">
        Paid jobs waiting for a decision, oldest first. Their paid days start when they are
        approved.
      </p>
      {queue.length === 0 ? (
        <p>
          Nothing is waiting. New jobs from companies that are not verified yet, and jobs that trip
          a spam rule, appear here after payment.
        </p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Jobs waiting for review</caption>
          <thead>
            <tr>
              <th scope="col">Job</th>
              <th scope="col">Company</th>
              <th scope="col">Why it waits</th>
              <th scope="col">Waiting</th>
              <th scope="col" className="numbers">
                Paid days
              </th>
            </tr>
          </thead>
          <tbody>
            {queue.map((item) => (
              <tr key={item.id}>
                <td>
                  <Link to={`/admin/review/${item.id}`}>{item.title}</Link>
                  {item.featured ? <span className="badge">Featured</span> : null}
                </td>
                <td>
                  <Link to={`/admin/companies/${item.company_id}`}>{item.company_name}</Link>
                  {item.company_verified_at ? " ✓" : ""}
                </td>
                <td>
                  <ul className="trigger-list">
                    {item.triggers.map((t) => (
                      <li key={`${t.code}-${t.detail}`}>{TRIGGER_LABELS[t.code] ?? t.code}</li>
                    ))}
                  </ul>
                </td>
                <td>
                  {plural(
                    Math.max(
                      0,
                      Math.floor(
                        (new Date(now).getTime() - new Date(item.created_at).getTime()) / 3_600_000,
                      ),
                    ),
                    "hour",
                  )}
                  <div className="muted small">since {formatDate(item.created_at)}</div>
                </td>
                <td className="numbers">{item.days}</td>
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
