// The public address of a company's logo; ?v= changes with each upload so a day's caching is safe.
export function companyLogoUrl(company: { slug: string; logo_version: string | null }) {
  return company.logo_version
    ? `/companies/${company.slug}/logo.webp?v=${encodeURIComponent(company.logo_version)}`
    : null;
}
