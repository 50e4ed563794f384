// Job search for /jobs and the feeds: full-text with a typo-tolerant fallback, filters,
// facet counts, featured pinning and stable pagination. Decision record 008 explains why.
import {
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type RawBuilder,
  type SqlBool,
  sql,
} from "kysely";
import type { DB } from "#db/types";
import { cardColumns, cardCredentials, isOpenSearchRow } from "~/jobs/jobs.server";
import { cached } from "~/utils/cache.server";
import { getDb } from "~/utils/db.server";
import {
  boundingBox,
  boxLiteral,
  jobConditions,
  locationCondition,
  type MatchTerms,
  nearCondition,
  remoteEligible,
} from "./conditions.server";
import {
  effectiveSort,
  emptyFilters,
  MAX_RADIUS,
  RADIUS_CHOICES,
  type SearchFilters,
  type Setting,
} from "./search-schemas";

export const PAGE_SIZE = 20;

export type Place = { label: string; latitude: number; longitude: number; state: string };

type Reference = {
  specialties: { id: number; slug: string; name: string }[];
  credentials: { id: number; code: string; name: string }[];
};

/** Specialties and credentials change only with a reference seed: cached for a minute. */
export function loadReference(db: Kysely<DB> = getDb()): Promise<Reference> {
  return cached("search:reference", 60_000, () =>
    Promise.all([
      db.selectFrom("specialties").select(["id", "slug", "name"]).orderBy("name").execute(),
      db.selectFrom("credentials").select(["id", "code", "name"]).orderBy("code").execute(),
    ]).then(([specialties, credentials]) => ({ specialties, credentials })),
  );
}

