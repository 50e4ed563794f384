import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getUser } from "~/auth/guards.server";
import { listSpecialtiesWithCounts } from "~/codes/specialties.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { JobList } from "~/components/job-card";
import { countOpenJobs, listFeaturedJobs, listLatestJobs } from "~/jobs/jobs.server";
import { listJobMatches } from "~/jobs/matches.server";
import { formatNumber } from "~/utils/intl";

export const meta: MetaFunction = () => [
  { title: "MedCode Jobs: medical coding jobs by specialty, credential and code" },
  {
    name: "description",
    content:
      "The job board for medical coders: remote, hybrid and on-site coding jobs by specialty, credential (CPC, CCS, CRC) and the code families each job works in.",
  },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const [featured, latest, specialties, total, matches] = await Promise.all([
    listFeaturedJobs({ limit: 4 }),
    listLatestJobs({ limit: 8 }),
    listSpecialtiesWithCounts(),
    countOpenJobs(),
    user?.role === "candidate" ? listJobMatches(user.id, { limit: 4 }) : null,
  ]);
  return {
    featured,
    latest,
    specialties: specialties.filter((s) => s.open_jobs > 0),
    total,
    matches,
  };
}

export default function Home() {
  const { featured, latest, specialties, total, matches } = useLoaderData<typeof loader>();
  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <div className="container">
          <h1 id="hero-title">Medical coding jobs, matched to the codes you know</h1>
          <p>
            {formatNumber(total)} open roles for CPC, CCS, CRC and other certified coders: remote,
            hybrid and on-site, by specialty and code family.
          </p>
          <Form method="get" action="/jobs" className="search-bar" role="search">
            <label htmlFor="home-q" className="visually-hidden">
              Keyword, specialty or code
            </label>
            <input
              id="home-q"
              name="q"
              type="search"
              placeholder="e.g. risk adjustment, 99213, CPC"
            />
            <button type="submit" className="button secondary">
              Search jobs
            </button>
          </Form>
        </div>
      </section>
      <div className="container grid-2">
        <div>
          {matches ? (
            <section aria-labelledby="matches-title">
              <h2 id="matches-title">Jobs that fit you</h2>
              {matches.length ? (
                <JobList jobs={matches} />
              ) : (
                <p className="muted">
                  <Link to="/me/profile">Add your credentials and specialties</Link> to see jobs
                  that fit you.
                </p>
              )}
              <p>
                <Link to="/me">All jobs that fit you</Link>
              </p>
            </section>
          ) : null}
          {featured.length ? (
            <section aria-labelledby="featured-title">
              <h2 id="featured-title">Featured jobs</h2>
              <JobList jobs={featured} />
            </section>
          ) : null}
          <section aria-labelledby="latest-title">
            <h2 id="latest-title">Latest jobs</h2>
            <JobList jobs={latest} />
            <p>
              <Link to="/jobs" className="button">
                See all {formatNumber(total)} jobs
              </Link>
            </p>
          </section>
        </div>
        <aside aria-labelledby="specialties-title">
          <h2 id="specialties-title">Browse by specialty</h2>
          <ul className="specialty-grid">
            {specialties.map((s) => (
              <li key={s.slug}>
                <Link to={`/specialties/${s.slug}`}>
                  {s.name} <span className="muted">({s.open_jobs})</span>
                </Link>
              </li>
            ))}
          </ul>
        </aside>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
