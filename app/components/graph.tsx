// Small pieces shared by the specialty, credential, code and company pages.
import { Link } from "@remix-run/react";
import { formatNumber } from "~/utils/intl";
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
        {title} <span className="muted">({formatNumber(total)})</span>
      </h2>
      {jobs.length ? <JobList jobs={jobs} /> : <p className="muted">{empty}</p>}
      {moreHref && total > jobs.length ? (
        <p>
          <Link to={moreHref} className="button secondary">
            See all {formatNumber(total)} jobs
          </Link>
        </p>
      ) : null}
    </section>
  );
}

/** Ranked tiers of open jobs (code and range pages): each non-empty tier with its count. */
export function JobTiers({
  id,
  tiers,
  empty,
  moreHref,
}: {
  id: string;
  tiers: { key: string; title: string; total: number; jobs: JobCardData[] }[];
  empty: React.ReactNode;
  moreHref?: string;
}) {
  const shown = tiers.filter((t) => t.total > 0);
  const total = tiers.reduce((n, t) => n + t.total, 0);
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>
        Open jobs <span className="muted">({formatNumber(total)})</span>
      </h2>
      {shown.length ? (
        <ul className="tier-counts" aria-label="How these jobs relate">
          {tiers.map((t) => (
            <li key={t.key}>
              {t.total ? <a href={`#tier-${t.key}`}>{t.title}</a> : t.title}:{" "}
              <strong>{formatNumber(t.total)}</strong>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{empty}</p>
      )}
      {shown.map((t) => (
        <section key={t.key} id={`tier-${t.key}`} aria-labelledby={`tier-${t.key}-title`}>
          <h3 id={`tier-${t.key}-title`} className="small-heading">
            {t.title} <span className="muted">({formatNumber(t.total)})</span>
          </h3>
          <JobList jobs={t.jobs} />
          {t.key === "specialty" && moreHref && t.total > t.jobs.length ? (
            <p>
              <Link to={moreHref} className="button secondary">
                See all {formatNumber(t.total)} jobs in these specialties
              </Link>
            </p>
          ) : null}
        </section>
      ))}
    </section>
  );
}

/** Under any page that shows CPT code numbers: whose trademark it is, and what we never show. */
export function CptNotice() {
  return (
    <p className="muted small">
      CPT® is a registered trademark of the American Medical Association. We show code numbers and
      our own range labels only, never AMA descriptors.
    </p>
  );
}
