// The page cache (server/page-cache.ts, decision 023) against the real site with two web
// processes: never a stale page, never a reused nonce, views still counted, bypass for
// cookies and unknown queries.
import http from "node:http";
import { gunzipSync } from "node:zlib";
import { en, Faker } from "@faker-js/faker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../app/utils/db.server";
import { type RunningSite, spawnSite } from "../../scripts/lib/spawn-site";
import { buildJob, insertBuiltJobs } from "../../tests/factories/jobs";
import { createUser } from "../factories/users";

// Seeded: the same fake data on every run, so a failure can be repeated.
const faker = new Faker({ locale: [en], seed: 103 });

const DAY = 86_400_000;
const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36";
let site: RunningSite;
let jobId: number;
let jobPath: string;

beforeAll(async () => {
  const employer = await createUser({ role: "employer" });
  const built = buildJob(faker, { companyName: "Cache Co", status: "published" });
  built.row.title = "Original Cached Title Coder";
  built.row.status = "published";
  built.row.published_at = new Date();
  built.row.valid_through = new Date(Date.now() + 10 * DAY);
  [jobId] = await insertBuiltJobs(getDb(), [
    { companyId: employer.companyId!, createdBy: employer.id, job: built },
  ]);
  const row = await getDb()
    .selectFrom("jobs")
    .select("slug")
    .where("id", "=", jobId)
    .executeTakeFirstOrThrow();
  jobPath = `/jobs/${jobId}/${row.slug}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: "0",
    SEED: "off",
    WORKER: "off",
    WEB_CONCURRENCY: "2",
    NODE_ENV: "development",
    LOG_LEVEL: "warn",
  };
  site = await spawnSite(env);
}, 120_000);

afterAll(async () => {
  await site?.stop();
});

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(site.url + path, {
    headers: { "user-agent": BROWSER, ...headers },
  });
  const body = await response.text();
  const csp = response.headers.get("content-security-policy") ?? "";
  return {
    status: response.status,
    cache: response.headers.get("x-page-cache"),
    body,
    headerNonce: /'nonce-([^']+)'/.exec(csp)?.[1],
    bodyNonces: [...new Set([...body.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]))],
  };
}

describe("page cache", () => {
  it("serves hits with a fresh nonce each, and a change to the job on the very next request in every process", async () => {
    const first = [];
    for (let i = 0; i < 6; i++) first.push(await get(jobPath));
    expect(first.every((r) => r.status === 200 && r.body.includes("Original Cached Title"))).toBe(
      true,
    );
    const hits = first.filter((r) => r.cache === "hit");
    expect(hits.length).toBeGreaterThanOrEqual(2);
    for (const r of first) {
      expect(r.bodyNonces.length).toBeGreaterThan(0);
      expect(r.bodyNonces).toEqual([r.headerNonce]);
    }
    expect(new Set(first.map((r) => r.headerNonce)).size).toBe(first.length);

    await getDb()
      .updateTable("jobs")
      .set({ title: "Renamed Cached Title Coder" })
      .where("id", "=", jobId)
      .execute();
    // Both processes had the old page; every next answer has the new one.
    for (let i = 0; i < 6; i++) {
      const r = await get(jobPath);
      expect(r.body).toContain("Renamed Cached Title");
      expect(r.body).not.toContain("Original Cached Title");
    }

    await getDb()
      .updateTable("jobs")
      .set({ status: "closed", closed_at: new Date() })
      .where("id", "=", jobId)
      .execute();
    for (let i = 0; i < 4; i++) expect((await get(jobPath)).status).toBe(410);
  });

  it("sends browsers that take gzip a valid gzip body with the hit's own nonce", async () => {
    // Raw HTTP, so the bytes are checked as sent (fetch would decompress them itself).
    // A page no other test here changes.
    const path = "/specialties";
    const raw = (headers: Record<string, string>) =>
      new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        http
          .get(site.url + path, { headers: { "user-agent": BROWSER, ...headers } }, (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (chunk: Buffer) => chunks.push(chunk));
            res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
          })
          .on("error", reject);
      });
    const nonceOf = (headers: http.IncomingHttpHeaders) =>
      /'nonce-([^']+)'/.exec(String(headers["content-security-policy"]))?.[1] ?? "";
    const hits = [];
    for (let i = 0; i < 4; i++) hits.push(await raw({ "accept-encoding": "gzip, deflate, br" }));
    const plain = await raw({ "accept-encoding": "identity" });
    expect(plain.headers["x-page-cache"]).toBe("hit");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    const gzipHits = hits.filter((h) => h.headers["x-page-cache"] === "hit");
    expect(gzipHits.length).toBeGreaterThanOrEqual(2);
    const nonces = new Set<string>();
    for (const hit of gzipHits) {
      expect(hit.headers["content-encoding"]).toBe("gzip");
      expect(hit.headers.vary).toMatch(/Accept-Encoding/i);
      // gunzip checks the CRC and the length in the trailer.
      const html = gunzipSync(hit.body).toString();
      const nonce = nonceOf(hit.headers);
      nonces.add(nonce);
      expect(html).toContain("Cardiology");
      expect(new Set([...html.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]))).toEqual(
        new Set([nonce]),
      );
      // The same page as sent uncompressed, nonce aside.
      expect(html.replaceAll(nonce, "N")).toBe(
        plain.body.toString().replaceAll(nonceOf(plain.headers), "N"),
      );
    }
    expect(nonces.size).toBe(gzipHits.length);
  });

  it("renders for anyone with a cookie and for queries it does not know", async () => {
    const warm = [];
    for (let i = 0; i < 4; i++) warm.push((await get("/jobs?q=coder")).cache);
    expect(warm).toContain("hit");
    expect((await get("/jobs?q=coder", { cookie: "__session=abc" })).cache).toBeNull();
    expect((await get("/jobs?q=coder&utm_campaign=x")).cache).toBeNull();
    expect((await get("/jobs?q=coder&page=2")).cache).toBeNull();
  });

  it("counts every human view of a job page, served from memory or not", async () => {
    const employer = await createUser({ role: "employer" });
    const built = buildJob(faker, { companyName: "Views Co", status: "published" });
    built.row.status = "published";
    built.row.published_at = new Date();
    built.row.valid_through = new Date(Date.now() + 10 * DAY);
    const [id] = await insertBuiltJobs(getDb(), [
      { companyId: employer.companyId!, createdBy: employer.id, job: built },
    ]);
    const { slug } = await getDb()
      .selectFrom("jobs")
      .select("slug")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    const results = [];
    for (let i = 0; i < 8; i++) results.push(await get(`/jobs/${id}/${slug}`));
    expect(results.some((r) => r.cache === "hit")).toBe(true);
    await get(`/jobs/${id}/${slug}`, {
      "user-agent": "Googlebot/2.1 (+http://www.google.com/bot.html)",
    });
    // Stopping the site writes what its processes still hold.
    const stopped = await site.stop();
    expect(stopped.code).toBe(0);
    const stats = await getDb()
      .selectFrom("job_stats_daily")
      .select("views")
      .where("job_id", "=", id)
      .executeTakeFirst();
    expect(stats?.views).toBe(8);
  });

  it("is invalidated by a change to the codes a posting names (code and range pages)", async () => {
    const version = async () =>
      Number(
        (await getDb().selectFrom("page_cache_version").select("n").executeTakeFirstOrThrow()).n,
      );
    const before = await version();
    await getDb()
      .insertInto("job_codes")
      .values({ job_id: jobId, code: "99213", system: "cpt", family: "cpt-99202-99499" })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await getDb()
      .deleteFrom("job_codes")
      .where("job_id", "=", jobId)
      .where("code", "=", "99213")
      .execute();
    expect(await version()).toBeGreaterThanOrEqual(before + 2);
  });
});
