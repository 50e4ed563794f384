// The /jobs query string (a public contract, see DESIGN.md) parsed into filters, and back.
// Client-safe: the filter form and the links of the results page build URLs with it.
import { z } from "zod";
import { EMPLOYMENT_TYPES, LEVELS, SETTINGS } from "~/jobs/format";
import { cleanLine, textField } from "~/utils/text-fields";

export const SETTING_VALUES = Object.keys(SETTINGS) as (keyof typeof SETTINGS)[];
export const TYPE_VALUES = Object.keys(EMPLOYMENT_TYPES) as (keyof typeof EMPLOYMENT_TYPES)[];
export const LEVEL_VALUES = Object.keys(LEVELS) as (keyof typeof LEVELS)[];
export const SORT_VALUES = ["relevance", "date", "salary"] as const;
export const POSTED_CHOICES = [1, 3, 7, 14, 30] as const;
export const RADIUS_CHOICES = [10, 25, 50, 100, 200] as const;
export const SALARY_CHOICES = [40_000, 50_000, 60_000, 70_000, 80_000, 100_000] as const;

export const MAX_QUERY_LENGTH = 200;
export const DEFAULT_RADIUS = 25;
export const MAX_RADIUS = 200;
export const MAX_PAGE = 1000;
const MAX_LIST = 10;

export type Setting = (typeof SETTING_VALUES)[number];
export type EmploymentType = (typeof TYPE_VALUES)[number];
export type Level = (typeof LEVEL_VALUES)[number];
export type Sort = (typeof SORT_VALUES)[number];

export type SearchFilters = {
  q: string;
  specialty: string[];
  credential: string[];
  setting: Setting[];
  type: EmploymentType[];
  level: Level[];
  /** An employer's slug: that company's jobs only. */
  company: string;
  salaryMin: number | null;
  location: string;
  radius: number;
  posted: number | null;
  /**
   * Only jobs whose required credentials the signed-in coder holds (`qualified=1`). A filter
   * of the person asking, not of the jobs: alerts and anonymous pages do not apply it.
   */
  qualified: boolean;
  /** The order asked for; "relevance" without keywords falls back to date (see effectiveSort). */
  sort: Sort | null;
  page: number;
};

export const emptyFilters: SearchFilters = {
  q: "",
  specialty: [],
  credential: [],
  setting: [],
  type: [],
  level: [],
  company: "",
  salaryMin: null,
  location: "",
  radius: DEFAULT_RADIUS,
  posted: null,
  qualified: false,
  sort: null,
  page: 1,
};

export function effectiveSort(filters: Pick<SearchFilters, "q" | "sort">): Sort {
  if (filters.sort === "salary" || filters.sort === "date") return filters.sort;
  return filters.q ? "relevance" : "date";
}

// Whole numbers as people type them in a URL: digits only (no "1e3", "0x10" or "2.5").
const intSchema = (min: number, max: number) =>
  textField()
    .regex(/^\d{1,10}$/)
    .transform(Number)
    .pipe(z.number().min(min).max(max));

