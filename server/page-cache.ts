// Anonymous public pages served from memory, never stale (docs/decisions/023-page-cache.md).
// Each entry remembers the page-cache version (page_cache_version, bumped at the commit of any
// change to what public pages show) read before it was rendered; a hit is served only when a
// version read after the request arrived is still the same. The reads are shared: one query
// answers every request that arrived before it started, so a hit costs a fraction of a
// round trip, not a render. The HTML is kept with the CSP nonce cut out, and every hit gets the
// fresh nonce of its own response. Each part is also kept compressed, so a hit for a browser
// (which asks for gzip) costs a few copies rather than compressing the whole page again.
import { constants, crc32, deflateRawSync } from "node:zlib";
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
  parts: Buffer[];
  /**
   * Each part as raw deflate blocks ending on a byte boundary (a sync flush), not final: made
   * by the first hit that asks for gzip, not when the page is stored (a page seen once, such
   * as a search nobody repeats, never pays for it).
   */
  deflated?: Buffer[];
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

export type CachedPage = {
  status: number;
  headers: [string, string][];
  body: Buffer;
  /** "gzip" when `body` is gzip-compressed (asked for with `gzip` in lookUp). */
  encoding: "gzip" | null;
};

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
/** An empty final block (fixed Huffman codes, end of block at once): ends the deflate stream. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);

/** A stored (uncompressed) deflate block holding `bytes` (under 64 KiB), not final. */
function storedBlock(bytes: Buffer) {
  const head = Buffer.alloc(5);
  head.writeUInt16LE(bytes.length, 1);
  head.writeUInt16LE(~bytes.length & 0xffff, 3);
  return Buffer.concat([head, bytes]);
}

/**
 * The page as one gzip member (RFC 1951/1952): each part's deflate blocks as stored, the nonce
 * between them in a stored block, an empty final block, then the CRC-32 and length of the
 * whole. Valid because each part was compressed on its own (no reference reaches across
 * parts) and each ends byte-aligned.
 */
function gzipped(entry: Entry, filler: Buffer) {
  entry.deflated ??= entry.parts.map((part) =>
    deflateRawSync(part, { finishFlush: constants.Z_SYNC_FLUSH }),
  );
  const deflated = entry.deflated;
  const nonceBlock = storedBlock(filler);
  const pieces: Buffer[] = [GZIP_HEADER];
  let crc = 0;
  let size = 0;
  for (const [i, part] of entry.parts.entries()) {
    if (i) {
      pieces.push(nonceBlock);
      crc = crc32(filler, crc);
      size += filler.length;
    }
    pieces.push(deflated[i]);
    crc = crc32(part, crc);
    size += part.length;
  }
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(size >>> 0, 4);
  pieces.push(FINAL_BLOCK, trailer);
  return Buffer.concat(pieces);
}

/**
 * A hit for `key` with `nonce` put in, or null (missing, too old, or older than `version`, read
 * by currentVersion after the request arrived).
 */
export function lookUp(
  key: string,
  nonce: string,
  version: string,
  { gzip = false }: { gzip?: boolean } = {},
): CachedPage | null {
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
  // Kept and joined as bytes: a string would be joined, then encoded again on the way out.
  const filler = Buffer.from(nonce);
  const { status, headers } = entry;
  if (gzip) return { status, headers, body: gzipped(entry, filler), encoding: "gzip" };
  const pieces = entry.parts.flatMap((part, i) => (i ? [filler, part] : [part]));
  return { status, headers, body: Buffer.concat(pieces), encoding: null };
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
  const parts = (nonce ? body.split(nonce) : [body]).map((part) => Buffer.from(part));
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  entries.set(key, {
    version,
    at: Date.now(),
    status: response.status,
    headers,
    parts,
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
