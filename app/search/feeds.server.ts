// Distribution: the RSS feed of any search, the Indeed XML feed, the sitemap and robots.txt.
// Every list here is open jobs only (isOpen), the same rule as /jobs.
import { type Kysely, sql } from "kysely";
import type { DB } from "#db/types";
import { codePath } from "~/codes/code-systems";
import { EMPLOYMENT_TYPES, formatLocation, formatPay, jobPath, LEVELS } from "~/jobs/format";
import { isOpen } from "~/jobs/jobs.server";
import { getDb } from "~/utils/db.server";
import { htmlForCdata, markdownToText, renderMarkdown } from "~/utils/markdown.server";
import { searchJobs } from "./search.server";
import { effectiveSort, type SearchFilters, searchHref } from "./search-schemas";

export const SITEMAP_LIMIT = 50_000;
const RSS_ITEMS = 50;

/** Text safe inside an XML element or attribute. Drops characters XML 1.0 forbids. */
export function escapeXml(text: string) {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids these characters
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&apos;")
  );
}

/** A CDATA section; a "]]>" inside the text is split across two sections. */
function cdata(text: string) {
  const clean = text.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids these characters
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g,
    "",
  );
  return `<![CDATA[${clean.replace(/]]>/g, "]]]]><![CDATA[>")}]]>`;
}

function describeSearch(filters: SearchFilters) {
  const parts = [
    filters.q && `“${filters.q}”`,
    filters.specialty.length && filters.specialty.join(", "),
    filters.credential.length && filters.credential.join(", "),
    filters.setting.length && filters.setting.join(", "),
    filters.type.length && filters.type.map((t) => EMPLOYMENT_TYPES[t]).join(", "),
    filters.location && `within ${filters.radius} miles of ${filters.location}`,
  ].filter(Boolean);
  return parts.length ? parts.join(" · ") : "all open jobs";
}

