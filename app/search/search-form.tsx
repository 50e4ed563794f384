// The /jobs filter form: a plain GET form (works without JavaScript); with JavaScript each
// checkbox or select change submits it, so results update in place and history keeps each step.

import { Form, useLocation, useSubmit } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { EMPLOYMENT_TYPES, LEVELS, SETTINGS } from "~/jobs/format";
import { formatNumber } from "~/utils/intl";
import type { FacetCounts } from "./search.server";
import {
  DEFAULT_RADIUS,
  LEVEL_VALUES,
  POSTED_CHOICES,
  RADIUS_CHOICES,
  SALARY_CHOICES,
  SETTING_VALUES,
  type SearchFilters,
  TYPE_VALUES,
} from "./search-schemas";

/** What the filter form shows: the applied filters, their counts and the names of options. */
export type SearchFormData = {
  filters: SearchFilters;
  facets: FacetCounts;
  typed: { q: string; location: string };
  place: { label: string; state: string } | null;
  specialtyNames: Record<string, string>;
  credentialNames: Record<string, string>;
  /** A signed-in coder: the "credentials I hold" filter is offered. */
  canQualify: boolean;
};

const SEARCH_FORM_ID = "job-search";
const SHOWN_OPTIONS = 8;

function Count({ n }: { n: number | undefined }) {
  return <span className="facet-count">{formatNumber(n ?? 0)}</span>;
}

export function CheckboxOption({
  name,
  value,
  label,
  checked,
  count,
}: {
  name: string;
  value: string;
  label: string;
  checked: boolean;
  count?: number;
}) {
  return (
    <li>
      <label className="facet-option">
        <input type="checkbox" name={name} value={value} defaultChecked={checked} />
        <span>{label}</span>
        {count === undefined ? null : <Count n={count} />}
      </label>
    </li>
  );
}

/** Options sorted by count, the chosen ones always shown, the tail behind "More". */
function LongFacet({
  legend,
  name,
  options,
}: {
  legend: string;
  name: string;
  options: { value: string; label: string; count: number; checked: boolean }[];
}) {
  const sorted = options
    .filter((o) => o.count > 0 || o.checked)
    .sort((a, b) => Number(b.checked) - Number(a.checked) || b.count - a.count);
  const head = sorted.slice(0, SHOWN_OPTIONS);
  const tail = sorted.slice(SHOWN_OPTIONS);
  const item = (o: (typeof sorted)[number]) => <CheckboxOption key={o.value} name={name} {...o} />;
  return (
    <fieldset className="facet">
      <legend>{legend}</legend>
      {sorted.length === 0 ? <p className="muted">None in these results.</p> : null}
      <ul>{head.map(item)}</ul>
      {tail.length ? (
        <details>
          <summary>{tail.length} more</summary>
          <ul>{tail.map(item)}</ul>
        </details>
      ) : null}
    </fieldset>
  );
}

