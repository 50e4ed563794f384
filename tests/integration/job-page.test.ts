import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { loader } from "../../app/routes/jobs.$id.$slug";
import { getDb } from "../../app/utils/db.server";
import { seedDemo } from "../../db/seed/seed";
import { useBuiltSite } from "./built-site";
import { callLoader } from "./codes-helpers";

type Row = { id: number; slug: string };

async function findJob(where: ReturnType<typeof sql>): Promise<Row> {
  const { rows } = await sql<Row>`
    select id, slug from jobs where ${where} order by id limit 1`.execute(getDb());
  if (!rows[0]) throw new Error("no demo job matches");
  return rows[0];
}

const open = sql`status = 'published' and valid_through > now()`;
let remoteNoPlace: Row;
let remoteStates: Row;
let onsite: Row;
let hourly: Row;
let closed: Row;
let expired: Row;

beforeAll(async () => {
  await seedDemo(getDb());
  remoteNoPlace = await findJob(
    sql`${open} and setting = 'remote' and city is null and cardinality(remote_states) = 0`,
  );
  remoteStates = await findJob(
    sql`${open} and setting = 'remote' and cardinality(remote_states) > 0`,
  );
  onsite = await findJob(
    sql`${open} and setting = 'onsite' and city is not null and salary_period = 'year'`,
  );
  hourly = await findJob(sql`${open} and salary_period = 'hour'`);
  const taken = [remoteNoPlace.id, remoteStates.id, onsite.id, hourly.id];
  closed = await findJob(sql`${open} and not (id = any(${taken}::int[]))`);
  await sql`update jobs set status = 'closed', closed_at = now() where id = ${closed.id}`.execute(
    getDb(),
  );
  expired = await findJob(sql`status = 'expired'`);
});

const page = (job: Row) =>
  callLoader(loader, `/jobs/${job.id}/${job.slug}`, { id: String(job.id), slug: job.slug });

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** Google's JobPosting rules, as problems (an empty list is a valid posting). */
// biome-ignore lint/suspicious/noExplicitAny: the JSON-LD is checked field by field below.
function problemsOf(ld: Record<string, any>): string[] {
  const problems: string[] = [];
  const need = (ok: unknown, message: string) => {
    if (!ok) problems.push(message);
  };
  need(ld["@context"] === "https://schema.org", "@context");
  need(ld["@type"] === "JobPosting", "@type");
  // Required.
  need(typeof ld.title === "string" && ld.title.length > 0, "title");
  need(typeof ld.description === "string" && /<p>/.test(ld.description), "description (HTML)");
  need(ISO.test(ld.datePosted ?? ""), "datePosted");
  need(
    ld.hiringOrganization?.["@type"] === "Organization" && ld.hiringOrganization.name,
    "hiringOrganization",
  );
  const place = ld.jobLocation?.["@type"] === "Place" && ld.jobLocation.address?.addressCountry;
  const telecommute =
    ld.jobLocationType === "TELECOMMUTE" && Boolean(ld.applicantLocationRequirements);
  need(
    place || telecommute,
    "jobLocation, or jobLocationType TELECOMMUTE with applicantLocationRequirements",
  );
  if (ld.jobLocationType) {
    const areas = [ld.applicantLocationRequirements].flat();
    need(
      areas.every((a) => ["Country", "State"].includes(a["@type"]) && a.name),
      "applicantLocationRequirements are Country/State with a name",
    );
  }
  // Recommended.
  need(ISO.test(ld.validThrough ?? "") && ld.validThrough > ld.datePosted, "validThrough");
  need(
    [
      "FULL_TIME",
      "PART_TIME",
      "CONTRACTOR",
      "TEMPORARY",
      "INTERN",
      "VOLUNTEER",
      "PER_DIEM",
      "OTHER",
    ].includes(ld.employmentType),
    "employmentType",
  );
  need(typeof ld.directApply === "boolean", "directApply");
  need(
    ld.identifier?.["@type"] === "PropertyValue" && ld.identifier.name && ld.identifier.value,
    "identifier",
  );
  if (ld.baseSalary) {
    const value = ld.baseSalary.value;
    need(
      ld.baseSalary["@type"] === "MonetaryAmount" && ld.baseSalary.currency === "USD",
      "baseSalary",
    );
    need(value?.["@type"] === "QuantitativeValue", "baseSalary.value");
    need(["HOUR", "YEAR"].includes(value?.unitText), "baseSalary.value.unitText");
    need(
      value?.minValue == null || value?.maxValue == null || value.minValue <= value.maxValue,
      "baseSalary min <= max",
    );
  }
  // What reaches the page is JSON: nothing may be lost or turned into null on the way.
  need(JSON.stringify(JSON.parse(JSON.stringify(ld))) === JSON.stringify(ld), "serializable");
  return problems;
}

