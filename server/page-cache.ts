// Anonymous public pages served from memory, never stale (docs/decisions/023-page-cache.md).
// Each entry remembers the page-cache version (page_cache_version, bumped at the commit of any
// change to what public pages show) read before it was rendered; a hit is served only when a
// version read after the request arrived is still the same. The reads are shared: one query
// answers every request that arrived before it started, so a hit costs a fraction of a
// round trip, not a render. The HTML is kept with the CSP nonce cut out, and every hit gets the
// fresh nonce of its own response.
import type { Request as ExpressRequest } from "express";
import { sql } from "kysely";
import { recordJobView } from "../app/jobs/posting-stats.server";
import { getDb } from "../app/utils/db.server";

const MAX_ENTRIES = 2_000;
/** Pages also depend on the clock ("Posted today", a validity end passing): a minute at most. */
const MAX_AGE_MS = 60_000;

const PAGES = [
  /^\/$/,
  /^\/jobs$/,
  /^\/jobs\/\d+\/[^/]+$/,
  /^\/(codes|specialties|credentials)$/,
  /^\/(codes|specialties|credentials|companies)\/[^/.]+$/,
];
const JOB_PAGE = /^\/jobs\/(\d+)\/[^/]+$/;
/** The /jobs parameters the cache knows; any other query is served fresh. */
const SEARCH_PARAMS = new Set([
  "q",
  "setting",
  "type",
  "level",
  "specialty",
  "credential",
  "location",
  "radius",
  "salary_min",
  "posted",
  "sort",
  "company",
  "page",
]);

type Entry = {
  version: string;
  at: number;
  status: number;
  headers: [string, string][];
  /** The HTML split at its nonce. */
  parts: string[];
};

const entries = new Map<string, Entry>();

/** The cache key of a request, or null when it must be rendered for this request alone. */
export function cacheKey(req: ExpressRequest): string | null {
  if (req.method !== "GET") return null;
  // A session, a flash message or any other cookie: the page may be someone's own.
  if (req.headers.cookie || req.headers.authorization) return null;
  const path = req.path;
  if (!PAGES.some((p) => p.test(path))) return null;
  const q = req.originalUrl.indexOf("?");
  if (q === -1) return path;
  if (path !== "/jobs") return null;
  const params = new URLSearchParams(req.originalUrl.slice(q + 1));
  const pairs: string[] = [];
  for (const [key, value] of params) {
    if (!SEARCH_PARAMS.has(key)) return null;
    if (key === "page" && value !== "1") return null;
    if (value.length > 100) return null;
    pairs.push(`${key}=${value}`);
  }
  return `${path}?${pairs.sort().join("&")}`;
}

let running: Promise<string> | null = null;
let queued: Promise<string> | null = null;

function readVersion(): Promise<string> {
  const query = sql<{ n: string }>`select n::text as n from page_cache_version`
    .execute(getDb())
    .then((r) => r.rows[0]?.n ?? "0");
  running = query;
  query.then(
    () => {
      if (running === query) running = null;
    },
    () => {
      if (running === query) running = null;
    },
  );
  return query;
}

/** The version as read by a query that started after this call (shared with other callers). */
export function currentVersion(): Promise<string> {
  if (!running) return readVersion();
  if (!queued) {
    const after = running.then(
      () => {},
      () => {},
    );
    queued = after.then(() => {
      queued = null;
      return readVersion();
    });
  }
  return queued;
}

export type CachedPage = { status: number; headers: [string, string][]; body: string };

/**
 * A hit for `key` with `nonce` put in, or null (missing, too old, or older than `version`, read
 * by currentVersion after the request arrived).
 */
export function lookUp(key: string, nonce: string, version: string): CachedPage | null {
  const entry = entries.get(key);
  if (!entry) return null;
  if (Date.now() - entry.at > MAX_AGE_MS) {
    entries.delete(key);
    return null;
  }
  if (version !== entry.version) {
    if (entries.get(key) === entry) entries.delete(key);
    return null;
  }
  return { status: entry.status, headers: entry.headers, body: entry.parts.join(nonce) };
}

/** Whether a rendered response may be kept for everyone. */
export function storable(response: globalThis.Response) {
  if (response.status !== 200) return false;
  if (!response.headers.get("content-type")?.startsWith("text/html")) return false;
  if (response.headers.getSetCookie().length) return false;
  const cacheControl = response.headers.get("cache-control") ?? "";
  return !/private|no-store/.test(cacheControl);
}

export function store(
  key: string,
  version: string,
  response: globalThis.Response,
  body: string,
  nonce: string,
) {
  const headers = [...response.headers].filter(
    ([name]) => name !== "set-cookie" && name !== "content-length",
  );
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  entries.set(key, {
    version,
    at: Date.now(),
    status: response.status,
    headers,
    parts: nonce ? body.split(nonce) : [body],
  });
}

/** A job page served from memory still counts as a view of that job (bots and prefetch excepted). */
export function countHit(req: ExpressRequest, url: string) {
  const id = JOB_PAGE.exec(req.path)?.[1];
  if (!id) return;
  const headers = new Headers();
  const ua = req.headers["user-agent"];
  if (ua) headers.set("user-agent", ua);
  const purpose = req.headers.purpose;
  if (typeof purpose === "string") headers.set("purpose", purpose);
  void recordJobView(Number(id), new Request(url, { headers }));
}

/** Forgets every page (tests). */
export function clearPageCache() {
  entries.clear();
}
