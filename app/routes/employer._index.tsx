import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireEmployer } from "~/auth/guards.server";
import { creditsLeft } from "~/billing/credits.server";
import styles from "~/billing/employer.css?url";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/notice";
import { jobPath } from "~/jobs/format";
import { jobStatusLabel } from "~/jobs/job-status";
import { listDashboardJobs } from "~/jobs/posting-stats.server";
import { parseId } from "~/utils/http";
import { plural } from "~/utils/plural";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = () => [
  { title: "Employer dashboard | MedCode Jobs" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, company, role } = await requireEmployer(request);
  const page = Math.min(1000, parseId(new URL(request.url).searchParams.get("page") ?? "1") ?? 1);
  const [list, credits] = await Promise.all([
    listDashboardJobs({ companyId: company.id, page }),
    creditsLeft(company.id),
  ]);
  return { name: user.name, company, role, credits, ...list };
}

/** Views over the last 14 days as a tiny line: no library, no script. */
function Trend({ points, label }: { points: number[]; label: string }) {
  const width = 112;
  const height = 28;
  const max = Math.max(1, ...points);
  const step = width / Math.max(1, points.length - 1);
  const path = points
    .map((v, i) => `${(i * step).toFixed(1)},${(height - 2 - (v / max) * (height - 4)).toFixed(1)}`)
    .join(" ");
  return (
    <svg
      className="trend"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
    >
      <polyline points={path} fill="none" stroke="#0f5fa8" strokeWidth="2" strokeLinejoin="round" />
    </svg>
  );
}

export default function EmployerHome() {
  const { name, company, role, jobs, credits, total, page, pageCount } =
    useLoaderData<typeof loader>();
  return (
    <div className="container stack">
      <h1>{company.name}</h1>
      <p>
        Welcome, {name} ({role}). {credits ? `${credits} post credits left. ` : ""}
        <Link to="/employer/jobs/new" className="button">
          Post a job
        </Link>
      </p>
      <nav aria-label="Employer">
        <ul className="form-actions" style={{ listStyle: "none", padding: 0 }}>
          <li>
            <Link to="/employer/company">Company profile</Link>
          </li>
          <li>
            <Link to="/employer/team">Team</Link>
          </li>
          <li>
            <Link to="/employer/settings">Notifications</Link>
          </li>
          <li>
            <Link to="/employer/billing">Billing</Link>
          </li>
          <li>
            <Link to="/pricing">Pricing</Link>
          </li>
        </ul>
      </nav>
      {total === 0 ? (
        <Notice>
          No jobs yet. Write your first one: you can save it as a draft and preview it before
          paying.
        </Notice>
      ) : (
        <table className="table stacked">
          <caption className="visually-hidden">Your jobs</caption>
          <thead>
            <tr>
              <th scope="col">Job</th>
              <th scope="col">Status</th>
              <th scope="col" className="numbers">
                Days left
              </th>
              <th scope="col" className="numbers">
                Views
              </th>
              <th scope="col" className="numbers">
                Apply clicks
              </th>
              <th scope="col" className="numbers">
                Applications
              </th>
              <th scope="col">Last 14 days</th>
              <th scope="col">Next</th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((job) => (
              <tr key={job.id}>
                <td>
                  <Link to={`/employer/jobs/${job.id}`}>{job.title}</Link>
                  {job.featured ? <span className="badge">Featured</span> : null}
                  {job.live ? (
                    <>
                      {" "}
                      <Link to={jobPath(job)} className="small">
                        (public page)
                      </Link>
                    </>
                  ) : null}
                </td>
                <td data-label="Status">
                  <span className={`status ${job.held ? "held" : job.status}`}>
                    {jobStatusLabel(job.status, { held: job.held })}
                  </span>
                </td>
                <td className="numbers" data-label="Days left">
                  {job.daysLeft ?? "—"}
                </td>
                <td className="numbers" data-label="Views">
                  {job.views}
                </td>
                <td className="numbers" data-label="Apply clicks">
                  {job.apply_clicks}
                </td>
                <td className="numbers" data-label="Applications">
                  <span>
                    <Link
                      to={`/employer/jobs/${job.id}/applicants`}
                      aria-label={`${job.applications} applications for ${job.title}`}
                    >
                      {job.applications}
                    </Link>
                    {job.new_applications ? (
                      <span className="muted"> ({job.new_applications} new)</span>
                    ) : null}
                  </span>
                </td>
                <td data-label="Last 14 days">
                  <Trend points={job.trend} label={`Views of ${job.title} over the last 14 days`} />
                </td>
                <td>
                  {job.next ? (
                    <Link
                      to={
                        job.next.to === "edit"
                          ? `/employer/jobs/${job.id}/edit`
                          : `/employer/jobs/${job.id}${job.next.to === "renew" ? "#renew" : "#publish"}`
                      }
                    >
                      {job.next.label}
                    </Link>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pageCount > 1 ? (
        <nav className="pagination" aria-label="Pages of jobs">
          {page > 1 ? <Link to={`?page=${page - 1}`}>← Previous</Link> : null}
          <span>
            Page {page} of {pageCount} ({plural(total, "job")})
          </span>
          {page < pageCount ? <Link to={`?page=${page + 1}`}>Next →</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