// Control characters (NUL breaks Postgres text) and the replacement character that invalid
// UTF-8 such as %FF decodes to carry no meaning in a search.
function clean(text: string) {
  return cleanLine(text)
    .replace(/\ufffd/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function pickList<T extends string>(
  values: string[],
  allowed: readonly T[],
  label: string,
  notes: string[],
): T[] {
  const picked = [
    ...new Set(values.map((v) => v.trim().toLowerCase()).filter(Boolean)),
  ] as string[];
  const bad = picked.filter((v) => !allowed.includes(v as T));
  if (bad.length) notes.push(`Ignored unknown ${label}: ${bad.map((b) => `“${b}”`).join(", ")}.`);
  return picked.filter((v): v is T => allowed.includes(v as T));
}

/**
 * Reads the /jobs query string. Never throws: anything it cannot use is dropped or reset,
 * with a note saying so, and what the person typed (`typed`) is kept to echo in the form.
 */
export function parseSearchParams(params: URLSearchParams): {
  filters: SearchFilters;
  notes: string[];
  typed: { q: string; location: string };
} {
  const notes: string[] = [];
  const typedQ = params.get("q") ?? "";
  let q = clean(typedQ);
  if (q.length > MAX_QUERY_LENGTH) {
    q = q.slice(0, MAX_QUERY_LENGTH).replace(/\s+\S*$/, "");
    notes.push(
      `Your search text is long: only its first ${MAX_QUERY_LENGTH} characters were used.`,
    );
  }
  const typedLocation = params.get("location") ?? "";
  let location = clean(typedLocation);
  if (location.length > 100) {
    location = "";
    notes.push("That location is too long to look up: try a 5-digit ZIP or “City, ST”.");
  }

  const specialty = [
    ...new Set(
      params
        .getAll("specialty")
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
  const goodSpecialty = specialty.filter((s) => /^[a-z0-9-]{1,60}$/.test(s));
  if (goodSpecialty.length < specialty.length)
    notes.push("Ignored a specialty that is not a specialty name.");
  const credential = [
    ...new Set(
      params
        .getAll("credential")
        .map((c) => c.trim().toUpperCase())
        .filter(Boolean),
    ),
  ];
  const goodCredential = credential.filter((c) => /^[A-Z0-9-]{2,20}$/.test(c));
  if (goodCredential.length < credential.length)
    notes.push("Ignored a credential that is not a credential code.");

  const typedCompany = params.get("company")?.trim().toLowerCase() ?? "";
  const company = /^[a-z0-9-]{1,100}$/.test(typedCompany) ? typedCompany : "";
  if (typedCompany && !company) notes.push("Ignored an employer that is not an employer's name.");

  const numberParam = (name: string, schema: z.ZodType<number>, message: string) => {
    const raw = params.get(name);
    if (raw === null || raw.trim() === "") return null;
    const parsed = schema.safeParse(raw.trim());
    if (parsed.success) return parsed.data;
    notes.push(message);
    return null;
  };
  const salaryMin = numberParam(
    "salary_min",
    intSchema(0, 1_000_000),
    "Minimum salary must be a yearly amount in dollars, such as 55000: it was ignored.",
  );
  const radius =
    numberParam(
      "radius",
      intSchema(1, MAX_RADIUS),
      `Radius must be 1 to ${MAX_RADIUS} miles: showing ${DEFAULT_RADIUS} miles.`,
    ) ?? DEFAULT_RADIUS;
  const posted = numberParam(
    "posted",
    intSchema(1, 365),
    "“Posted within” must be 1 to 365 days: it was ignored.",
  );
  const page =
    numberParam(
      "page",
      intSchema(1, MAX_PAGE),
      `Page numbers run from 1 to at most ${MAX_PAGE}: showing page 1.`,
    ) ?? 1;
  const rawQualified = params.get("qualified")?.trim().toLowerCase() ?? "";
  const qualified = ["1", "on", "true", "yes"].includes(rawQualified);
  if (rawQualified && !qualified && !["0", "off", "false", "no"].includes(rawQualified))
    notes.push("Ignored “qualified”: it is on (1) or off (0).");
  const rawSort = params.get("sort")?.trim().toLowerCase() || null;
  let sort: Sort | null = null;
  if (rawSort) {
    if ((SORT_VALUES as readonly string[]).includes(rawSort)) sort = rawSort as Sort;
    else notes.push(`Ignored unknown sort order “${rawSort}”.`);
  }

  const tooMany = (list: string[], label: string) => {
    if (list.length > MAX_LIST) notes.push(`Only the first ${MAX_LIST} ${label} were used.`);
    return list.slice(0, MAX_LIST);
  };

  return {
    filters: {
      q,
      specialty: tooMany(goodSpecialty, "specialties"),
      credential: tooMany(goodCredential, "credentials"),
      setting: pickList(params.getAll("setting"), SETTING_VALUES, "setting", notes),
      type: pickList(params.getAll("type"), TYPE_VALUES, "job type", notes),
      level: pickList(params.getAll("level"), LEVEL_VALUES, "level", notes),
      company,
      salaryMin,
      location,
      radius,
      posted,
      qualified,
      sort,
      page,
    },
    notes,
    typed: { q: typedQ, location: typedLocation },
  };
}

/** The canonical query string of a search: defaults left out, lists in a stable order. */
export function toSearchParams(filters: Partial<SearchFilters>): URLSearchParams {
  const f = { ...emptyFilters, ...filters };
  const params = new URLSearchParams();
  if (f.q) params.set("q", f.q);
  for (const s of f.specialty) params.append("specialty", s);
  for (const c of f.credential) params.append("credential", c.toLowerCase());
  for (const s of f.setting) params.append("setting", s);
  for (const t of f.type) params.append("type", t);
  for (const l of f.level) params.append("level", l);
  if (f.company) params.set("company", f.company);
  if (f.salaryMin != null) params.set("salary_min", String(f.salaryMin));
  if (f.location) {
    params.set("location", f.location);
    if (f.radius !== DEFAULT_RADIUS) params.set("radius", String(f.radius));
  }
  if (f.posted != null) params.set("posted", String(f.posted));
  if (f.qualified) params.set("qualified", "1");
  if (f.sort) params.set("sort", f.sort);
  if (f.page > 1) params.set("page", String(f.page));
  return params;
}

/**
 * Whether a search page is worth a search engine's index: the plain list or one facet
 * (/jobs?specialty=cardiology). Keywords, places, pay, dates, sorting, later pages and facet
 * combinations are for people: crawlers get "noindex, follow" there.
 */
export function isIndexableSearch(f: SearchFilters) {
  const facets =
    f.specialty.length + f.credential.length + f.setting.length + f.type.length + f.level.length;
  return (
    facets <= 1 &&
    !f.q &&
    !f.location &&
    f.salaryMin == null &&
    f.posted == null &&
    !f.qualified &&
    f.sort == null &&
    f.page === 1
  );
}

export function searchHref(filters: Partial<SearchFilters>, base = "/jobs") {
  const qs = toSearchParams(filters).toString();
  return qs ? `${base}?${qs}` : base;
}
