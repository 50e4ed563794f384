import { XMLParser } from "fast-xml-parser";
import { sql } from "kysely";
import Parser from "rss-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { refreshSearchVectors } from "../../app/jobs/search-vector.server";
import { loader as indeedLoader } from "../../app/routes/feeds.indeed[.]xml";
import { loader as rssLoader } from "../../app/routes/feeds.jobs[.]rss";
import { loader as robotsLoader } from "../../app/routes/robots[.]txt";
import { loader as partLoader } from "../../app/routes/sitemap.$part";
import { loader as sitemapLoader } from "../../app/routes/sitemap[.]xml";
import { renderSitemap, renderSitemapPart } from "../../app/search/feeds.server";
import { getDb } from "../../app/utils/db.server";
import { getEnv } from "../../app/utils/env.server";
import { seedDemo } from "../../db/seed/seed";

const context = {
  cspNonce: "",
  requestId: "test",
  clientIp: "127.0.0.1",
  socketAddress: "127.0.0.1",
};
const xml = new XMLParser({ ignoreAttributes: false });
let open: { id: number; slug: string }[] = [];
let closed: number[] = [];
let trickyId = 0;
const appUrl = () => getEnv().APP_URL;

beforeAll(async () => {
  const db = getDb();
  await seedDemo(db);
  // A job whose text needs escaping everywhere, and a closed one.
  const company = await db.selectFrom("companies").select("id").executeTakeFirstOrThrow();
  const now = Date.now();
  const [tricky, shut] = await db
    .insertInto("jobs")
    .values([
      {
        company_id: company.id,
        title: `Coder <E/M> & "HCC" ]]> 'audit'`,
        slug: "coder-e-m-hcc-audit",
        description: 'Pay & <b>bonus</b> ]]> then \u0001 control. The coder\'s "desk" is home.',
        setting: "remote",
        employment_type: "contract",
        level: "mid",
        status: "published",
        published_at: new Date(now - 60_000),
        valid_through: new Date(now + 86_400_000),
      },
      {
        company_id: company.id,
        title: "Closed Coder",
        slug: "closed-coder",
        description: "Closed.",
        setting: "remote",
        employment_type: "full_time",
        level: "mid",
        status: "closed",
        published_at: new Date(now - 60_000),
        valid_through: new Date(now + 86_400_000),
      },
    ])
    .returning("id")
    .execute();
  trickyId = tricky.id;
  await refreshSearchVectors(db, [tricky.id, shut.id]);
  open = await db
    .selectFrom("jobs")
    .select(["id", "slug"])
    .where("status", "=", "published")
    .where("valid_through", ">", sql<Date>`now()`)
    .execute();
  closed = (
    await db
      .selectFrom("jobs")
      .select("id")
      .where((eb) =>
        eb.or([eb("status", "!=", "published"), eb("valid_through", "<=", sql<Date>`now()`)]),
      )
      .execute()
  ).map((r) => r.id);
  expect(closed.length).toBeGreaterThan(10);
});

const idFromUrl = (url: string) => Number(/\/jobs\/(\d+)\//.exec(url)?.[1]);

describe("RSS feed", () => {
  it("is RSS 2.0 a real feed parser reads, newest open jobs first, escaped", async () => {
    const response = await rssLoader({
      request: new Request("http://localhost/feeds/jobs.rss"),
      params: {},
      context,
    });
    expect(response.headers.get("content-type")).toContain("application/rss+xml");
    const feed = await new Parser().parseString(await response.text());
    expect(feed.items.length).toBe(50);
    // Escaped text round-trips through a real parser.
    const tricky = feed.items.find((i) => idFromUrl(i.link!) === trickyId);
    expect(tricky?.title).toMatch(/^Coder <E\/M> & "HCC" \]\]> 'audit' at /);
    const openIds = new Set(open.map((j) => j.id));
    for (const item of feed.items) {
      expect(openIds.has(idFromUrl(item.link!))).toBe(true);
      expect(item.guid).toBe(item.link);
      expect(item.pubDate).toBeTruthy();
    }
  });

  it("takes the /jobs filters", async () => {
    const response = await rssLoader({
      request: new Request("http://localhost/feeds/jobs.rss?specialty=cardiology&setting=remote"),
      params: {},
      context,
    });
    const feed = await new Parser().parseString(await response.text());
    expect(feed.title).toContain("cardiology");
    expect(feed.items.length).toBeGreaterThan(0);
    const ids = feed.items.map((i) => idFromUrl(i.link!));
    const rows = await getDb()
      .selectFrom("jobs")
      .innerJoin("job_specialties", "job_specialties.job_id", "jobs.id")
      .innerJoin("specialties", "specialties.id", "job_specialties.specialty_id")
      .select(["jobs.id", "jobs.setting"])
      .where("specialties.slug", "=", "cardiology")
      .where("jobs.id", "in", ids)
      .execute();
    expect(rows.length).toBe(ids.length);
    expect(rows.every((r) => r.setting === "remote")).toBe(true);
  });
});

