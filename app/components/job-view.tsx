// The body of the public job page, shared by /jobs/:id/:slug and the employer's preview, so
// the preview shows exactly what coders will see.
import { Link } from "@remix-run/react";
import { codePath } from "~/codes/code-systems";
import type { CodeMention } from "~/codes/codes.server";
import { companyLogoUrl } from "~/companies/logo";
import { SpecialtyLinks } from "~/components/graph";
import { JobList } from "~/components/job-card";
import { Notice } from "~/components/notice";
import { ShareLinks } from "~/components/share-links";
import {
  EMPLOYMENT_TYPES,
  formatDate,
  formatLocation,
  formatPay,
  formatPayAlternate,
  LEVELS,
} from "~/jobs/format";
import type { JobCard, JobPage } from "~/jobs/jobs.server";

// Loader data arrives JSON-serialized (dates as strings); both shapes render the same.
type Jsonish<T> = T extends Date
  ? string | Date
  : T extends object
    ? { [K in keyof T]: Jsonish<T[K]> }
    : T;

export type JobViewProps = {
  job: Jsonish<JobPage>;
  similar: Jsonish<JobCard>[];
  codes: Jsonish<CodeMention>[];
  descriptionHtml: string;
  /** Extra controls beside Apply on the public page (saving the job); none in the preview. */
  actions?: React.ReactNode;
  /** The public page's address, for share links (none in the preview). */
  shareUrl?: string;
  /** Shown at the end of the posting on the public page (the "Report this job" link). */
  footer?: React.ReactNode;
};

export function JobView({
  job,
  similar,
  codes,
  descriptionHtml,
  actions,
  shareUrl,
  footer,
}: JobViewProps) {
  // Picked specialties first, then the suggested ones.
  const specialties = [...job.specialties].sort(
    (a, b) => Number(a.source === "inferred") - Number(b.source === "inferred"),
  );
  const pay = formatPay(job);
  const payAlt = formatPayAlternate(job);
  const required = job.credentials.filter((c) => c.required);
  const preferred = job.credentials.filter((c) => !c.required);
  const logo = job.company ? companyLogoUrl(job.company) : null;
  const gone =
    job.status === "closed"
      ? "This job has been filled."
      : "This job is no longer accepting applications.";
  return (
    <div className="container grid-2">
      <article>
        {!job.open ? (
          <Notice kind="warning">
            <strong>{gone}</strong> See similar open jobs below.
          </Notice>
        ) : null}
        <header className="job-header">
          <div>
            <h1>
              {job.title}
              {job.featured && job.open ? <span className="badge">Featured</span> : null}
            </h1>
            <p className="muted">
              {job.company ? (
                <Link to={`/companies/${job.company.slug}`}>{job.company.name}</Link>
              ) : null}{" "}
              · {formatLocation(job)}
            </p>
          </div>
          <div className="job-actions">
            {job.open ? (
              <Link to={`/jobs/${job.id}/apply`} className="button">
                Apply now
              </Link>
            ) : null}
            {actions}
          </div>
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
                <dd>
                  <CredentialLinks credentials={required} />
                </dd>
              </>
            ) : null}
            {preferred.length ? (
              <>
                <dt>Preferred</dt>
                <dd>
                  <CredentialLinks credentials={preferred} />
                </dd>
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
            <>
              <h2 className="small-heading">Specialties</h2>
              <SpecialtyLinks specialties={specialties} label="Specialties" />
              {specialties.some((s) => s.source === "inferred") ? (
                <p className="muted small">
                  Dashed tags are suggested from the codes and words in this posting.
                </p>
              ) : null}
            </>
          ) : null}
        </section>
        {codes.length ? (
          <section className="card code-families" aria-labelledby="codes-title">
            <h2 id="codes-title">Code families in this posting</h2>
            <ul className="code-list">
              {codes.map((c) => (
                <li key={c.code}>
                  <Link to={codePath(c.code)} className="code">
                    {c.code}
                  </Link>{" "}
                  <span className="muted">
                    {c.systemLabel}
                    {c.label ? ` · ${c.section ? `${c.section}: ` : ""}${c.label}` : ""}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
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
        {shareUrl && job.open ? (
          <ShareLinks url={shareUrl} title={`${job.title} at ${job.company?.name ?? ""}`} />
        ) : null}
        {footer}
      </article>
      <aside>
        {job.company ? (
          <section className="card company-card" aria-labelledby="company-title">
            {logo ? (
              <img
                className="company-logo"
                src={logo}
                alt={`${job.company.name} logo`}
                width={64}
                height={64}
              />
            ) : null}
            <h2 id="company-title">
              <Link to={`/companies/${job.company.slug}`}>{job.company.name}</Link>
            </h2>
            <p className="muted">
              {[job.company.headquarters, job.company.size].filter(Boolean).join(" · ")}
            </p>
            {job.company.verified_at ? (
              <p className="verified">
                ✓ Verified employer
                {job.company.verified_domain ? (
                  <span className="muted small"> · controls {job.company.verified_domain}</span>
                ) : null}
              </p>
            ) : null}
            <p>
              <Link to={`/companies/${job.company.slug}`}>More jobs at {job.company.name}</Link>
            </p>
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

function CredentialLinks({
  credentials,
}: {
  credentials: { code: string; slug: string; name: string }[];
}) {
  return (
    <ul className="inline-list">
      {credentials.map((c) => (
        <li key={c.code}>
          <Link to={`/credentials/${c.slug}`}>{c.code}</Link>{" "}
          <span className="muted">({c.name})</span>
        </li>
      ))}
    </ul>
  );
}