describe("JobPosting JSON-LD", () => {
  it("is valid for a fully remote job with no location: TELECOMMUTE, the US as the area", async () => {
    const { status, data } = await page(remoteNoPlace);
    expect(status).toBe(200);
    expect(problemsOf(data.jsonLd)).toEqual([]);
    expect(data.jsonLd.jobLocation).toBeUndefined();
    expect(data.jsonLd.jobLocationType).toBe("TELECOMMUTE");
    expect(data.jsonLd.applicantLocationRequirements).toEqual({ "@type": "Country", name: "US" });
  });

  it("names the states a remote job accepts, by their full names", async () => {
    const { data } = await page(remoteStates);
    expect(problemsOf(data.jsonLd)).toEqual([]);
    const states = data.jsonLd.applicantLocationRequirements;
    expect(states.length).toBe(data.job.remote_states.length);
    for (const state of states) {
      expect(state["@type"]).toBe("State");
      expect(state.name.length).toBeGreaterThan(2);
    }
  });

  it("is valid for an on-site job: a Place with its address, yearly base salary", async () => {
    const { data } = await page(onsite);
    const ld = data.jsonLd;
    expect(problemsOf(ld)).toEqual([]);
    expect(ld.jobLocation.address).toMatchObject({
      addressLocality: data.job.city,
      addressRegion: data.job.state,
      addressCountry: "US",
    });
    expect(ld.jobLocationType).toBeUndefined();
    expect(ld.baseSalary.value).toMatchObject({
      unitText: "YEAR",
      minValue: data.job.salary_min_cents / 100,
    });
    expect(ld.hiringOrganization.url).toMatch(/\/companies\/[a-z0-9-]+$/);
    expect(ld.identifier.value).toBe(String(data.job.id));
    expect(ld.url).toBe(data.canonical);
  });

  it("gives hourly pay as HOUR", async () => {
    const { data } = await page(hourly);
    expect(problemsOf(data.jsonLd)).toEqual([]);
    expect(data.jsonLd.baseSalary.value.unitText).toBe("HOUR");
  });

  it("is valid for every open demo job", async () => {
    const { rows } =
      await sql<Row>`select id, slug from jobs where ${open} order by id limit 60`.execute(getDb());
    for (const job of rows) {
      const { data } = await page(job);
      expect({ id: job.id, problems: problemsOf(data.jsonLd) }).toEqual({
        id: job.id,
        problems: [],
      });
    }
  });
});

