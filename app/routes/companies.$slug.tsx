import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AlertSignup } from "~/alerts/alert-signup";
import { getAlertSignup } from "~/alerts/signup.server";
import { getCompanyPage } from "~/companies/companies.server";
import { companyLogoUrl } from "~/companies/logo";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { OpenJobs } from "~/components/graph";
import { describeSearch } from "~/search/describe";
import { emptyFilters } from "~/search/search-schemas";
import { getEnv } from "~/utils/env.server";
import { invariantResponse } from "~/utils/http";
import { markdownToText, renderMarkdown } from "~/utils/markdown.server";

const COMPANY_KINDS: Record<string, string> = {
  hospital_system: "Hospital system",
  physician_group: "Physician group",
  coding_vendor: "Coding company",
  payer: "Health plan",
  health_tech: "Health technology",
  other: "Employer",
};

export async function loader({ params, request }: LoaderFunctionArgs) {
  const slug = params.slug ?? "";
  const page = /^[a-z0-9-]{1,100}$/.test(slug) ? await getCompanyPage(slug) : null;
  invariantResponse(page, "We could not find that employer.");
  const { description, ...company } = page.company;
  return {
    company,
    descriptionHtml: description ? renderMarkdown(description) : null,
    summary: description ? markdownToText(description).slice(0, 200) : null,
    jobs: page.jobs,
    totalJobs: page.totalJobs,
    canonical: `${getEnv().APP_URL ?? ""}/companies/${company.slug}`,
    alertSignup: await getAlertSignup(request, {
      filters: { company: company.slug },
      description: describeSearch(
        { ...emptyFilters, company: company.slug },
        { specialty: {}, company: company.name },
      ),
    }),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => {
  if (!page) return [{ title: "Employer not found | MedCode Jobs" }];
  return [
    { title: `${page.company.name}: medical coding jobs | MedCode Jobs` },
    {
      name: "description",
      content: page.summary ?? `Open medical coding jobs at ${page.company.name}.`,
    },
    { tagName: "link", rel: "canonical", href: page.canonical },
  ];
};

/** Only http(s) websites become links. */
function safeWebsite(url: string | null) {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed : null;
  } catch {
    return null;
  }
}

export default function CompanyPage() {
  const { company, descriptionHtml, jobs, totalJobs, alertSignup } = useLoaderData<typeof loader>();
  const website = safeWebsite(company.website);
  const logo = companyLogoUrl(company);
  return (
    <div className="container grid-2">
      <article>
        {logo ? (
          <img
            className="company-logo"
            src={logo}
            alt={`${company.name} logo`}
            width={64}
            height={64}
          />
        ) : null}
        <h1>
          {company.name}
          {company.verified_at ? <span className="badge verified">✓ Verified employer</span> : null}
        </h1>
        {company.verified_at && company.verified_domain ? (
          <p className="small">
            Verified: {company.name} showed our team it controls {company.verified_domain}.
          </p>
        ) : null}
        <p className="muted">
          {[company.kind ? COMPANY_KINDS[company.kind] : null, company.headquarters, company.size]
            .filter(Boolean)
            .join(" · ")}
        </p>
        {descriptionHtml ? (
          // Sanitized on the server by renderMarkdown.
          <section
            className="prose"
            aria-label={`About ${company.name}`}
            dangerouslySetInnerHTML={{ __html: descriptionHtml }}
          />
        ) : null}
        <OpenJobs
          id="company-jobs-title"
          title={`Open jobs at ${company.name}`}
          jobs={jobs}
          total={totalJobs}
          empty={`${company.name} has no open jobs right now.`}
        />
      </article>
      <aside className="stack">
        <section className="card" aria-labelledby="company-facts-title">
          <h2 id="company-facts-title">Company facts</h2>
          <dl className="facts">
            {company.kind ? (
              <>
                <dt>Type</dt>
                <dd>{COMPANY_KINDS[company.kind] ?? company.kind}</dd>
              </>
            ) : null}
            {company.headquarters ? (
              <>
                <dt>Headquarters</dt>
                <dd>{company.headquarters}</dd>
              </>
            ) : null}
            {company.size ? (
              <>
                <dt>Size</dt>
                <dd>{company.size}</dd>
              </>
            ) : null}
            {website ? (
              <>
                <dt>Website</dt>
                <dd>
                  <a href={website.href} rel="nofollow noopener" target="_blank">
                    {website.hostname}
                    <span className="visually-hidden"> (opens in a new tab)</span>
                  </a>
                </dd>
              </>
            ) : null}
          </dl>
        </section>
        <AlertSignup signup={alertSignup} title={`Email me new jobs at ${company.name}`} />
      </aside>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