/** RSS 2.0 of a /jobs search: the same filters, newest first unless a sort is given. */
export async function renderJobsRss(filters: SearchFilters, appUrl: string) {
  const result = await searchJobs(
    { ...filters, page: 1, sort: filters.sort ?? "date" },
    { facets: false, pageSize: RSS_ITEMS },
  );
  const ids = result.jobs.map((j) => j.id);
  const details = ids.length
    ? await getDb()
        .selectFrom("jobs")
        .select(["jobs.id", "jobs.description", "jobs.description_text"])
        .select((eb) =>
          eb
            .selectFrom("job_specialties")
            .innerJoin("specialties", "specialties.id", "job_specialties.specialty_id")
            .whereRef("job_specialties.job_id", "=", "jobs.id")
            .select(
              sql<
                string[]
              >`coalesce(array_agg(specialties.name order by specialties.name), '{}')`.as("names"),
            )
            .as("specialties"),
        )
        .where("jobs.id", "in", ids)
        .execute()
    : [];
  const byId = new Map(details.map((d) => [d.id, d]));
  const searchUrl = appUrl + searchHref({ ...result.search.filters, page: 1 });
  const selfUrl = appUrl + searchHref({ ...result.search.filters, page: 1 }, "/feeds/jobs.rss");
  const items = result.jobs.map((job) => {
    const detail = byId.get(job.id);
    const url = appUrl + jobPath(job);
    const pay = formatPay(job);
    const summary = [
      job.company_name,
      formatLocation(job),
      EMPLOYMENT_TYPES[job.employment_type as keyof typeof EMPLOYMENT_TYPES],
      pay,
    ]
      .filter(Boolean)
      .join(" · ");
    const text = detail
      ? (detail.description_text ?? markdownToText(detail.description)).slice(0, 500)
      : "";
    return [
      "<item>",
      `<title>${escapeXml(`${job.title} at ${job.company_name}`)}</title>`,
      `<link>${escapeXml(url)}</link>`,
      `<guid isPermaLink="true">${escapeXml(url)}</guid>`,
      job.published_at ? `<pubDate>${new Date(job.published_at).toUTCString()}</pubDate>` : "",
      `<description>${escapeXml(`${summary}. ${text}`)}</description>`,
      ...(detail?.specialties ?? []).map((s) => `<category>${escapeXml(s)}</category>`),
      "</item>",
    ].join("");
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    "<channel>",
    `<title>${escapeXml(`MedCode Jobs: ${describeSearch(result.search.filters)}`)}</title>`,
    `<link>${escapeXml(searchUrl)}</link>`,
    `<atom:link href="${escapeXml(selfUrl)}" rel="self" type="application/rss+xml"/>`,
    `<description>${escapeXml(`Open medical coding jobs (${effectiveSort(result.search.filters)} order), ${result.total} in all.`)}</description>`,
    "<language>en-us</language>",
    `<lastBuildDate>${new Date().toUTCString()}</lastBuildDate>`,
    "<ttl>30</ttl>",
    ...items,
    "</channel>",
    "</rss>",
  ].join("\n");
}

const INDEED_JOB_TYPES: Record<string, string> = {
  full_time: "fulltime",
  part_time: "parttime",
  contract: "contract",
  per_diem: "perdiem",
  temporary: "temporary",
};
const REMOTE_TYPES: Record<string, string> = {
  remote: "Fully remote",
  hybrid: "Hybrid remote",
};

function indeedFeedQuery(db: Kysely<DB>, afterId: number, limit: number) {
  return db
    .selectFrom("jobs")
    .innerJoin("companies", "companies.id", "jobs.company_id")
    .select([
      "jobs.id",
      "jobs.slug",
      "jobs.title",
      "jobs.description",
      "jobs.description_html",
      "jobs.setting",
      "jobs.employment_type",
      "jobs.level",
      "jobs.years_experience",
      "jobs.city",
      "jobs.state",
      "jobs.zip",
      "jobs.remote_states",
      "jobs.salary_period",
      "jobs.salary_min_cents",
      "jobs.salary_max_cents",
      "jobs.published_at",
      "jobs.valid_through",
      "companies.name as company_name",
    ])
    .select((eb) =>
      eb
        .selectFrom("job_specialties")
        .innerJoin("specialties", "specialties.id", "job_specialties.specialty_id")
        .whereRef("job_specialties.job_id", "=", "jobs.id")
        .select(sql<string>`string_agg(specialties.name, ', ' order by specialties.name)`.as("c"))
        .as("category"),
    )
    .where(isOpen)
    .where("jobs.id", ">", afterId)
    .orderBy("jobs.id")
    .limit(limit);
}

/**
 * Indeed's XML job feed, streamed in chunks of open jobs by id so a large board never sits in
 * memory whole. The reference number is "MCJ-<id>": stable for the life of a job.
 */
export function streamIndeedFeed(appUrl: string, { chunk = 500 }: { chunk?: number } = {}) {
  const db = getDb();
  const encoder = new TextEncoder();
  let afterId = 0;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(
          encoder.encode(
            [
              '<?xml version="1.0" encoding="UTF-8"?>',
              "<source>",
              "<publisher>MedCode Jobs</publisher>",
              `<publisherurl>${escapeXml(appUrl)}</publisherurl>`,
              `<lastBuildDate>${new Date().toUTCString()}</lastBuildDate>`,
              "",
            ].join("\n"),
          ),
        );
        return;
      }
      const rows = await indeedFeedQuery(db, afterId, chunk).execute();
      if (rows.length === 0) {
        controller.enqueue(encoder.encode("</source>\n"));
        controller.close();
        return;
      }
      afterId = rows[rows.length - 1].id;
      const xml = rows.map((job) => {
        const fields: [string, string | null][] = [
          ["title", job.title],
          ["date", job.published_at ? new Date(job.published_at).toUTCString() : null],
          ["referencenumber", `MCJ-${job.id}`],
          ["requisitionid", String(job.id)],
          ["url", appUrl + jobPath(job)],
          ["company", job.company_name],
          ["city", job.city],
          ["state", job.state],
          ["country", "US"],
          ["postalcode", job.zip],
          ["description", htmlForCdata(job.description_html ?? renderMarkdown(job.description))],
          ["salary", formatPay(job)],
          ["jobtype", INDEED_JOB_TYPES[job.employment_type] ?? null],
          ["category", job.category],
          [
            "experience",
            job.years_experience != null
              ? `${job.years_experience}+ years (${LEVELS[job.level as keyof typeof LEVELS]})`
              : LEVELS[job.level as keyof typeof LEVELS],
          ],
          ["remotetype", REMOTE_TYPES[job.setting] ?? null],
          ["expirationdate", job.valid_through ? new Date(job.valid_through).toUTCString() : null],
        ];
        return `<job>\n${fields
          .filter(([, value]) => value != null && value !== "")
          .map(([name, value]) => `<${name}>${cdata(value as string)}</${name}>`)
          .join("\n")}\n</job>\n`;
      });
      controller.enqueue(encoder.encode(xml.join("")));
    },
  });
}

type SitemapUrl = { loc: string; lastmod?: string };

