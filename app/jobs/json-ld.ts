const EMPLOYMENT_TYPE = {
  full_time: "FULL_TIME",
  part_time: "PART_TIME",
  contract: "CONTRACTOR",
  per_diem: "PER_DIEM",
  temporary: "TEMPORARY",
} as const;

type JobForLd = {
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
  apply_method: string;
  company: { name: string; website: string | null } | null;
};

/** schema.org JobPosting as Google's job search reads it (required + the recommended fields we have). */
export function jobPostingJsonLd(job: JobForLd, url: string) {
  const ld: Record<string, unknown> = {
    "@context": "https://schema.org",
    "@type": "JobPosting",
    title: job.title,
    description: job.description,
    datePosted: job.published_at ? new Date(job.published_at).toISOString() : undefined,
    validThrough: job.valid_through ? new Date(job.valid_through).toISOString() : undefined,
    employmentType: EMPLOYMENT_TYPE[job.employment_type as keyof typeof EMPLOYMENT_TYPE],
    identifier: { "@type": "PropertyValue", name: "MedCode Jobs", value: String(job.id) },
    hiringOrganization: {
      "@type": "Organization",
      name: job.company?.name,
      ...(job.company?.website ? { sameAs: job.company.website } : {}),
    },
    directApply: job.apply_method === "site",
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
  }
  if (job.setting === "remote") {
    ld.jobLocationType = "TELECOMMUTE";
    ld.applicantLocationRequirements = job.remote_states.length
      ? job.remote_states.map((state) => ({ "@type": "State", name: state }))
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
  return ld;
}
