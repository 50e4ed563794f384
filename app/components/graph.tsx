// Small pieces shared by the specialty, credential, code and company pages.
import { Link } from "@remix-run/react";
import { type JobCardData, JobList } from "./job-card";

export function SpecialtyLinks({
  specialties,
  label = "Specialties",
}: {
  specialties: { slug: string; name: string; source?: string }[];
  label?: string;
}) {
  return (
    <ul className="tags" aria-label={label}>
      {specialties.map((s) => (
        <li key={s.slug}>
          <Link
            className={`tag${s.source === "inferred" ? " inferred" : ""}`}
            to={`/specialties/${s.slug}`}
            title={s.source === "inferred" ? "Suggested from the posting's text" : undefined}
          >
            {s.name}
            {s.source === "inferred" ? <span className="visually-hidden"> (suggested)</span> : null}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** A section of open jobs with a "see all" link when there are more than shown. */
export function OpenJobs({
  id,
  title,
  jobs,
  total,
  moreHref,
  empty,
}: {
  id: string;
  title: string;
  jobs: JobCardData[];
  total: number;
  moreHref?: string;
  empty: React.ReactNode;
}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="muted">({total.toLocaleString("en-US")})</span>
      </h2>
      {jobs.length ? <JobList jobs={jobs} /> : <p className="muted">{empty}</p>}
      {moreHref && total > jobs.length ? (
        <p>
          <Link to={moreHref} className="button secondary">
            See all {total.toLocaleString("en-US")} jobs
          </Link>
        </p>
      ) : null}
    </section>
  );
}