export function SearchFilterForm({ data }: { data: SearchFormData }) {
  const { filters, facets, typed } = data;
  const submit = useSubmit();
  const form = useRef<HTMLFormElement>(null);
  const location = useLocation();

  // Back and forward change the URL but not the (uncontrolled) inputs: bring them in line
  // without re-creating them, so keyboard focus stays where it was.
  useEffect(() => {
    const el = form.current;
    if (!el) return;
    const params = new URLSearchParams(location.search);
    for (const input of Array.from(el.elements)) {
      if (input instanceof HTMLInputElement && input.type === "checkbox") {
        const values = params.getAll(input.name).map((v) => v.toLowerCase());
        input.checked = values.includes(input.value.toLowerCase());
      } else if (input instanceof HTMLSelectElement) {
        const fallback = input.name === "radius" ? String(DEFAULT_RADIUS) : "";
        input.value = params.get(input.name) ?? fallback;
        if (input.selectedIndex < 0) input.value = fallback;
      }
    }
  }, [location.search]);

  // On a wide screen the filters stand beside the results: open them (a phone keeps them
  // folded under "Filters" so the results come first). CSS does the same without JavaScript.
  const panel = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (panel.current && window.matchMedia("(min-width: 900px)").matches) panel.current.open = true;
  }, []);
  const active =
    filters.setting.length +
    filters.type.length +
    filters.level.length +
    filters.specialty.length +
    filters.credential.length +
    (filters.salaryMin != null ? 1 : 0) +
    (filters.posted != null ? 1 : 0) +
    (filters.qualified ? 1 : 0);

  return (
    <Form
      method="get"
      action="/jobs"
      id={SEARCH_FORM_ID}
      ref={form}
      className="search-filters"
      role="search"
      aria-label="Search jobs"
      preventScrollReset
      onChange={(event) => {
        const target = event.target as HTMLElement;
        // Text boxes wait for Enter or the Search button; choices apply at once.
        if (target instanceof HTMLInputElement && target.type !== "checkbox") return;
        submit(event.currentTarget, { preventScrollReset: true });
      }}
    >
      <div className="search-main">
        <label htmlFor="search-q">Keywords</label>
        <input
          id="search-q"
          name="q"
          type="search"
          defaultValue={typed.q}
          key={`q-${typed.q}`}
          placeholder="e.g. cardiology -inpatient, “risk adjustment”, CPC"
        />
        <div className="search-where">
          <div>
            <label htmlFor="search-location">Location</label>
            <input
              id="search-location"
              name="location"
              type="text"
              defaultValue={typed.location}
              key={`location-${typed.location}`}
              placeholder="ZIP or City, ST"
              aria-describedby="location-help"
            />
          </div>
          <div>
            <label htmlFor="search-radius">Within</label>
            <select id="search-radius" name="radius" defaultValue={String(filters.radius)}>
              {RADIUS_CHOICES.map((r) => (
                <option key={r} value={r}>
                  {r} miles
                </option>
              ))}
            </select>
          </div>
        </div>
        <p id="location-help" className="muted small">
          {data.place
            ? `Near ${data.place.label}: on-site and hybrid jobs within the radius. `
            : ""}
          Tick Remote to add remote jobs open to people in{" "}
          {data.place ? data.place.state : "your state"}.
        </p>
        <button type="submit" className="button">
          Search
        </button>
      </div>

      <details className="filters-panel" ref={panel}>
        <summary>
          Filters{active ? <span className="filter-count"> ({active})</span> : null}
        </summary>
        <div className="filters-body">
          <fieldset className="facet">
            <legend>Work setting</legend>
            <ul>
              {SETTING_VALUES.map((s) => (
                <CheckboxOption
                  key={s}
                  name="setting"
                  value={s}
                  label={SETTINGS[s]}
                  checked={filters.setting.includes(s)}
                  count={facets.setting[s]}
                />
              ))}
            </ul>
          </fieldset>

          <fieldset className="facet">
            <legend>Job type</legend>
            <ul>
              {TYPE_VALUES.map((t) => (
                <CheckboxOption
                  key={t}
                  name="type"
                  value={t}
                  label={EMPLOYMENT_TYPES[t]}
                  checked={filters.type.includes(t)}
                  count={facets.type[t]}
                />
              ))}
            </ul>
          </fieldset>

          <LongFacet
            legend="Specialty"
            name="specialty"
            options={Object.entries(data.specialtyNames).map(([slug, label]) => ({
              value: slug,
              label,
              count: facets.specialty[slug] ?? 0,
              checked: filters.specialty.includes(slug),
            }))}
          />

          <LongFacet
            legend="Credential"
            name="credential"
            options={Object.entries(data.credentialNames).map(([code, name]) => ({
              value: code.toLowerCase(),
              label: `${code} (${name})`,
              count: facets.credential[code] ?? 0,
              checked: filters.credential.includes(code),
            }))}
          />

          <fieldset className="facet">
            <legend>Credentials you hold</legend>
            {data.canQualify ? (
              <>
                <ul>
                  <CheckboxOption
                    name="qualified"
                    value="1"
                    label="Only jobs whose required credentials I hold"
                    checked={filters.qualified}
                  />
                </ul>
                <p className="muted small">
                  From the credentials in <a href="/me/profile">your profile</a> that have not
                  expired. A job asking for “CPC or CCS” needs one of them.
                </p>
              </>
            ) : (
              <p className="muted small">
                <a href="/login?redirectTo=%2Fjobs">Sign in</a> as a coder to see only the jobs
                whose required credentials you hold.
              </p>
            )}
          </fieldset>

          <fieldset className="facet">
            <legend>Experience level</legend>
            <ul>
              {LEVEL_VALUES.map((l) => (
                <CheckboxOption
                  key={l}
                  name="level"
                  value={l}
                  label={LEVELS[l]}
                  checked={filters.level.includes(l)}
                  count={facets.level[l]}
                />
              ))}
            </ul>
          </fieldset>

          <div className="facet">
            <label htmlFor="search-salary">Minimum pay (yearly)</label>
            <select
              id="search-salary"
              name="salary_min"
              defaultValue={filters.salaryMin == null ? "" : String(filters.salaryMin)}
            >
              <option value="">Any</option>
              {[...new Set([...SALARY_CHOICES, ...(filters.salaryMin ? [filters.salaryMin] : [])])]
                .sort((a, b) => a - b)
                .map((s) => (
                  <option key={s} value={s}>
                    ${formatNumber(s)}+
                  </option>
                ))}
            </select>
            <p className="muted small">Hourly pay counts as 2,080 hours a year.</p>
          </div>

          <div className="facet">
            <label htmlFor="search-posted">Posted</label>
            <select
              id="search-posted"
              name="posted"
              defaultValue={filters.posted == null ? "" : String(filters.posted)}
            >
              <option value="">Any time</option>
              {[...new Set([...POSTED_CHOICES, ...(filters.posted ? [filters.posted] : [])])]
                .sort((a, b) => a - b)
                .map((d) => (
                  <option key={d} value={d}>
                    {d === 1 ? "Last 24 hours" : `Last ${d} days`}
                  </option>
                ))}
            </select>
          </div>

          <button type="submit" className="button secondary apply-filters">
            Apply filters
          </button>
        </div>
      </details>
    </Form>
  );
}

/** The order of results, beside their count; part of the filter form through its id. */
export function SortSelect({ filters }: { filters: SearchFilters }) {
  const submit = useSubmit();
  return (
    <span className="sort-select">
      <label htmlFor="search-sort">Sort by</label>
      <select
        id="search-sort"
        name="sort"
        form={SEARCH_FORM_ID}
        defaultValue={filters.sort ?? ""}
        onChange={(event) => {
          const form = event.currentTarget.form;
          if (form) submit(form, { preventScrollReset: true });
        }}
      >
        <option value="">{filters.q ? "Best match" : "Newest"}</option>
        <option value="relevance">Best match</option>
        <option value="date">Newest</option>
        <option value="salary">Highest pay</option>
      </select>
    </span>
  );
}
