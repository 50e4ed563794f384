import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AlertSignup } from "~/alerts/alert-signup";
import { getAlertSignup } from "~/alerts/signup.server";
import { formatRange } from "~/codes/code-systems";
import { getSpecialtyPage, SPECIALTY_GROUPS } from "~/codes/specialties.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { OpenJobs } from "~/components/graph";
import { describeSearch } from "~/search/describe";
import { emptyFilters } from "~/search/search-schemas";
import { getEnv } from "~/utils/env.server";
import { invariantResponse } from "~/utils/http";
import { formatDollars } from "~/utils/money";

export async function loader({ params, request }: LoaderFunctionArgs) {
  const slug = params.slug ?? "";
  const page = /^[a-z0-9-]{1,60}$/.test(slug) ? await getSpecialtyPage(slug) : null;
  invariantResponse(page, "We do not track a coding specialty by that name.");
  return {
    ...page,
    groupLabel: SPECIALTY_GROUPS[page.specialty.group] ?? page.specialty.group,
    alertSignup: await getAlertSignup(request, {
      filters: { specialty: [page.specialty.slug] },
      description: describeSearch(
        { ...emptyFilters, specialty: [page.specialty.slug] },
        { specialty: { [page.specialty.slug]: page.specialty.name } },
      ),
    }),
    canonical: `${getEnv().APP_URL ?? ""}/specialties/${page.specialty.slug}`,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => {
  if (!page) return [{ title: "Specialty not found | MedCode Jobs" }];
  return [
    { title: `${page.specialty.name} coding jobs | MedCode Jobs` },
    { name: "description", content: page.specialty.summary.slice(0, 200) },
    { tagName: "link", rel: "canonical", href: page.canonical },
  ];
};

export default function SpecialtyPage() {
  const { specialty, groupLabel, codeRanges, credentials, pay, jobs, totalJobs, alertSignup } =
    useLoaderData<typeof loader>();
  return (
    <div className="container grid-2">
      <article>
        <p className="muted eyebrow">
          <Link to="/specialties">Coding specialties</Link> · {groupLabel}
        </p>
        <h1>{specialty.name} coding jobs</h1>
        <p className="lead">{specialty.summary}</p>
        <OpenJobs
          id="specialty-jobs-title"
          title="Newest open jobs"
          jobs={jobs}
          total={totalJobs}
          moreHref={`/jobs?specialty=${specialty.slug}`}
          empty="No open jobs in this specialty right now."
        />
      </article>
      <aside className="stack">
        <section className="card" aria-labelledby="pay-title">
          <h2 id="pay-title">Pay in open jobs</h2>
          {pay ? (
            <>
              <dl className="facts">
                <dt>Median</dt>
                <dd>{formatDollars(pay.median ?? 0)} a year</dd>
                <dt>Range</dt>
                <dd>
                  {formatDollars(pay.low ?? 0)}–{formatDollars(pay.high ?? 0)} a year
                </dd>
              </dl>
              <p className="muted small">
                From {pay.jobs} open {pay.jobs === 1 ? "job" : "jobs"} that state pay; hourly pay
                counted at 2,080 hours a year.
              </p>
            </>
          ) : (
            <p className="muted">No open job in this specialty states its pay yet.</p>
          )}
        </section>
        {credentials.length ? (
          <section className="card" aria-labelledby="credentials-title">
            <h2 id="credentials-title">Credentials that fit</h2>
            <ul className="tags">
              {credentials.map((c) => (
                <li key={c.code}>
                  <Link
                    className="tag"
                    to={`/credentials/${c.slug}`}
                    title={`${c.name} (${c.issuer})`}
                  >
                    {c.code}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {codeRanges.length ? (
          <section className="card" aria-labelledby="ranges-title">
            <h2 id="ranges-title">Code ranges</h2>
            <ul className="range-list">
              {codeRanges.map((r) => (
                <li key={`${r.system}:${r.from_code}-${r.to_code}`}>
                  <span className="muted">{r.system}</span>{" "}
                  <Link to={r.href}>{formatRange(r.from_code, r.to_code)}</Link>
                  {r.label ? ` ${r.section ? `${r.section}: ` : ""}${r.label}` : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <AlertSignup signup={alertSignup} title={`Email me new ${specialty.name} jobs`} />
      </aside>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