describe("job page data", () => {
  it("lists the codes the posting mentions with their system and range", async () => {
    const { rows } = await sql<Row>`
      select id, slug from jobs where ${open} and description like '%93458%' limit 1`.execute(
      getDb(),
    );
    const { data } = await page(rows[0]);
    expect(data.codes).toContainEqual(
      expect.objectContaining({
        code: "93458",
        systemLabel: "CPT Category I",
        label: "Cardiovascular: cardiac catheterization",
      }),
    );
    expect(data.job.specialties.some((s: { source: string }) => s.source === "picked")).toBe(true);
    expect(data.job.credentials.length).toBeGreaterThan(0);
  });

  it("sends the browser only what the page shows of the job", async () => {
    const { data } = await page(onsite);
    expect(Object.keys(data.job).sort()).toEqual(
      [
        "accuracy_pct",
        "apply_method",
        "charts_per_day",
        "city",
        "closed_at",
        "company",
        "credentials",
        "employment_type",
        "featured",
        "featured_until",
        "id",
        "level",
        "open",
        "published_at",
        "remote_states",
        "salary_max_cents",
        "salary_min_cents",
        "salary_period",
        "setting",
        "slug",
        "specialties",
        "state",
        "status",
        "title",
        "valid_through",
        "years_experience",
        "zip",
      ].sort(),
    );
    const serialized = JSON.stringify(data);
    for (const secret of ["search_vector", "created_by", "expiry_warned_for", "stripe_customer_id"])
      expect(serialized).not.toContain(secret);
    // The description travels once, as sanitized HTML; its Markdown source stays on the server.
    expect(data.descriptionHtml).toMatch(/<p>/);
    expect("description" in data.job).toBe(false);
  });

  it("names the work setting beside the place", async () => {
    const { data } = await page(onsite);
    const { formatLocation } = await import("../../app/jobs/format");
    expect(formatLocation(data.job)).toBe(`On-site · ${data.job.city}, ${data.job.state}`);
  });

  it("redirects a wrong slug to the right one with a 301", async () => {
    const answer = await callLoader(loader, `/jobs/${onsite.id}/wrong`, {
      id: String(onsite.id),
      slug: "wrong",
    });
    expect(answer).toMatchObject({ status: 301, location: `/jobs/${onsite.id}/${onsite.slug}` });
  });
});

describe("a closed or expired job", () => {
  it.each([
    ["closed", () => closed],
    ["expired", () => expired],
  ])("answers a %s job with 410, similar open jobs and no JSON-LD", async (_kind, job) => {
    const { status, data } = await page(job());
    expect(status).toBe(410);
    expect(data.jsonLd).toBeNull();
    expect(data.job.open).toBe(false);
    expect(data.similar.length).toBeGreaterThan(0);
  });
});

describe("the rendered job page (production build)", () => {
  const site = useBuiltSite();

  it("links the company, specialties, credentials and codes, and carries one JSON-LD block", async () => {
    const { rows } = await sql<Row>`
      select id, slug from jobs where ${open} and description like '%93458%' limit 1`.execute(
      getDb(),
    );
    const response = await fetch(`${site.base}/jobs/${rows[0].id}/${rows[0].slug}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html.match(/application\/ld\+json/g)).toHaveLength(1);
    expect(html).toMatch(/href="\/companies\/[a-z0-9-]+"/);
    expect(html).toMatch(/href="\/specialties\/cardiology"/);
    expect(html).toMatch(/href="\/credentials\/cpc"/);
    expect(html).toContain('href="/codes/93458"');
    expect(html).toContain("Code families in this posting");
    expect(html).toContain("<dt>Setting</dt><dd>");
  });

  it("keeps the page light: no database internals in the inline data", async () => {
    const response = await fetch(`${site.base}/jobs/${onsite.id}/${onsite.slug}`);
    const html = await response.text();
    expect(html).toContain(`On-site · `);
    for (const internal of ["search_vector", "created_by", "expiry_warned_for", "company_id"])
      expect(html).not.toContain(internal);
    // The hydration data (it was 19.5 kB when the whole row was sent) stays small.
    const inline = [...html.matchAll(/streamController\.enqueue\((.*?)\);<\/script>/gs)]
      .map((m) => m[1])
      .join("");
    expect(inline.length).toBeGreaterThan(1000);
    expect(inline.length).toBeLessThan(12_000);
  });

  it("says a closed job was filled, with status 410 and no JSON-LD", async () => {
    const response = await fetch(`${site.base}/jobs/${closed.id}/${closed.slug}`);
    expect(response.status).toBe(410);
    const html = await response.text();
    expect(html).toContain("This job has been filled.");
    expect(html).toContain("Similar open jobs");
    expect(html).not.toContain("application/ld+json");
    expect(html).toContain('content="noindex"');
  });
});