describe("Indeed feed", () => {
  it("lists every open job once with Indeed's fields and a stable reference number", async () => {
    const response = await indeedLoader();
    const parsed = xml.parse(await response.text());
    expect(parsed.source.publisher).toBe("MedCode Jobs");
    expect(parsed.source.publisherurl).toBe(appUrl());
    const jobs = parsed.source.job as Record<string, string>[];
    expect(jobs.length).toBe(open.length);
    const refs = jobs.map((j) => j.referencenumber);
    expect(new Set(refs).size).toBe(refs.length);
    expect(new Set(refs)).toEqual(new Set(open.map((j) => `MCJ-${j.id}`)));
    for (const closedId of closed) expect(refs).not.toContain(`MCJ-${closedId}`);
    for (const job of jobs) {
      for (const field of ["title", "date", "url", "company", "country", "description", "jobtype"])
        expect(job[field], field).toBeTruthy();
      expect(job.url).toMatch(new RegExp(`/jobs/${job.referencenumber.slice(4)}/`));
    }
    const tricky = jobs.find((j) => j.referencenumber === `MCJ-${trickyId}`)!;
    expect(tricky.title).toBe(`Coder <E/M> & "HCC" ]]> 'audit'`);
    expect(tricky.remotetype).toBe("Fully remote");
    expect(tricky.jobtype).toBe("contract");
    // Inside CDATA, characters stay characters: no &#39; or &quot; shown literally by readers.
    expect(tricky.description).toContain(`The coder's "desk" is home.`);
    expect(tricky.description).toContain("Pay &amp; bonus");
    expect(tricky.description).not.toMatch(/&(#\d+|#x[0-9a-f]+|quot|apos|nbsp);/i);
    for (const job of jobs) {
      expect(String(job.requisitionid)).toBe(job.referencenumber.slice(4));
      expect(Date.parse(job.expirationdate)).toBeGreaterThan(Date.now());
    }
  });
});

describe("sitemap and robots", () => {
  it("lists open jobs with lastmod and the specialty, credential and company pages", async () => {
    const response = await sitemapLoader();
    const parsed = xml.parse(await response.text());
    const urls = (parsed.urlset.url as { loc: string; lastmod?: string }[]).map((u) => u);
    const locs = urls.map((u) => u.loc);
    const jobUrls = urls.filter((u) => u.loc.includes("/jobs/"));
    expect(jobUrls.length).toBe(open.length);
    expect(jobUrls.every((u) => u.lastmod && !Number.isNaN(Date.parse(u.lastmod)))).toBe(true);
    for (const closedId of closed)
      expect(locs.some((l) => l.includes(`/jobs/${closedId}/`))).toBe(false);
    expect(locs).toContain(`${appUrl()}/specialties/cardiology`);
    expect(locs).toContain(`${appUrl()}/credentials/cpc`);
    expect(locs).toContain(`${appUrl()}/codes/0624T`);
    expect(locs.filter((l) => l.includes("/companies/")).length).toBe(12);
    expect(new Set(locs).size).toBe(locs.length);
  });

  it("splits into an index of parts past the per-file limit, covering every URL once", async () => {
    const limit = 100;
    const index = xml.parse(await renderSitemap(appUrl(), { limit }));
    const parts = (index.sitemapindex.sitemap as { loc: string }[]).map((s) =>
      s.loc.replace(`${appUrl()}/sitemap/`, ""),
    );
    expect(parts[0]).toBe("pages.xml");
    expect(parts.length).toBe(1 + Math.ceil(open.length / limit));
    const jobLocs: string[] = [];
    for (const part of parts.slice(1)) {
      const body = xml.parse((await renderSitemapPart(part, appUrl(), { limit }))!);
      const urls = [body.urlset.url].flat() as { loc: string }[];
      expect(urls.length).toBeLessThanOrEqual(limit);
      jobLocs.push(...urls.map((u) => u.loc));
    }
    expect(new Set(jobLocs).size).toBe(open.length);
    expect(await renderSitemapPart(`jobs-${parts.length + 1}.xml`, appUrl(), { limit })).toBeNull();
    expect(await renderSitemapPart("../etc.xml", appUrl(), { limit })).toBeNull();
  });

  it("answers a missing sitemap part with 404", async () => {
    await expect(
      partLoader({
        request: new Request("http://localhost/sitemap/jobs-99.xml"),
        params: { part: "jobs-99.xml" },
        context,
      }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("serves robots.txt that keeps crawlers out of private areas and names the sitemap", async () => {
    const text = await robotsLoader().text();
    for (const path of ["/me", "/employer", "/admin", "/dev"])
      expect(text).toContain(`Disallow: ${path}`);
    expect(text).toContain(`Sitemap: ${appUrl()}/sitemap.xml`);
  });
});
