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

/** Until alerts exist: say what will come, without a form that pretends to work. */
export function AlertPlaceholder({ subject }: { subject: string }) {
  return (
    <section className="card alert-placeholder" aria-labelledby="alert-title">
      <h2 id="alert-title">Email me new {subject} jobs</h2>
      <p className="muted">
        Job alerts are coming soon: you will be able to get new {subject} jobs by email, instantly,
        daily or weekly, with one-click unsubscribe. Until then, bookmark this page; it always lists
        the newest open jobs.
      </p>
    </section>
  );
}

export function formatUsd(amount: number) {
  return amount.toLocaleString("en-US", {
    style: "currency",
    currency: "USD",
    maximumFractionDigits: 0,
  });
}
