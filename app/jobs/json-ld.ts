// schema.org JobPosting as Google's job search reads it: the required fields always, the
// recommended ones the job has. https://developers.google.com/search/docs/appearance/structured-data/job-posting
import { companyLogoUrl } from "~/companies/logo";
import { STATE_NAMES } from "~/utils/us-states";

const EMPLOYMENT_TYPE = {
  full_time: "FULL_TIME",
  part_time: "PART_TIME",
  contract: "CONTRACTOR",
  per_diem: "PER_DIEM",
  temporary: "TEMPORARY",
} as const;

export type JobForLd = {
  id: number;
  title: string;
  description: string;
  published_at: Date | string | null;
  valid_through: Date | string | null;
  employment_type: string;
  setting: string;
  city: string | null;
  state: string | null;
  zip: string | null;
  remote_states: string[];
  salary_period: string | null;
  salary_min_cents: number | null;
  salary_max_cents: number | null;
  years_experience?: number | null;
  apply_method: string;
  company: {
    name: string;
    slug?: string;
    website: string | null;
    logo_version?: string | null;
    verified_at?: Date | string | null;
  } | null;
};

const iso = (date: Date | string | null) => (date ? new Date(date).toISOString() : undefined);

/**
 * The JobPosting for a job page. `descriptionHtml` is the sanitized HTML of the description
 * (Google wants HTML there); `origin` makes the company's page an absolute URL.
 */
export function jobPostingJsonLd(
  job: JobForLd,
  url: string,
  { descriptionHtml, origin }: { descriptionHtml?: string; origin?: string } = {},
) {
  const ld: Record<string, unknown> = {
    "@context": "https://schema.org",
    "@type": "JobPosting",
    title: job.title,
    description: descriptionHtml ?? job.description,
    datePosted: iso(job.published_at),
    validThrough: iso(job.valid_through),
    employmentType: EMPLOYMENT_TYPE[job.employment_type as keyof typeof EMPLOYMENT_TYPE],
    identifier: { "@type": "PropertyValue", name: "MedCode Jobs", value: String(job.id) },
    hiringOrganization: {
      "@type": "Organization",
      name: job.company?.name,
      // We vouch for the website only once the company has proved it controls its domain.
      ...(job.company?.website && job.company.verified_at ? { sameAs: job.company.website } : {}),
      ...(origin && job.company?.slug ? { url: `${origin}/companies/${job.company.slug}` } : {}),
      ...(origin && job.company?.slug && job.company.logo_version
        ? {
            logo: `${origin}${companyLogoUrl({ slug: job.company.slug, logo_version: job.company.logo_version })}`,
          }
        : {}),
    },
    directApply: job.apply_method === "site",
    occupationalCategory: "29-2072.00 Medical Records Specialists",
    url,
  };
  if (job.city || job.state) {
    ld.jobLocation = {
      "@type": "Place",
      address: {
        "@type": "PostalAddress",
        addressLocality: job.city ?? undefined,
        addressRegion: job.state ?? undefined,
        postalCode: job.zip ?? undefined,
        addressCountry: "US",
      },
    };
  } else if (job.setting !== "remote") {
    // An on-site or hybrid job without a city still names its country.
    ld.jobLocation = {
      "@type": "Place",
      address: { "@type": "PostalAddress", addressCountry: "US" },
    };
  }
  if (job.setting === "remote") {
    ld.jobLocationType = "TELECOMMUTE";
    ld.applicantLocationRequirements = job.remote_states.length
      ? job.remote_states.map((state) => ({
          "@type": "State",
          name: STATE_NAMES[state as keyof typeof STATE_NAMES] ?? state,
        }))
      : { "@type": "Country", name: "US" };
  }
  if (job.salary_period && (job.salary_min_cents || job.salary_max_cents)) {
    ld.baseSalary = {
      "@type": "MonetaryAmount",
      currency: "USD",
      value: {
        "@type": "QuantitativeValue",
        ...(job.salary_min_cents ? { minValue: job.salary_min_cents / 100 } : {}),
        ...(job.salary_max_cents ? { maxValue: job.salary_max_cents / 100 } : {}),
        unitText: job.salary_period === "hour" ? "HOUR" : "YEAR",
      },
    };
  }
  if (job.years_experience) {
    ld.experienceRequirements = {
      "@type": "OccupationalExperienceRequirements",
      monthsOfExperience: job.years_experience * 12,
    };
  }
  return ld;
}
