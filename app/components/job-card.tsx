import { Link } from "@remix-run/react";
import { EMPLOYMENT_TYPES, formatLocation, formatPay, jobPath, postedAgo } from "~/jobs/format";

export type JobCardData = {
  id: number;
  /** Why the job is listed here (code pages, matches), shown under its title. */
  reason?: string;
  slug: string;
  title: string;
  setting: string;
  employment_type: string;
  city: string | null;
  state: string | null;
  remote_states: string[];
  salary_period: string | null;
  salary_min_cents: number | null;
  salary_max_cents: number | null;
  published_at: Date | string | null;
  featured: boolean | null;
  company_name: string;
  /** Set when the company proved its website's domain (company verification). */
  company_verified_at?: Date | string | null;
  credentials: { code: string; required: boolean }[];
};

export function JobCard({ job, headingLevel = 3 }: { job: JobCardData; headingLevel?: 2 | 3 }) {
  const Heading = `h${headingLevel}` as "h2" | "h3";
  const pay = formatPay(job);
  return (
    <article className={`card job-card${job.featured ? " featured" : ""}`}>
      <Heading>
        <Link to={jobPath(job)}>{job.title}</Link>
        {job.featured ? <span className="badge">Featured</span> : null}
      </Heading>
      {job.reason ? <p className="job-reason">{job.reason}</p> : null}
      <ul className="job-meta">
        <li>
          {job.company_name}
          {job.company_verified_at ? (
            <span className="verified-mark" title="Verified employer">
              {" "}
              ✓<span className="visually-hidden"> verified employer</span>
            </span>
          ) : null}
        </li>
        <li>{formatLocation(job)}</li>
        <li>{EMPLOYMENT_TYPES[job.employment_type as keyof typeof EMPLOYMENT_TYPES]}</li>
        {pay ? <li>{pay}</li> : null}
        {job.published_at ? <li>{postedAgo(job.published_at)}</li> : null}
      </ul>
      {job.credentials.length ? (
        <ul className="tags" aria-label="Credentials">
          {job.credentials.slice(0, 4).map((c) => (
            <li key={c.code} className={`tag${c.required ? " required" : ""}`}>
              {c.code}
              {c.required ? "" : " (preferred)"}
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}

export function JobList({ jobs }: { jobs: JobCardData[] }) {
  return (
    <ul className="job-list">
      {jobs.map((job) => (
        <li key={job.id}>
          <JobCard job={job} />
        </li>
      ))}
    </ul>
  );
}
