import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useNavigation } from "@remix-run/react";
import { AlertSignup } from "~/alerts/alert-signup";
import { getAlertSignup } from "~/alerts/signup.server";
import { heldCredentialIds } from "~/applications/credentials.server";
import { getUser } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { JobList } from "~/components/job-card";
import { describeSearch } from "~/search/describe";
import searchStyles from "~/search/search.css?url";
import { loadReference, searchJobs, suggestAlternatives } from "~/search/search.server";
import { SearchFilterForm, SortSelect } from "~/search/search-form";
import {
  effectiveSort,
  isIndexableSearch,
  parseSearchParams,
  type SearchFilters,
  searchHref,
} from "~/search/search-schemas";
import { getEnv } from "~/utils/env.server";
import { formatNumber } from "~/utils/intl";
import { plural } from "~/utils/plural";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: searchStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data?.filters.q
      ? `“${data.filters.q}” medical coding jobs | MedCode Jobs`
      : "Medical coding jobs | MedCode Jobs",
  },
  {
    name: "description",
    content: `${data ? plural(data.total, "open medical coding job") : "Medical coding jobs"}: remote, hybrid and on-site, by specialty, credential (CPC, CCS, CRC), pay and place.`,
  },
  ...(data?.indexable ? [] : [{ name: "robots", content: "noindex, follow" }]),
  {
    tagName: "link",
    rel: "alternate",
    type: "application/rss+xml",
    title: "MedCode Jobs: this search as RSS",
    href: data?.feed ?? "/feeds/jobs.rss",
  },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const { filters, notes, typed } = parseSearchParams(new URL(request.url).searchParams);
  // A signed-in coder may ask for only the jobs whose required credentials they hold.
  const user = await getUser(request);
  const held = user?.role === "candidate" ? await heldCredentialIds(user.id) : null;
  // Counts of an identical search are reused for 30 s; the list is always fresh.
  const [result, reference] = await Promise.all([
    searchJobs(filters, { cacheSeconds: 30, held }),
    loadReference(),
  ]);
  const search = result.search;
  const specialtyNames = Object.fromEntries(reference.specialties.map((s) => [s.slug, s.name]));
  const [alternatives, alertSignup] = await Promise.all([
    result.total === 0 ? suggestAlternatives(search) : [],
    // The alert follows the search as the page applied it (what could not be used is dropped).
    // An alert sends every job of its search: "credentials I hold" is this page's filter only.
    getAlertSignup(request, {
      filters: { ...search.filters, qualified: false },
      note: search.filters.qualified
        ? "Alerts send every new job of this search, also those requiring credentials you do not hold."
        : undefined,
      description: describeSearch(search.filters, {
        specialty: specialtyNames,
        company: search.company?.name,
        place: search.place?.label,
      }),
    }),
  ]);
  const origin = getEnv().APP_URL;
  return {
    canonical: `${origin}${searchHref(search.filters)}`,
    indexable: isIndexableSearch(search.filters),
    feed: searchHref({ ...search.filters, page: 1, sort: null }, "/feeds/jobs.rss"),
    jobs: result.jobs,
    total: result.total,
    page: result.page,
    pageCount: result.pageCount,
    facets: result.facets,
    filters: search.filters,
    sort: effectiveSort(search.filters),
    notes: [...notes, ...search.notes],
    typed,
    place: search.place ? { label: search.place.label, state: search.place.state } : null,
    alternatives: alternatives.map((a) => ({
      label: a.label,
      total: a.total,
      href: searchHref(a.filters),
    })),
    company: search.company ? { name: search.company.name } : null,
    /** Whether the "credentials I hold" filter can be offered: a signed-in coder. */
    canQualify: held !== null,
    alertSignup,
    specialtyNames,
    credentialNames: Object.fromEntries(reference.credentials.map((c) => [c.code, c.name])),
  };
}

