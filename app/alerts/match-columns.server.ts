// The match_* columns of an alert: what the database needs to match many alerts at once,
// derived from the saved filters by one function, and read back as the operands of the
// shared search conditions (app/search/conditions.server.ts).
import { type Kysely, sql } from "kysely";
import type { DB } from "#db/types";
import {
  boundingBox,
  boxLiteral,
  jobConditions,
  locationCondition,
  type MatchTerms,
} from "~/search/conditions.server";
import { describeSearch } from "~/search/describe";
import {
  effectiveSettings,
  loadReference,
  type ResolvedSearch,
  resolveSearch,
} from "~/search/search.server";
import { parseSearchParams, type SearchFilters, toSearchParams } from "~/search/search-schemas";

/** The columns that follow from the filters, written together whenever the filters change. */
export function alertMatchColumns(search: ResolvedSearch) {
  const f = search.filters;
  const place = search.place;
  return {
    match_tsquery: search.keyword?.tsquery ?? null,
    match_specialty_ids: search.specialtyIds,
    match_credential_ids: search.credentialIds,
    match_settings: effectiveSettings(search),
    match_types: f.type,
    match_levels: f.level,
    match_salary_min: f.salaryMin,
    match_posted_days: f.posted,
    match_company_id: search.company?.id ?? null,
    match_latitude: place?.latitude ?? null,
    match_longitude: place?.longitude ?? null,
    match_state: place?.state ?? null,
    match_radius: place ? f.radius : null,
    match_box: place ? boxLiteral(boundingBox(place, f.radius)) : null,
  };
}

/** The alert row's columns as operands: each filter applies only to alerts that use it. */
export function alertTerms(): MatchTerms {
  const col = <T>(name: string) => sql.ref<T>(`alerts.${name}`);
  const list = <T>(name: string) => ({
    value: col<T>(name),
    when: sql<boolean>`cardinality(${col(name)}) > 0`,
  });
  const maybe = <T>(name: string) => ({
    value: col<T>(name),
    when: sql<boolean>`${col(name)} is not null`,
  });
  return {
    tsquery: maybe("match_tsquery"),
    levels: list("match_levels"),
    salaryMin: maybe("match_salary_min"),
    postedDays: maybe("match_posted_days"),
    companyId: maybe("match_company_id"),
    specialtyIds: list("match_specialty_ids"),
    credentialIds: list("match_credential_ids"),
    // "Only jobs whose required credentials I hold" is a filter of the signed-in /jobs page:
    // an alert sends every job of its search (the signup says so).
    heldCredentialIds: null,
    settings: list("match_settings"),
    types: list("match_types"),
    place: {
      latitude: col("match_latitude"),
      longitude: col("match_longitude"),
      state: col("match_state"),
      radius: col("match_radius"),
      box: col("match_box"),
      when: sql<boolean>`alerts.match_latitude is not null`,
    },
  };
}

/**
 * Every filter condition of the alerts in `alerts` against the job in `jobs` (openness aside).
 * `keyword: false` leaves out the keyword condition for a caller that applied it already.
 */
export function alertMatchConditions({ keyword = true }: { keyword?: boolean } = {}) {
  const terms = alertTerms();
  const c = jobConditions(terms);
  return [
    keyword ? c.keyword : null,
    c.level,
    c.salary,
    c.posted,
    c.company,
    c.specialty,
    c.credential,
    c.setting,
    c.type,
    locationCondition(terms.place, null),
  ].filter((x) => x != null);
}

export type CheckedFilters =
  | {
      ok: true;
      filters: SearchFilters;
      query: string;
      description: string;
      columns: ReturnType<typeof alertMatchColumns>;
    }
  | { ok: false; problems: string[] };

/**
 * A /jobs query string checked for saving as an alert: the same parsing and resolution as the
 * search page, but where the page would drop a filter with a note, an alert refuses to save,
 * so what is stored is exactly what the person saw. Page and sort are not part of an alert.
 */
export async function checkAlertFilters(
  params: URLSearchParams,
  db?: Kysely<DB>,
): Promise<CheckedFilters> {
  const parsed = parseSearchParams(params);
  const search = await resolveSearch({ ...parsed.filters, page: 1, sort: null }, db);
  const problems = [...parsed.notes, ...search.notes];
  if (problems.length) return { ok: false, problems };
  const reference = await loadReference(db);
  const filters = search.filters;
  return {
    ok: true,
    filters,
    query: toSearchParams(filters).toString(),
    description: describeSearch(filters, {
      specialty: Object.fromEntries(reference.specialties.map((s) => [s.slug, s.name])),
      company: search.company?.name,
      place: search.place?.label,
    }),
    columns: alertMatchColumns(search),
  };
}