/** A 5-digit ZIP, "City, ST" or a bare city name (the state with most ZIPs of that name). */
export async function resolvePlace(text: string, db: Kysely<DB> = getDb()): Promise<Place | null> {
  const input = text.trim();
  if (!input) return null;
  const zip = /^(\d{5})(?:-\d{4})?$/.exec(input);
  if (zip) {
    const row = await db
      .selectFrom("places")
      .select(["zip", "city", "state", "latitude", "longitude"])
      .where("zip", "=", zip[1])
      .executeTakeFirst();
    return row
      ? {
          label: `${row.zip} (${row.city}, ${row.state})`,
          latitude: row.latitude,
          longitude: row.longitude,
          state: row.state,
        }
      : null;
  }
  const cityState = /^(.+?)[,\s]\s*([A-Za-z]{2})$/.exec(input);
  const city = (cityState ? cityState[1] : input).replace(/,$/, "").trim();
  const state = cityState?.[2].toUpperCase();
  if (!/^[\p{L} .'-]{2,60}$/u.test(city)) return null;
  // A city's centroid is the mean of its ZIP centroids.
  let query = db
    .selectFrom("places")
    .select([
      sql<string>`min(city)`.as("city"),
      "state",
      sql<number>`avg(latitude)`.as("latitude"),
      sql<number>`avg(longitude)`.as("longitude"),
    ])
    .where(sql<string>`lower(city)`, "=", city.toLowerCase())
    .groupBy("state")
    .orderBy(sql`count(*)`, "desc")
    .orderBy("state")
    .limit(1);
  if (state) query = query.where("state", "=", state);
  let row = await query.executeTakeFirst();
  // "Springfield IL" without a comma: the last two letters may be part of the city name.
  if (!row && cityState && !input.includes(",")) return resolvePlace(`${input},`, db);
  if (!row) return null;
  row = { ...row, latitude: Number(row.latitude), longitude: Number(row.longitude) };
  return {
    label: `${row.city}, ${row.state}`,
    latitude: row.latitude,
    longitude: row.longitude,
    state: row.state,
  };
}

type Keyword = { text: string; tsquery: string; plain: boolean };

/** What a search means once checked against the database. */
export type ResolvedSearch = {
  filters: SearchFilters;
  keyword: Keyword | null;
  /** Title and company matched by trigram similarity (used when full-text finds nothing). */
  fuzzy: boolean;
  place: Place | null;
  company: { id: number; name: string } | null;
  specialtyIds: number[];
  credentialIds: number[];
  /** The searcher's credentials when `qualified` applies (signed in), else null. */
  heldCredentialIds: number[] | null;
  notes: string[];
};

export async function resolveSearch(
  input: SearchFilters,
  db: Kysely<DB> = getDb(),
  /** The credentials of the person searching (signed in), for `qualified`; null: nobody. */
  held: number[] | null = null,
): Promise<ResolvedSearch> {
  const notes: string[] = [];
  const filters = { ...input };
  if (filters.qualified && !held) {
    notes.push(
      "Sign in and list your credentials in your profile to see only the jobs whose required credentials you hold: showing every job.",
    );
    filters.qualified = false;
  } else if (filters.qualified && held?.length === 0) {
    notes.push(
      "Your profile lists no credentials yet (or only expired ones), so this shows only jobs that require none. Add yours in your profile.",
    );
  }
  const [reference, keyword, place, company] = await Promise.all([
    loadReference(db),
    filters.q
      ? sql<{ tsquery: string; nodes: number }>`
          select websearch_to_tsquery('english', unaccent(${filters.q}))::text as tsquery,
                 numnode(websearch_to_tsquery('english', unaccent(${filters.q}))) as nodes`
          .execute(db)
          .then((r) => r.rows[0])
      : null,
    filters.location ? resolvePlace(filters.location, db) : null,
    filters.company
      ? db
          .selectFrom("companies")
          .select(["id", "name"])
          .where("slug", "=", filters.company)
          .executeTakeFirst()
      : undefined,
  ]);
  if (filters.company && !company) {
    notes.push("We could not find that employer: showing jobs at every employer.");
    filters.company = "";
  }

  const specialties = filters.specialty.map((slug) => ({
    slug,
    row: reference.specialties.find((s) => s.slug === slug),
  }));
  const unknownSpecialties = specialties.filter((s) => !s.row).map((s) => s.slug);
  if (unknownSpecialties.length)
    notes.push(
      `There is no specialty called ${unknownSpecialties.map((s) => `“${s}”`).join(", ")}: that filter was ignored.`,
    );
  filters.specialty = specialties.filter((s) => s.row).map((s) => s.slug);

  const credentials = filters.credential.map((code) => ({
    code,
    row: reference.credentials.find((c) => c.code.toUpperCase() === code),
  }));
  const unknownCredentials = credentials.filter((c) => !c.row).map((c) => c.code);
  if (unknownCredentials.length)
    notes.push(
      `We don't know the credential ${unknownCredentials.map((c) => `“${c}”`).join(", ")}: that filter was ignored.`,
    );
  filters.credential = credentials.flatMap((c) => (c.row ? [c.row.code] : []));

  let resolvedKeyword: Keyword | null = null;
  if (keyword && keyword.nodes > 0) {
    resolvedKeyword = {
      text: filters.q,
      tsquery: keyword.tsquery,
      // Only plain words get the typo-tolerant fallback: quotes, "-term" and "or" mean the
      // person asked for exactly that.
      plain: !/["-]|\bor\b/i.test(filters.q) && filters.q.length >= 3,
    };
  } else if (filters.q) {
    notes.push(
      `“${filters.q}” has only very common words, so it was not used to narrow the search.`,
    );
  }

  if (filters.location && !place) {
    notes.push(
      `We couldn't find the location “${filters.location}”: try a 5-digit ZIP or “City, ST”. Showing jobs anywhere.`,
    );
  }

  return {
    filters,
    keyword: resolvedKeyword,
    fuzzy: false,
    place,
    company: company ?? null,
    specialtyIds: specialties.flatMap((s) => (s.row ? [s.row.id] : [])),
    credentialIds: credentials.flatMap((c) => (c.row ? [c.row.id] : [])),
    heldCredentialIds: filters.qualified && held ? [...held].sort((a, b) => a - b) : null,
    notes,
  };
}

type Facet = "specialty" | "credential" | "setting" | "type" | "level";

/** The settings a search shows: with a location and no setting picked, on-site and hybrid. */
export function effectiveSettings(search: Pick<ResolvedSearch, "filters" | "place">): Setting[] {
  if (search.filters.setting.length) return search.filters.setting;
  if (search.place) return ["onsite", "hybrid"];
  return [];
}

/** A search's values as the operands of the shared conditions (conditions.server.ts). */
export function searchTerms(search: ResolvedSearch): MatchTerms {
  const f = search.filters;
  const settings = effectiveSettings(search);
  const place = search.place;
  const value = <T>(v: RawBuilder<T>) => ({ value: v });
  return {
    tsquery: search.keyword ? value(sql<string>`${search.keyword.tsquery}::tsquery`) : null,
    levels: f.level.length ? value(sql<string[]>`${f.level}::text[]`) : null,
    salaryMin: f.salaryMin != null ? value(sql<number>`${f.salaryMin}::int`) : null,
    postedDays: f.posted != null ? value(sql<number>`${f.posted}::int`) : null,
    companyId: search.company ? value(sql<number>`${search.company.id}::int`) : null,
    specialtyIds: search.specialtyIds.length
      ? value(sql<number[]>`${search.specialtyIds}::int[]`)
      : null,
    credentialIds: search.credentialIds.length
      ? value(sql<number[]>`${search.credentialIds}::int[]`)
      : null,
    heldCredentialIds: search.heldCredentialIds
      ? value(sql<number[]>`${search.heldCredentialIds}::int[]`)
      : null,
    settings: settings.length ? value(sql<string[]>`${settings}::text[]`) : null,
    types: f.type.length ? value(sql<string[]>`${f.type}::text[]`) : null,
    place: place
      ? {
          latitude: sql<number>`${place.latitude}::float8`,
          longitude: sql<number>`${place.longitude}::float8`,
          state: sql<string>`${place.state}::text`,
          radius: sql<number>`${f.radius}::int`,
          box: sql<string>`${boxLiteral(boundingBox(place, f.radius))}`,
        }
      : null,
  };
}

function keywordCondition(search: ResolvedSearch): Expression<SqlBool> | null {
  if (search.keyword && search.fuzzy) {
    const text = search.keyword.text;
    return sql<SqlBool>`(jobs.title %> ${text} or jobs.company_id in (select c.id from companies c where c.name %> ${text}))`;
  }
  return jobConditions(searchTerms(search)).keyword;
}

function locationFor(search: ResolvedSearch, settings: Setting[]) {
  return locationCondition(searchTerms(search).place, settings);
}

/** Conditions every facet shares: keyword, salary, posted, employer, credentials held. */
function sharedConditions(search: ResolvedSearch): Expression<SqlBool>[] {
  const c = jobConditions(searchTerms(search));
  return [keywordCondition(search), c.salary, c.posted, c.company, c.qualified].filter(
    (x): x is Expression<SqlBool> => x != null,
  );
}

function facetConditions(search: ResolvedSearch): Record<Facet, Expression<SqlBool> | null> {
  const c = jobConditions(searchTerms(search));
  return {
    specialty: c.specialty,
    credential: c.credential,
    setting: c.setting,
    type: c.type,
    level: c.level,
  };
}

/** Every condition of the search, as one expression over `jobs`. */
function allConditions(search: ResolvedSearch) {
  return (eb: ExpressionBuilder<DB, "jobs">) => {
    const facets = facetConditions(search);
    const location = locationFor(search, effectiveSettings(search));
    return eb.and(
      [
        isOpenSearchRow(eb),
        ...sharedConditions(search),
        location,
        facets.specialty,
        facets.credential,
        facets.setting,
        facets.type,
        facets.level,
      ].filter((c): c is Expression<SqlBool> => c != null),
    );
  };
}

export type FacetCounts = {
  specialty: Record<string, number>;
  credential: Record<string, number>;
  setting: Record<string, number>;
  type: Record<string, number>;
  level: Record<string, number>;
};

type Stats = { total: number; featured: number; facets: FacetCounts };

const FACETS: Facet[] = ["specialty", "credential", "setting", "type", "level"];

/**
 * Counts read job_search, the narrow copy of published jobs kept by a trigger on jobs
 * (migration 2026-12-01T1300), under the name `jobs`: it has every column the conditions read,
 * with the same values in the same transaction, so counts and the list (read from jobs) agree.
 */
const COUNTED = "job_search as jobs" as "jobs";

/**
 * Total, featured total and the five facets in ONE pass over the matching open jobs: rows
 * matching every non-facet filter, grouped by their combination of facet columns (setting,
 * type, level, specialty and credential ids: facet_keys, migration T1600), a few hundred
 * groups at most, each counting its rows and its featured rows, then given a flag per facet
 * filter. Summed here so each facet counts the rows passing every OTHER facet's filter: the
 * number beside an option is exactly what choosing it yields. Without facets (totals only)
 * every filter goes into the WHERE clause.
 */
function statsQuery(search: ResolvedSearch, db: Kysely<DB>, facets: boolean) {
  const cond = facetConditions(search);
  const shared = sharedConditions(search);
  const flag = (c: Expression<SqlBool> | null) => sql<boolean>`${c ?? sql`true`}`;
  const present = (list: (Expression<SqlBool> | null)[]) =>
    list.filter((c): c is Expression<SqlBool> => c != null);
  const n = sql<number>`count(*)::int`;
  const featured = sql<number>`(count(*) filter (where jobs.featured_until > now()))::int`;
  if (!facets) {
    return db
      .selectFrom(COUNTED)
      .select([
        sql<string>`''`.as("setting"),
        sql<string>`''`.as("employment_type"),
        sql<string>`''`.as("level"),
        sql<boolean>`true`.as("specialty_ok"),
        sql<boolean>`true`.as("credential_ok"),
        sql<boolean>`true`.as("setting_ok"),
        sql<boolean>`true`.as("type_ok"),
        sql<boolean>`true`.as("level_ok"),
        sql<number[]>`'{}'::int[]`.as("specialty_ids"),
        sql<number[]>`'{}'::int[]`.as("credential_ids"),
        n.as("n"),
        featured.as("featured"),
      ])
      .where(allConditions(search));
  }
  // Grouped by the small id of the row's facet columns (facet_keys, migration T1600) rather
  // than the columns themselves: hashing two arrays per match cost as much as finding them.
  // Featured rows are counted in their group rather than grouped apart: half the groups.
  const grouped = (location: Expression<SqlBool> | null) =>
    db
      .selectFrom(COUNTED)
      .select([sql<number>`jobs.facet_key`.as("facet_key"), n.as("n"), featured.as("featured")])
      .where(isOpenSearchRow)
      .where((eb) => eb.and(present([...shared, location])))
      .groupBy(sql`1`);
  // The setting facet needs every setting counted; remote jobs are matched by state, the
  // others by distance, in two index-friendly branches rather than one OR (disjoint: a
  // combination's setting is either remote or not, so no group is counted twice).
  const placeTerms = searchTerms(search).place;
  const groups = placeTerms
    ? grouped(sql<SqlBool>`jobs.setting <> 'remote' and ${nearCondition(placeTerms)}`).unionAll(
        grouped(remoteEligible(placeTerms.state)),
      )
    : grouped(null);
  // Each group's facet columns, under the name `jobs` so the facet filters read them as they
  // read a job's; the filters depend on those columns alone.
  return db
    .selectFrom(groups.as("g"))
    .innerJoin("facet_keys as jobs", "jobs.id", "g.facet_key")
    .select([
      "jobs.setting",
      "jobs.employment_type",
      "jobs.level",
      flag(cond.specialty).as("specialty_ok"),
      flag(cond.credential).as("credential_ok"),
      flag(cond.setting).as("setting_ok"),
      flag(cond.type).as("type_ok"),
      flag(cond.level).as("level_ok"),
      "jobs.specialty_ids",
      "jobs.credential_ids",
      "g.n",
      "g.featured",
    ]);
}

/**
 * The planner sees a common word matching every open job and picks a sequential scan that
 * decompresses each job's search document to test it; the GIN index answers the same
 * question without reading one (no recheck for plain words). With a keyword the count runs
 * with sequential scans off; every count gets room to group in memory (the planner expects
 * a group per row, because of the id arrays, and would sort to disk instead), and runs in one
 * process: with its rows decoded only up to the counted columns (T1700), parallel workers
 * cost more to start and merge than they save (~2 ms at one connection), and on two cores
 * under load they only take turns with other requests.
 */
async function runCounts(search: ResolvedSearch, db: Kysely<DB>, facets: boolean) {
  return withSearchPlan(search, db, (trx) => statsQuery(search, trx, facets).execute(), {
    counting: true,
  });
}

/**
 * Runs a search's query with the planner told what it cannot see (above): with a keyword,
 * through the GIN index rather than a scan decompressing every document; for counts, room
 * to group in memory. Each call its own transaction, so the lists run side by side.
 */
async function withSearchPlan<T>(
  search: ResolvedSearch,
  db: Kysely<DB>,
  run: (db: Kysely<DB>) => Promise<T>,
  { counting = false }: { counting?: boolean } = {},
): Promise<T> {
  const viaIndex = search.keyword && !search.fuzzy;
  if (db.isTransaction || (!viaIndex && !counting)) return run(db);
  return db.transaction().execute(async (trx) => {
    if (counting)
      await sql`set local enable_sort = off; set local work_mem = '32MB';
        set local max_parallel_workers_per_gather = 0`.execute(trx);
    if (viaIndex) await sql`set local enable_seqscan = off`.execute(trx);
    return run(trx);
  });
}

async function computeStats(
  search: ResolvedSearch,
  db: Kysely<DB>,
  { facets = true }: { facets?: boolean } = {},
): Promise<Stats> {
  const [groups, reference] = await Promise.all([
    runCounts(search, db, facets),
    facets ? loadReference(db) : null,
  ]);
  const stats: Stats = {
    total: 0,
    featured: 0,
    facets: { setting: {}, type: {}, level: {}, specialty: {}, credential: {} },
  };
  const slugs = new Map(reference?.specialties.map((s) => [s.id, s.slug]));
  const codes = new Map(reference?.credentials.map((c) => [c.id, c.code]));
  const add = (counts: Record<string, number>, key: string | undefined, n: number) => {
    if (key !== undefined) counts[key] = (counts[key] ?? 0) + n;
  };
  for (const g of groups) {
    const ok: Record<Facet, boolean> = {
      specialty: g.specialty_ok,
      credential: g.credential_ok,
      setting: g.setting_ok,
      type: g.type_ok,
      level: g.level_ok,
    };
    // Passes every facet filter but the one named.
    const othersOk = (facet: Facet) => FACETS.every((f) => f === facet || ok[f]);
    if (othersOk("specialty") && ok.specialty) {
      stats.total += g.n;
      stats.featured += g.featured;
    }
    if (!facets) continue;
    if (othersOk("setting")) add(stats.facets.setting, g.setting, g.n);
    if (othersOk("type")) add(stats.facets.type, g.employment_type, g.n);
    if (othersOk("level")) add(stats.facets.level, g.level, g.n);
    if (othersOk("specialty"))
      for (const id of g.specialty_ids) add(stats.facets.specialty, slugs.get(id), g.n);
    if (othersOk("credential"))
      for (const id of g.credential_ids) add(stats.facets.credential, codes.get(id), g.n);
  }
  return stats;
}

/**
 * One part of the list (featured or not), one page of it: the ids in order from job_search
 * (narrow rows; relevance from the small rank document of title and tags, migration T1411),
 * then the cards of those rows only from jobs.
 */
function listQuery(
  search: ResolvedSearch,
  db: Kysely<DB>,
  featured: boolean,
  { limit, offset = 0 }: { limit: number; offset?: number },
) {
  const sort = effectiveSort(search.filters);
  const keyword = sort === "relevance" ? search.keyword : null;
  const rank = !keyword
    ? sql<number>`0`
    : search.fuzzy
      ? sql<number>`greatest(word_similarity(${keyword.text}, jobs.title),
          word_similarity(${keyword.text}, (select c.name from companies c where c.id = jobs.company_id)))`
      : // Weights {D, C, B, A}: a title (A) hit outweighs a specialty or credential (B) one.
        // ts_rank: the documents are a few words, where cover density adds cost, not order.
        sql<number>`ts_rank('{0.02, 0.05, 0.3, 1.0}', jobs.rank_vector, ${keyword.tsquery}::tsquery)`;
  let page = db
    .selectFrom(COUNTED)
    .select(["jobs.id", "jobs.published_at", "jobs.salary_max_annual", rank.as("relevance")])
    .where(allConditions(search))
    .where(
      featured
        ? sql<SqlBool>`jobs.featured_until > now()`
        : sql<SqlBool>`(jobs.featured_until is null or jobs.featured_until <= now())`,
    );
  // The same order inside (to cut the page) and outside (to keep it).
  const orderKeys = (table: "jobs" | "ranked") => {
    const col = (name: string) => sql.ref(`${table}.${name}`);
    return [
      // Inside, the select's alias (unqualified); outside, the subquery's column.
      ...(keyword
        ? [sql`${sql.ref(table === "jobs" ? "relevance" : "ranked.relevance")} desc`]
        : []),
      sort === "salary"
        ? sql`${col("salary_max_annual")} desc nulls last`
        : sql`${col("published_at")} desc`,
      sql`${col("id")} desc`,
    ];
  };
  for (const key of orderKeys("jobs")) page = page.orderBy(key);
  let cards = db
    .selectFrom(page.limit(limit).offset(offset).as("ranked"))
    .innerJoin("jobs", "jobs.id", "ranked.id")
    .innerJoin("companies", "companies.id", "jobs.company_id")
    .select(cardColumns)
    .select(["jobs.salary_max_annual", "jobs.valid_through"])
    .select((eb) => [sql<boolean>`${featured}::boolean`.as("featured"), cardCredentials(eb)]);
  for (const key of orderKeys("ranked")) cards = cards.orderBy(key);
  return cards;
}

export type SearchJob = Awaited<ReturnType<ReturnType<typeof listQuery>["execute"]>>[number];

export type SearchResult = {
  search: ResolvedSearch;
  jobs: SearchJob[];
  total: number;
  page: number;
  pageCount: number;
  facets: FacetCounts;
};

function cachedStats(
  search: ResolvedSearch,
  db: Kysely<DB>,
  options: { facets: boolean; cacheSeconds: number },
) {
  if (!options.cacheSeconds) return computeStats(search, db, options);
  // Page and sort do not change counts.
  const key = JSON.stringify([
    { ...search.filters, page: 0, sort: null },
    search.fuzzy,
    search.place,
    search.heldCredentialIds,
    options.facets,
  ]);
  return cached(`search:stats:${key}`, options.cacheSeconds * 1000, () =>
    computeStats(search, db, options),
  );
}

/**
 * Runs a search. Featured jobs come first, then the rest, each in the chosen order with the id
 * as the last tie-breaker, so pages neither repeat nor skip jobs. When keywords find nothing,
 * the search runs again matching titles and company names by trigram similarity.
 *
 * `cacheSeconds` lets the /jobs page reuse counts (total and facets) of an identical search for
 * a few seconds; the list itself is always read fresh.
 */
export async function searchJobs(
  filters: SearchFilters,
  {
    db = getDb(),
    facets = true,
    pageSize = PAGE_SIZE,
    cacheSeconds = 0,
    held = null,
  }: {
    db?: Kysely<DB>;
    facets?: boolean;
    pageSize?: number;
    cacheSeconds?: number;
    /** The signed-in searcher's credentials (see resolveSearch), for `qualified`. */
    held?: number[] | null;
  } = {},
): Promise<SearchResult> {
  let search = await resolveSearch(filters, db, held);
  const exact = search;
  // Page one's featured part needs nothing from the counts but how many rows to keep (at most
  // a page of featured jobs, and the counts say how many there are), so it is read beside them.
  const firstFeatured =
    search.filters.page === 1
      ? withSearchPlan(search, db, (trx) =>
          listQuery(search, trx, true, { limit: pageSize }).execute(),
        )
      : null;
  // Read only if the counts say so; never left to reject unheard.
  firstFeatured?.catch(() => {});
  let stats = await cachedStats(search, db, { facets, cacheSeconds });
  if (stats.total === 0 && search.keyword?.plain) {
    const fuzzy = { ...search, fuzzy: true };
    const fuzzyStats = await cachedStats(fuzzy, db, { facets, cacheSeconds });
    if (fuzzyStats.total > 0) {
      search = {
        ...fuzzy,
        notes: [
          ...search.notes,
          `No exact matches for “${search.keyword.text}”: showing jobs with similar titles or company names.`,
        ],
      };
      stats = fuzzyStats;
    }
  }
  const pageCount = Math.max(1, Math.ceil(stats.total / pageSize));
  const page = search.filters.page;
  if (page > pageCount && stats.total > 0) {
    search.notes.push(
      `There is no page ${page}: this search has ${pageCount} page${pageCount === 1 ? "" : "s"}.`,
    );
  }
  const offset = (page - 1) * pageSize;
  const featuredTake = Math.max(0, Math.min(pageSize, stats.featured - offset));
  const restOffset = Math.max(0, offset - stats.featured);
  const restTake = pageSize - featuredTake;
  const [featuredJobs, restJobs] = await Promise.all([
    featuredTake === 0
      ? []
      : firstFeatured && search === exact
        ? firstFeatured.then((rows) => rows.slice(0, featuredTake))
        : withSearchPlan(search, db, (trx) =>
            listQuery(search, trx, true, { limit: featuredTake, offset }).execute(),
          ),
    restTake > 0 && stats.total > stats.featured && offset < stats.total
      ? withSearchPlan(search, db, (trx) =>
          listQuery(search, trx, false, { limit: restTake, offset: restOffset }).execute(),
        )
      : [],
  ]);
  return {
    search,
    jobs: [...featuredJobs, ...restJobs],
    total: stats.total,
    page,
    pageCount,
    facets: stats.facets,
  };
}

/** The SQL a search runs (counts and facets, then each part of the list), for EXPLAIN in the bench. */
export async function compileSearchQueries(filters: SearchFilters, db: Kysely<DB> = getDb()) {
  const search = await resolveSearch(filters, db);
  return [
    { name: "counts and facets", query: statsQuery(search, db, true).compile() },
    { name: "featured list", query: listQuery(search, db, true, { limit: PAGE_SIZE }).compile() },
    { name: "list", query: listQuery(search, db, false, { limit: PAGE_SIZE }).compile() },
  ];
}

/** How many open jobs a search finds (for the "try instead" links of an empty result). */
export async function countJobs(
  filters: SearchFilters,
  db: Kysely<DB> = getDb(),
  held: number[] | null = null,
) {
  const search = await resolveSearch(filters, db, held);
  const stats = await computeStats(search, db, { facets: false });
  return stats.total;
}

export type Alternative = { label: string; filters: SearchFilters; total: number };

/** For an empty result: the nearest searches that do find jobs (drop one filter, widen the radius). */
export async function suggestAlternatives(
  search: ResolvedSearch,
  db: Kysely<DB> = getDb(),
): Promise<Alternative[]> {
  const f = { ...search.filters, page: 1 };
  const candidates: { label: string; filters: SearchFilters }[] = [];
  if (search.place && f.radius < MAX_RADIUS) {
    const wider = RADIUS_CHOICES.find((r) => r > f.radius) ?? MAX_RADIUS;
    candidates.push({
      label: `Widen the radius to ${wider} miles`,
      filters: { ...f, radius: wider },
    });
  }
  if (search.place && !f.setting.includes("remote")) {
    candidates.push({
      label: `Include remote jobs open to ${search.place.state}`,
      filters: { ...f, setting: [...effectiveSettings(search), "remote"] },
    });
  }
  if (f.q) candidates.push({ label: `Search without “${f.q}”`, filters: { ...f, q: "" } });
  for (const slug of f.specialty)
    candidates.push({
      label: `Drop the specialty “${slug}”`,
      filters: { ...f, specialty: f.specialty.filter((s) => s !== slug) },
    });
  for (const code of f.credential)
    candidates.push({
      label: `Drop the credential ${code}`,
      filters: { ...f, credential: f.credential.filter((c) => c !== code) },
    });
  if (f.setting.length)
    candidates.push({ label: "Any work setting", filters: { ...f, setting: [] } });
  if (f.type.length) candidates.push({ label: "Any job type", filters: { ...f, type: [] } });
  if (f.level.length)
    candidates.push({ label: "Any experience level", filters: { ...f, level: [] } });
  if (f.salaryMin != null)
    candidates.push({ label: "Any salary", filters: { ...f, salaryMin: null } });
  if (f.posted != null)
    candidates.push({ label: "Posted any time", filters: { ...f, posted: null } });
  if (f.location) candidates.push({ label: "Anywhere", filters: { ...f, location: "" } });
  if (f.company) candidates.push({ label: "Any employer", filters: { ...f, company: "" } });
  if (f.qualified)
    candidates.unshift({
      label: "Include jobs that require credentials you do not hold",
      filters: { ...f, qualified: false },
    });
  const held = search.heldCredentialIds;
  const count = (list: typeof candidates) =>
    Promise.all(
      list.map(async (c) => ({ ...c, total: await countJobs(c.filters, db, held) })),
    ).then((rows) => rows.filter((c) => c.total > 0));
  const counted = await count(candidates.slice(0, 8));
  if (counted.length) return counted;
  // No single change helps: offer each main part of the search on its own, then everything.
  const broader: typeof candidates = [];
  if (f.q && (f.location || f.specialty.length || f.credential.length))
    broader.push({
      label: `“${f.q}” anywhere, no other filters`,
      filters: { ...emptyFilters, q: f.q },
    });
  if (f.location)
    broader.push({
      label: `All jobs within ${f.radius} miles of ${search.place?.label ?? f.location}`,
      filters: { ...emptyFilters, location: f.location, radius: f.radius },
    });
  broader.push({ label: "All open jobs", filters: { ...emptyFilters } });
  return count(broader);
}
