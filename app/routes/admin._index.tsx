import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getSiteMetrics, METRIC_DAYS } from "~/admin/metrics.server";
import { countWaiting } from "~/admin/queues.server";
import { requireAdmin } from "~/auth/guards.server";
import { BarChart, LineChart, type Series } from "~/components/chart";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { jobStatusLabel } from "~/jobs/job-status";
import { formatNumber } from "~/utils/intl";
import { formatCents } from "~/utils/money";
import { plural } from "~/utils/plural";

export const meta: MetaFunction = () => [
  { title: "Operations | MedCode Jobs" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireAdmin(request);
  const [metrics, waiting] = await Promise.all([getSiteMetrics(), countWaiting()]);
  return { name: user.name, metrics, waiting, days: METRIC_DAYS, now: new Date().toISOString() };
}

function waitedFor(since: string | Date | null, now: string) {
  if (!since) return null;
  const hours = Math.floor((new Date(now).getTime() - new Date(since).getTime()) / 3_600_000);
  return hours < 48 ? plural(hours, "hour") : plural(Math.floor(hours / 24), "day");
}

/** A chart and the same numbers as a table, side by side. */
function Metric({
  id,
  title,
  note,
  labels,
  series,
  format,
  labelHeading = "Day",
}: {
  id: string;
  title: string;
  note?: React.ReactNode;
  labels: string[];
  series: Series[];
  format?: (value: number) => string;
  labelHeading?: string;
}) {
  const show = format ?? ((v: number) => formatNumber(v));
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {note ? <p className="muted small">{note}</p> : null}
      <div className="metric">
        <LineChart title={title} labels={labels} series={series} format={format} />
        <div className="metric-table">
          <table className="table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{labelHeading}</th>
                {series.map((s) => (
                  <th scope="col" key={s.name} className="numbers">
                    {s.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {labels
                .map((label, i) => (
                  <tr key={label}>
                    <th scope="row">{label}</th>
                    {series.map((s) => (
                      <td key={s.name} className="numbers">
                        {show(s.values[i])}
                      </td>
                    ))}
                  </tr>
                ))
                .reverse()}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}

export default function AdminOverview() {
  const { name, metrics, waiting, days: windowDays, now } = useLoaderData<typeof loader>();
  const days = (rows: { day: string }[]) => rows.map((r) => r.day);
  const column = <Row extends Record<string, unknown>>(rows: Row[], key: keyof Row) =>
    rows.map((r) => Number(r[key]));
  const alerts = metrics.alerts;
  const alertTotals = alerts
    ? alerts.reduce(
        (t, r) => ({
          sent: t.sent + Number(r.sent),
          bounces: t.bounces + Number(r.bounces),
          complaints: t.complaints + Number(r.complaints),
        }),
        { sent: 0, bounces: 0, complaints: 0 },
      )
    : null;
  const rate = (n: number) =>
    alertTotals?.sent ? `${((100 * n) / alertTotals.sent).toFixed(2)}%` : "none sent";
  return (
    <>
      <h1>Operations</h1>
      <p className="muted">
        Signed in as {name}, operator. Figures cover the last {windowDays} days, UTC.
      </p>
      <ul className="headline-numbers" aria-label="Waiting for operators">
        <li>
          <strong>{waiting.reviews}</strong>
          <Link to="/admin/review">jobs awaiting review</Link>
          {waiting.oldest_review ? (
            <span className="muted small">
              {" "}
              · oldest waiting {waitedFor(waiting.oldest_review, now)}
            </span>
          ) : null}
        </li>
        <li>
          <strong>{waiting.reported_jobs}</strong>
          <Link to="/admin/reports">jobs with open reports</Link>
          <span className="muted small"> · {waiting.held_jobs} held out of search</span>
        </li>
        <li>
          <strong>{waiting.verifications}</strong>
          <Link to="/admin/verifications">company verifications</Link>
        </li>
        <li>
          <strong>{waiting.credentials}</strong>
          <Link to="/admin/credentials">credentials to check</Link>
        </li>
      </ul>

      <section className="card" aria-labelledby="status-title">
        <h2 id="status-title">Jobs by status, now</h2>
        <div className="metric">
          <BarChart
            title="Jobs by status"
            items={metrics.statuses.map((s) => ({
              label: jobStatusLabel(s.status),
              value: s.count,
            }))}
          />
          <table className="table">
            <caption className="visually-hidden">Jobs by status</caption>
            <thead>
              <tr>
                <th scope="col">Status</th>
                <th scope="col" className="numbers">
                  Jobs
                </th>
              </tr>
            </thead>
            <tbody>
              {metrics.statuses.map((s) => (
                <tr key={s.status}>
                  <th scope="row">{jobStatusLabel(s.status)}</th>
                  <td className="numbers">{formatNumber(s.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <Metric
        id="open-title"
        title="Open jobs per day"
        note="Counted from each job's publish, end and close dates; jobs taken down are left out."
        labels={days(metrics.openJobs)}
        series={[{ name: "Open", values: column(metrics.openJobs, "open") }]}
      />
      <Metric
        id="review-title"
        title="Review queue per day"
        note={
          <>
            {plural(metrics.waiting.count, "job")} waiting now
            {metrics.waiting.oldest
              ? `, the oldest for ${waitedFor(metrics.waiting.oldest, now)}`
              : ""}
            .
          </>
        }
        labels={days(metrics.reviews)}
        series={[
          { name: "Entered", values: column(metrics.reviews, "entered") },
          { name: "Decided", values: column(metrics.reviews, "decided") },
        ]}
      />
      <Metric
        id="applications-title"
        title="Applications per day"
        labels={days(metrics.applications)}
        series={[{ name: "Applications", values: column(metrics.applications, "applications") }]}
      />
      <Metric
        id="revenue-title"
        title="Revenue per week"
        note="Payments received in the week, refunds and disputes booked in the week, and the difference. Weeks start on Monday."
        labelHeading="Week of"
        labels={metrics.revenue.map((r) => r.week)}
        series={[
          { name: "Paid", values: metrics.revenue.map((r) => r.paid) },
          { name: "Refunded", values: metrics.revenue.map((r) => r.refunded) },
          { name: "Net", values: metrics.revenue.map((r) => r.net) },
        ]}
        format={(cents) => formatCents(cents, "usd", 0)}
      />
      {alerts && alertTotals ? (
        <Metric
          id="alerts-title"
          title="Alert emails per day"
          note={`Sent: ${formatNumber(alertTotals.sent)}. Bounce rate ${rate(alertTotals.bounces)}, complaint rate ${rate(alertTotals.complaints)} (addresses suppressed after a bounce or a complaint, among those sent an alert).`}
          labels={days(alerts)}
          series={[
            { name: "Sent", values: column(alerts, "sent") },
            { name: "Bounces", values: column(alerts, "bounces") },
            { name: "Complaints", values: column(alerts, "complaints") },
          ]}
        />
      ) : (
        <section className="card" aria-labelledby="alerts-title">
          <h2 id="alerts-title">Alert emails</h2>
          <p>
            Job alerts are not built yet, so there are no alert emails, bounces or complaints to
            count. This chart appears once alert emails exist.
          </p>
        </section>
      )}
      <Metric
        id="signups-title"
        title="Sign-ups per day"
        labels={days(metrics.signups)}
        series={[
          { name: "Coders", values: column(metrics.signups, "coders") },
          { name: "Employers", values: column(metrics.signups, "employers") },
        ]}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
