import { data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Link,
  useLoaderData,
  useParams,
  useRouteError,
} from "@remix-run/react";
import { AlertSignup } from "~/alerts/alert-signup";
import { getAlertSignup } from "~/alerts/signup.server";
import { codePath, formatRange } from "~/codes/code-systems";
import { getCodePage } from "~/codes/codes.server";
import { CodeSearch } from "~/components/code-search";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CptNotice, JobTiers, SpecialtyLinks } from "~/components/graph";
import { describeSearch } from "~/search/describe";
import { emptyFilters } from "~/search/search-schemas";
import { getEnv } from "~/utils/env.server";

const SHORT_SYSTEM: Record<string, string> = {
  CPT: "CPT",
  HCPCS: "HCPCS",
  "ICD-10-CM": "ICD-10-CM",
  "ICD-10-PCS": "ICD-10-PCS",
};

export async function loader({ params, request }: LoaderFunctionArgs) {
  const raw = params.code ?? "";
  const page = await getCodePage(raw);
  if (page.kind === "malformed") {
    throw data("That is not a CPT, HCPCS Level II or ICD-10 code we can read.", { status: 404 });
  }
  if (page.kind === "redirect") throw redirect(codePath(page.canonical), 301);
  const specialtyQuery = page.specialties
    .map((s) => `specialty=${encodeURIComponent(s.slug)}`)
    .join("&");
  // The code's jobs are its specialties' jobs: the alert follows those specialties.
  const specialty = page.specialties.map((s) => s.slug);
  const alertSignup = specialty.length
    ? await getAlertSignup(request, {
        filters: { specialty },
        description: describeSearch(
          { ...emptyFilters, specialty },
          { specialty: Object.fromEntries(page.specialties.map((s) => [s.slug, s.name])) },
        ),
      })
    : null;
  return {
    alertSignup,
    code: page.code,
    ranges: page.ranges.map(({ specialties: _s, ...range }) => range),
    curated: page.curated
      ? {
          topic: page.curated.topic,
          status: page.curated.status,
          replaced_by: page.curated.replaced_by,
          confidence: page.curated.confidence,
        }
      : null,
    specialties: page.specialties.map(({ slug, name }) => ({ slug, name })),
    tiers: page.tiers,
    totalJobs: page.totalJobs,
    moreHref: specialtyQuery ? `/jobs?${specialtyQuery}` : "/jobs",
    canonical: `${getEnv().APP_URL ?? ""}${codePath(page.code.canonical)}`,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => {
  if (!page) return [{ title: "Code not found | MedCode Jobs" }];
  const name = `${SHORT_SYSTEM[page.code.system]} ${page.code.canonical}`;
  const range = page.ranges[0];
  const description = `${name} (${page.code.systemLabel}${range ? `, ${range.label}` : ""}): the coding specialties it belongs to and ${page.totalJobs} open medical coding jobs in them.`;
  return [
    { title: `${name} coding jobs | MedCode Jobs` },
    { name: "description", content: description },
    { tagName: "link", rel: "canonical", href: page.canonical },
  ];
};

export default function CodePage() {
  const { code, ranges, curated, specialties, tiers, moreHref, alertSignup } =
    useLoaderData<typeof loader>();
  const narrowest = ranges[0];
  // Broadest first reads like a path: Surgery › Cardiovascular System › heart and pericardium.
  const trail = [...ranges].reverse();
  const name = `${SHORT_SYSTEM[code.system]} ${code.canonical}`;
  return (
    <div className="container grid-2">
      <article>
        <p className="muted eyebrow">{code.systemLabel}</p>
        <h1>{name} coding jobs</h1>
        <section className="card" aria-label="About this code">
          <dl className="facts">
            <dt>Code system</dt>
            <dd>{code.systemLabel}</dd>
            {narrowest ? (
              <>
                <dt>{narrowest.section ? "Section" : "Range"}</dt>
                <dd>
                  {narrowest.section ? `${narrowest.section}: ` : ""}
                  {narrowest.label}{" "}
                  <span className="muted">
                    ({formatRange(narrowest.from_code, narrowest.to_code)})
                  </span>
                  {narrowest.verified ? null : (
                    <span className="muted"> · range boundaries not yet verified</span>
                  )}
                </dd>
              </>
            ) : (
              <>
                <dt>Range</dt>
                <dd className="muted">Not in a range we track yet.</dd>
              </>
            )}
            {trail.length > 1 ? (
              <>
                <dt>Within</dt>
                <dd>
                  <ol className="range-trail">
                    {trail.map((r) => (
                      <li key={r.ref}>
                        {r.label}{" "}
                        <span className="muted">({formatRange(r.from_code, r.to_code)})</span>
                      </li>
                    ))}
                  </ol>
                </dd>
              </>
            ) : null}
            {curated ? (
              <>
                <dt>Topic</dt>
                <dd>{curated.topic}</dd>
              </>
            ) : null}
            <dt>Status</dt>
            <dd>
              {curated?.status ? (
                <>
                  {curated.status}
                  {curated.replaced_by ? (
                    <>
                      {" "}
                      (replaced by{" "}
                      <Link to={codePath(curated.replaced_by)}>{curated.replaced_by}</Link>)
                    </>
                  ) : null}
                </>
              ) : (
                <span className="muted">
                  No status on file; check the current year's code set before you bill it.
                </span>
              )}
            </dd>
          </dl>
          {specialties.length ? (
            <>
              <h2 className="small-heading">Coding specialties</h2>
              <SpecialtyLinks specialties={specialties} label="Coding specialties for this code" />
            </>
          ) : (
            <p className="muted">We have not linked this code to a coding specialty yet.</p>
          )}
        </section>
        <JobTiers
          id="code-jobs-title"
          tiers={tiers}
          moreHref={moreHref}
          empty="No open job names this code or its family, and none is open in its specialties right now."
        />
      </article>
      <aside className="stack">
        {alertSignup ? <AlertSignup signup={alertSignup} /> : null}
        <section className="card" aria-labelledby="lookup-title">
          <h2 id="lookup-title">Look up another code</h2>
          <CodeSearch />
        </section>
        {code.system === "CPT" ? <CptNotice /> : null}
      </aside>
    </div>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const params = useParams();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <section className="error-page" aria-labelledby="error-title">
        <p className="error-status">404</p>
        <h1 id="error-title">Code not found</h1>
        <p>
          “{params.code}” is not a CPT, HCPCS Level II or ICD-10 code we can read. Try another code:
        </p>
        <div className="narrow">
          <CodeSearch id="code-search-404" />
        </div>
        <p className="error-actions">
          <Link to="/jobs" className="button">
            Browse jobs
          </Link>{" "}
          <Link to="/specialties">Coding specialties</Link>
        </p>
      </section>
    );
  }
  return <GeneralErrorBoundary />;
}
