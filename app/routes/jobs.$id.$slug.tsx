import { data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { JobList } from "~/components/job-card";
import {
  EMPLOYMENT_TYPES,
  formatDate,
  formatLocation,
  formatPay,
  formatPayAlternate,
  jobPath,
  LEVELS,
} from "~/jobs/format";
import { getJobPage, listSimilarJobs } from "~/jobs/jobs.server";
import { jobPostingJsonLd } from "~/jobs/json-ld";
import { getEnv } from "~/utils/env.server";
import { parseId } from "~/utils/http";
import { markdownToText, renderMarkdown } from "~/utils/markdown.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const id = parseId(params.id);
  const job = id ? await getJobPage(id) : undefined;
  if (!job) throw data("This job does not exist.", { status: 404 });
  if (params.slug !== job.slug) throw redirect(jobPath(job), 301);
  const similar = await listSimilarJobs({ jobId: job.id, limit: job.open ? 4 : 8 });
  const canonical = `${getEnv().APP_URL}${jobPath(job)}`;
  const page = {
    job,
    similar,
    canonical,
    descriptionHtml: renderMarkdown(job.description),
    summary: markdownToText(job.description).slice(0, 200),
    jsonLd: job.open ? jobPostingJsonLd(job, canonical) : null,
  };
  // A closed or expired job is gone for good: 410 tells crawlers to drop it.
  return job.open ? page : data(page, { status: 410 });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => {
  if (!page) return [{ title: "Job not found | MedCode Jobs" }];
  const title = `${page.job.title} at ${page.job.company?.name} | MedCode Jobs`;
  return [
    { title },
    { name: "description", content: page.summary },
    { tagName: "link", rel: "canonical", href: page.canonical },
    { property: "og:type", content: "website" },
    { property: "og:title", content: title },
    { property: "og:description", content: page.summary },
    { property: "og:url", content: page.canonical },
    ...(page.job.open ? [] : [{ name: "robots", content: "noindex" }]),
    ...(page.jsonLd ? [{ "script:ld+json": page.jsonLd }] : []),
  ];
};

export default function JobPage() {
  const { job, similar, descriptionHtml } = useLoaderData<typeof loader>();
  const pay = formatPay(job);
  const payAlt = formatPayAlternate(job);
  const required = job.credentials.filter((c) => c.required);
  const preferred = job.credentials.filter((c) => !c.required);
  const gone =
    job.status === "closed"
      ? "This job has been filled."
      : "This job is no longer accepting applications.";
  return (
    <div className="container grid-2">
      <article>
        {!job.open ? (
          <div className="notice" role="status">
            <strong>{gone}</strong> See similar open jobs below.
          </div>
        ) : null}
        <header className="job-header">
          <div>
            <h1>
              {job.title}
              {job.featured && job.open ? <span className="badge">Featured</span> : null}
            </h1>
            <p className="muted">
              {job.company?.name} · {formatLocation(job)}
            </p>
          </div>
          {job.open ? (
            <Link to={`/jobs/${job.id}/apply`} className="button">
              Apply now
            </Link>
          ) : null}
        </header>
        <section className="card" aria-label="Job facts">
          <dl className="facts">
            <dt>Setting</dt>
            <dd>{formatLocation(job)}</dd>
            {pay ? (
              <>
                <dt>Pay</dt>
                <dd>
                  {pay} <span className="muted">({payAlt})</span>
                </dd>
              </>
            ) : null}
            <dt>Type</dt>
            <dd>{EMPLOYMENT_TYPES[job.employment_type as keyof typeof EMPLOYMENT_TYPES]}</dd>
            <dt>Level</dt>
            <dd>
              {LEVELS[job.level as keyof typeof LEVELS]}
              {job.years_experience != null
                ? `, ${job.years_experience}+ years of coding experience`
                : ""}
            </dd>
            {required.length ? (
              <>
                <dt>Required</dt>
                <dd>{required.map((c) => `${c.code} (${c.name})`).join("; ")}</dd>
              </>
            ) : null}
            {preferred.length ? (
              <>
                <dt>Preferred</dt>
                <dd>{preferred.map((c) => `${c.code} (${c.name})`).join("; ")}</dd>
              </>
            ) : null}
            {job.charts_per_day ? (
              <>
                <dt>Productivity</dt>
                <dd>{job.charts_per_day} charts a day</dd>
              </>
            ) : null}
            {job.accuracy_pct ? (
              <>
                <dt>Accuracy</dt>
                <dd>{job.accuracy_pct}% audited accuracy</dd>
              </>
            ) : null}
            {job.published_at ? (
              <>
                <dt>Posted</dt>
                <dd>{formatDate(job.published_at)}</dd>
              </>
            ) : null}
            {job.valid_through && job.open ? (
              <>
                <dt>Closes</dt>
                <dd>{formatDate(job.valid_through)}</dd>
              </>
            ) : null}
          </dl>
          {job.specialties.length ? (
            <ul className="tags" aria-label="Specialties">
              {job.specialties.map((s) => (
                <li key={s.slug}>
                  <Link className="tag" to={`/jobs?specialty=${s.slug}`}>
                    {s.name}
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
        {/* Sanitized on the server by renderMarkdown. */}
        <section
          className="prose"
          aria-label="Description"
          dangerouslySetInnerHTML={{ __html: descriptionHtml }}
        />
        {job.open ? (
          <p>
            <Link to={`/jobs/${job.id}/apply`} className="button">
              Apply now
            </Link>
          </p>
        ) : null}
      </article>
      <aside>
        {job.company ? (
          <section className="card" aria-label="Company">
            <h2>{job.company.name}</h2>
            <p className="muted">
              {[job.company.headquarters, job.company.size].filter(Boolean).join(" · ")}
            </p>
            {job.company.verified_at ? <p>✓ Verified employer</p> : null}
          </section>
        ) : null}
        {similar.length ? (
          <section aria-labelledby="similar-title">
            <h2 id="similar-title">{job.open ? "Similar jobs" : "Similar open jobs"}</h2>
            <JobList jobs={similar} />
          </section>
        ) : null}
      </aside>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
