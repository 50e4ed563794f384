// "This job matches these filters", written once. /jobs builds the conditions from one
// search's values (constants the planner can see); alerts build the very same conditions
// from the match_* columns of many stored alerts at once (decision 015). Counting and
// listing live in search.server.ts; nothing here knows about facets or pages.
import { type Expression, type SqlBool, sql } from "kysely";
import type { Setting } from "./search-schemas";

const EARTH_RADIUS_MILES = 3958.8;
const MILES_PER_DEGREE_LAT = 69.0;

/**
 * One filter's operand: a search's value, or an alert column together with the test of whether
 * that alert uses the filter at all (`when`). Null: the filter is not part of the search.
 */
export type Term<T> = { value: Expression<T>; when?: Expression<SqlBool> } | null;

export type PlaceOperands = {
  latitude: Expression<number>;
  longitude: Expression<number>;
  state: Expression<string>;
  radius: Expression<number>;
  /** The bounding box of the circle (see boundingBox), so an index can narrow first. */
  box: Expression<string>;
};

/** Everything a job is matched on, as SQL operands. */
export type MatchTerms = {
  tsquery: Term<string>;
  levels: Term<string[]>;
  salaryMin: Term<number>;
  postedDays: Term<number>;
  companyId: Term<number>;
  specialtyIds: Term<number[]>;
  credentialIds: Term<number[]>;
  /** The credentials the searcher holds: jobs that require none, or one of these. */
  heldCredentialIds: Term<number[]>;
  /** The effective settings (see effectiveSettings): a location alone means on-site and hybrid. */
  settings: Term<string[]>;
  types: Term<string[]>;
  place: (PlaceOperands & { when?: Expression<SqlBool> }) | null;
};

/** No filter at all: every job matches (spread it and set the terms a query needs). */
export const NO_TERMS: MatchTerms = {
  tsquery: null,
  levels: null,
  salaryMin: null,
  postedDays: null,
  companyId: null,
  specialtyIds: null,
  credentialIds: null,
  heldCredentialIds: null,
  settings: null,
  types: null,
  place: null,
};

function applies<T>(
  term: Term<T>,
  build: (value: Expression<T>) => Expression<SqlBool>,
): Expression<SqlBool> | null {
  if (!term) return null;
  const condition = build(term.value);
  return term.when ? sql<SqlBool>`(not ${term.when} or ${condition})` : condition;
}

/** Each filter's condition over `jobs` (null when the filter is not used). */
export function jobConditions(terms: MatchTerms) {
  return {
    keyword: applies(terms.tsquery, (q) => sql<SqlBool>`jobs.search_vector @@ ${q}`),
    level: applies(terms.levels, (levels) => sql<SqlBool>`jobs.level = any(${levels})`),
    // A job qualifies when the top of its pay range reaches the minimum asked for.
    salary: applies(terms.salaryMin, (min) => sql<SqlBool>`jobs.salary_max_annual >= ${min}`),
    posted: applies(
      terms.postedDays,
      (days) => sql<SqlBool>`jobs.published_at >= now() - make_interval(days => ${days})`,
    ),
    company: applies(terms.companyId, (id) => sql<SqlBool>`jobs.company_id = ${id}`),
    specialty: applies(
      terms.specialtyIds,
      // The job's ids, kept on the row by triggers on job_specialties (migration T1300).
      (ids) => sql<SqlBool>`jobs.specialty_ids && ${ids}`,
    ),
    credential: applies(terms.credentialIds, (ids) => sql<SqlBool>`jobs.credential_ids && ${ids}`),
    // Postings read "CPC or CCS required": holding one of the required credentials is enough
    // (the same rule as the coder's matches, app/jobs/matches.server.ts).
    qualified: applies(
      terms.heldCredentialIds,
      (ids) =>
        sql<SqlBool>`(cardinality(jobs.required_credential_ids) = 0 or jobs.required_credential_ids && ${ids})`,
    ),
    setting: applies(terms.settings, (settings) => sql<SqlBool>`jobs.setting = any(${settings})`),
    type: applies(terms.types, (types) => sql<SqlBool>`jobs.employment_type = any(${types})`),
  };
}

export type Box = { minLng: number; minLat: number; maxLng: number; maxLat: number };

/** The latitude/longitude box around a circle: cheap to test, and indexed for jobs. */
export function boundingBox(place: { latitude: number; longitude: number }, radius: number): Box {
  const dLat = radius / MILES_PER_DEGREE_LAT;
  const dLng =
    radius / (MILES_PER_DEGREE_LAT * Math.max(0.01, Math.cos((place.latitude * Math.PI) / 180)));
  return {
    minLng: place.longitude - dLng,
    minLat: place.latitude - dLat,
    maxLng: place.longitude + dLng,
    maxLat: place.latitude + dLat,
  };
}

/** A box as Postgres reads it: '((x1,y1),(x2,y2))'. */
export function boxLiteral(box: Box) {
  return `((${box.minLng},${box.minLat}),(${box.maxLng},${box.maxLat}))`;
}

/** Great-circle (haversine) distance in miles from a place to a job's coordinates. */
function distanceMiles(place: PlaceOperands) {
  return sql<number>`(${2 * EARTH_RADIUS_MILES} * asin(sqrt(
    power(sin(radians(jobs.latitude - ${place.latitude}::float8) / 2), 2) +
    cos(radians(${place.latitude}::float8)) * cos(radians(jobs.latitude)) *
    power(sin(radians(jobs.longitude - ${place.longitude}::float8) / 2), 2))))`;
}

/** A job with coordinates inside the box, then within the radius. */
export function nearCondition(place: PlaceOperands): Expression<SqlBool> {
  return sql<SqlBool>`(jobs.latitude is not null and jobs.longitude is not null
    and point(jobs.longitude, jobs.latitude) <@ ${place.box}::box
    and ${distanceMiles(place)} <= ${place.radius})`;
}

/** Remote jobs open to someone living in the state (no list means anywhere in the US). */
export function remoteEligible(state: Expression<string>): Expression<SqlBool> {
  return sql<SqlBool>`(jobs.setting = 'remote' and (cardinality(jobs.remote_states) = 0 or ${state} = any(jobs.remote_states)))`;
}

/**
 * On-site and hybrid jobs within the radius; remote jobs open to the place's state. Applied
 * together with the settings condition. When the settings are known constants (a search) only
 * the branch they need is written, so the geo index serves it; with settings read from alert
 * rows (`null`), both branches are.
 */
export function locationCondition(
  place: MatchTerms["place"],
  settings: readonly Setting[] | null,
): Expression<SqlBool> | null {
  if (!place) return null;
  const near = nearCondition(place);
  const remote = remoteEligible(place.state);
  let condition: Expression<SqlBool> = sql<SqlBool>`((jobs.setting <> 'remote' and ${near}) or ${remote})`;
  if (settings) {
    const all: readonly string[] = settings.length ? settings : ["remote", "hybrid", "onsite"];
    const local = all.some((s) => s !== "remote");
    if (!all.includes("remote")) condition = near;
    else if (!local) condition = remote;
  }
  return place.when ? sql<SqlBool>`(not ${place.when} or ${condition})` : condition;
}