/** Each active filter as a chip whose link removes it. */
function activeFilters(
  filters: SearchFilters,
  names: { specialty: Record<string, string>; place: string | null; company: string | null },
) {
  const without = (patch: Partial<SearchFilters>) => searchHref({ ...filters, ...patch, page: 1 });
  const chips: { label: string; href: string }[] = [];
  if (filters.q) chips.push({ label: `“${filters.q}”`, href: without({ q: "" }) });
  for (const slug of filters.specialty)
    chips.push({
      label: names.specialty[slug] ?? slug,
      href: without({ specialty: filters.specialty.filter((s) => s !== slug) }),
    });
  for (const code of filters.credential)
    chips.push({
      label: code,
      href: without({ credential: filters.credential.filter((c) => c !== code) }),
    });
  for (const s of filters.setting)
    chips.push({ label: s, href: without({ setting: filters.setting.filter((x) => x !== s) }) });
  for (const t of filters.type)
    chips.push({
      label: t.replace("_", " "),
      href: without({ type: filters.type.filter((x) => x !== t) }),
    });
  for (const l of filters.level)
    chips.push({ label: l, href: without({ level: filters.level.filter((x) => x !== l) }) });
  if (filters.salaryMin != null)
    chips.push({
      label: `$${formatNumber(filters.salaryMin)}+ a year`,
      href: without({ salaryMin: null }),
    });
  if (filters.location)
    chips.push({
      label: `within ${filters.radius} mi of ${names.place ?? filters.location}`,
      href: without({ location: "" }),
    });
  if (filters.posted != null)
    chips.push({ label: `last ${filters.posted} days`, href: without({ posted: null }) });
  if (filters.company)
    chips.push({ label: `at ${names.company ?? filters.company}`, href: without({ company: "" }) });
  if (filters.qualified)
    chips.push({ label: "credentials I hold", href: without({ qualified: false }) });
  return chips;
}

export default function Jobs() {
  const data = useLoaderData<typeof loader>();
  const { jobs, total, page, pageCount, filters, notes, alternatives, sort } = data;
  const navigation = useNavigation();
  const busy = navigation.state === "loading" && navigation.location?.pathname === "/jobs";
  const chips = activeFilters(filters, {
    specialty: data.specialtyNames,
    place: data.place?.label ?? null,
    company: data.company?.name ?? null,
  });
  const pageLink = (n: number) => searchHref({ ...filters, page: n });
  const [prev, next] = sort === "date" ? ["← Newer", "Older →"] : ["← Previous", "Next →"];
  return (
    <div className="container search-page">
      <h1>Medical coding jobs</h1>
      {notes.length ? (
        <ul className="notice search-notes" role="status">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
      <div className="search-layout">
        <SearchFilterForm data={data} />
        <section
          aria-labelledby="results-title"
          className={busy ? "search-results busy" : "search-results"}
        >
          <h2 id="results-title" className="visually-hidden">
            Results
          </h2>
          <div className="results-bar">
            <p className="muted" aria-live="polite">
              <strong>{plural(total, "job")}</strong>
              {pageCount > 1 ? ` · page ${page} of ${pageCount}` : ""}
              {busy ? " · updating…" : ""}
            </p>
            <a href="#alert-signup-title">Email me new jobs like these</a>
            <SortSelect filters={filters} />
          </div>
          {chips.length ? (
            <ul className="tags active-filters" aria-label="Active filters">
              {chips.map((chip) => (
                <li key={chip.label}>
                  <Link
                    className="tag"
                    to={chip.href}
                    preventScrollReset
                    aria-label={`Remove ${chip.label}`}
                  >
                    {chip.label} ✕
                  </Link>
                </li>
              ))}
              <li>
                <Link to="/jobs">Clear all</Link>
              </li>
            </ul>
          ) : null}
          {jobs.length ? (
            <JobList jobs={jobs} />
          ) : (
            <div className="notice empty-result">
              <p>
                {total === 0
                  ? chips.length
                    ? "No open jobs match all of the filters above."
                    : "There are no open jobs right now."
                  : "This page is past the last page of results."}
              </p>
              {total > 0 ? (
                <p>
                  <Link to={pageLink(pageCount)}>Go to the last page ({pageCount})</Link>
                </p>
              ) : null}
              {alternatives.length ? (
                <>
                  <p>Nearest searches with jobs:</p>
                  <ul>
                    {alternatives.map((a) => (
                      <li key={a.href}>
                        <Link to={a.href}>{a.label}</Link> ({formatNumber(a.total)})
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </div>
          )}
          {pageCount > 1 && jobs.length ? (
            <nav className="pagination" aria-label="Pages">
              {page > 1 ? (
                <Link to={pageLink(page - 1)} rel="prev">
                  {prev}
                </Link>
              ) : null}
              <span>
                Page {page} of {pageCount}
              </span>
              {page < pageCount ? (
                <Link to={pageLink(page + 1)} rel="next">
                  {next}
                </Link>
              ) : null}
            </nav>
          ) : null}
          <AlertSignup signup={data.alertSignup} />
          <p className="muted feed-link">
            <a href={data.feed}>RSS feed of this search</a>
          </p>
        </section>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