function urlset(urls: SitemapUrl[], appUrl: string) {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls.map(
      (u) =>
        `<url><loc>${escapeXml(appUrl + u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>` : ""}</url>`,
    ),
    "</urlset>",
  ].join("\n");
}

/**
 * Every page worth indexing that is not a job: sections, specialties, credentials, the
 * curated code pages and companies with open jobs.
 */
async function listPageUrls(db: Kysely<DB>): Promise<SitemapUrl[]> {
  const [specialties, credentials, codes, companies] = await Promise.all([
    db.selectFrom("specialties").select("slug").orderBy("slug").execute(),
    db.selectFrom("credentials").select("code").orderBy("code").execute(),
    db.selectFrom("codes").select("code").orderBy("code").execute(),
    // Only companies with an open job: an empty company page is not worth a crawl.
    db
      .selectFrom("companies")
      .select(["companies.slug", sql<Date>`max(jobs.published_at)`.as("lastmod")])
      .innerJoin("jobs", "jobs.company_id", "companies.id")
      .where(isOpen)
      .groupBy("companies.slug")
      .orderBy("companies.slug")
      .execute(),
  ]);
  return [
    { loc: "/" },
    { loc: "/jobs" },
    { loc: "/specialties" },
    { loc: "/credentials" },
    { loc: "/codes" },
    ...specialties.map((s) => ({ loc: `/specialties/${s.slug}` })),
    ...credentials.map((c) => ({
      loc: `/credentials/${encodeURIComponent(c.code.toLowerCase())}`,
    })),
    ...codes.map((c) => ({ loc: codePath(c.code) })),
    ...companies.map((c) => ({
      loc: `/companies/${c.slug}`,
      lastmod: c.lastmod ? new Date(c.lastmod).toISOString() : undefined,
    })),
  ];
}

function jobUrls(db: Kysely<DB>, offset: number, limit: number) {
  return db
    .selectFrom("jobs")
    .select(["jobs.id", "jobs.slug", "jobs.updated_at", "jobs.published_at"])
    .where(isOpen)
    .orderBy("jobs.id")
    .offset(offset)
    .limit(limit)
    .execute()
    .then((rows) =>
      rows.map((j) => {
        const changed = [j.updated_at, j.published_at]
          .filter((d): d is Date => d != null)
          .map((d) => new Date(d).getTime());
        return { loc: jobPath(j), lastmod: new Date(Math.max(...changed)).toISOString() };
      }),
    );
}

async function countOpen(db: Kysely<DB>) {
  const row = await db
    .selectFrom("jobs")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where(isOpen)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** /sitemap.xml: one urlset while everything fits, else an index of /sitemap/*.xml parts. */
export async function renderSitemap(
  appUrl: string,
  { limit = SITEMAP_LIMIT }: { limit?: number } = {},
) {
  const db = getDb();
  const [pages, jobs] = await Promise.all([listPageUrls(db), countOpen(db)]);
  if (pages.length + jobs <= limit) {
    return urlset([...pages, ...(await jobUrls(db, 0, limit))], appUrl);
  }
  const parts = Math.ceil(jobs / limit);
  const now = new Date().toISOString();
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    `<sitemap><loc>${escapeXml(`${appUrl}/sitemap/pages.xml`)}</loc><lastmod>${now}</lastmod></sitemap>`,
    ...Array.from(
      { length: parts },
      (_, i) =>
        `<sitemap><loc>${escapeXml(`${appUrl}/sitemap/jobs-${i + 1}.xml`)}</loc><lastmod>${now}</lastmod></sitemap>`,
    ),
    "</sitemapindex>",
  ].join("\n");
}

/** One part of a split sitemap ("pages.xml" or "jobs-N.xml"); null when there is no such part. */
export async function renderSitemapPart(
  part: string,
  appUrl: string,
  { limit = SITEMAP_LIMIT }: { limit?: number } = {},
) {
  const db = getDb();
  if (part === "pages.xml") return urlset(await listPageUrls(db), appUrl);
  const match = /^jobs-([1-9]\d{0,5})\.xml$/.exec(part);
  if (!match) return null;
  const index = Number(match[1]);
  const jobs = await countOpen(db);
  if (index > Math.ceil(jobs / limit)) return null;
  return urlset(await jobUrls(db, (index - 1) * limit, limit), appUrl);
}

export function renderRobots(appUrl: string) {
  return [
    "User-agent: *",
    "Allow: /",
    "Disallow: /me",
    "Disallow: /employer",
    "Disallow: /admin",
    "Disallow: /dev",
    "Disallow: /api/",
    "Disallow: /alerts/",
    "",
    `Sitemap: ${appUrl}/sitemap.xml`,
    "",
  ].join("\n");
}
