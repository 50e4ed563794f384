import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { refreshSearchVectors } from "../../app/jobs/search-vector.server";
import { loader } from "../../app/routes/jobs._index";
import { resolvePlace, searchJobs, suggestAlternatives } from "../../app/search/search.server";
import {
  emptyFilters,
  parseSearchParams,
  type SearchFilters,
} from "../../app/search/search-schemas";
import { getDb } from "../../app/utils/db.server";
import { jobTemplates } from "../../db/seed/content";
import { type BuiltJob, insertBuiltJobs } from "../../tests/factories/jobs";

const DAY = 86_400_000;
const now = Date.now();
// Columbus, OH (ZIP 43215) and points due north of it at known distances.
const COLUMBUS = { lat: 39.9671, lng: -83.0044 };
const north = (miles: number) => ({ lat: COLUMBUS.lat + miles / 69.05, lng: COLUMBUS.lng });

type JobSpec = Partial<BuiltJob["row"]> & {
  title: string;
  specialties?: string[];
  credentials?: string[];
  company?: "acme" | "zenith";
};

const ids: Record<string, number> = {};
let companies: { acme: number; zenith: number };

async function addJobs(specs: Record<string, JobSpec>) {
  const db = getDb();
  const entries = Object.entries(specs);
  const built = entries.map(([, spec]) => {
    const { specialties = [], credentials = [], company = "acme", ...row } = spec;
    const publishedAt = row.published_at ?? new Date(now - 2 * DAY);
    return {
      companyId: companies[company],
      job: {
        template: jobTemplates[0],
        specialties,
        credentials: credentials.map((code) => ({ code, required: true })),
        row: {
          slug: row.title.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
          description: "A coding position with a friendly team.",
          setting: "remote",
          employment_type: "full_time",
          level: "mid",
          status: "published",
          published_at: publishedAt,
          valid_through: new Date(now + 20 * DAY),
          ...row,
        },
      } as BuiltJob,
    };
  });
  const newIds = await insertBuiltJobs(db, built);
  entries.forEach(([key], i) => {
    ids[key] = newIds[i];
  });
  await refreshSearchVectors(db, newIds);
}

const search = (filters: Partial<SearchFilters>) => searchJobs({ ...emptyFilters, ...filters });
const idsOf = (result: Awaited<ReturnType<typeof search>>) => result.jobs.map((j) => j.id);

beforeAll(async () => {
  const db = getDb();
  const rows = await db
    .insertInto("companies")
    .values([
      { slug: "acme-health-coding", name: "Acme Health Coding" },
      { slug: "zenith-billing", name: "Zenith Billing Partners" },
    ])
    .returning("id")
    .execute();
  companies = { acme: rows[0].id, zenith: rows[1].id };
  await addJobs({
    cardioTitle: {
      title: "Cardiology Coder",
      setting: "onsite",
      city: "Columbus",
      state: "OH",
      zip: "43215",
      latitude: COLUMBUS.lat,
      longitude: COLUMBUS.lng,
      specialties: ["cardiology"],
      credentials: ["CPC"],
      salary_period: "year",
      salary_min_cents: 6_000_000,
      salary_max_cents: 7_000_000,
    },
    cardioInpatient: {
      title: "Inpatient Cardiology Coder",
      setting: "hybrid",
      city: "Columbus",
      state: "OH",
      latitude: north(10).lat,
      longitude: north(10).lng,
      specialties: ["cardiology", "inpatient-facility"],
      credentials: ["CCS"],
      employment_type: "contract",
      level: "senior",
    },
    cardioDescription: {
      title: "Medical Coder",
      description:
        "Code cardiology visits and cardiology procedures; cardiology experience is welcome.",
      setting: "onsite",
      latitude: north(30).lat,
      longitude: north(30).lng,
      city: "Delaware",
      state: "OH",
      specialties: ["evaluation-management"],
      credentials: ["CPC"],
      salary_period: "hour",
      salary_min_cents: 2_800,
      salary_max_cents: 3_000, // $62,400 a year
    },
    radiology: {
      title: "Interventional Radiology Coder",
      specialties: ["interventional-radiology"],
      credentials: ["CIRCC", "CPC"],
      company: "zenith",
      level: "lead",
      employment_type: "part_time",
      remote_states: ["OH", "PA"],
    },
    remoteTexas: {
      title: "Risk Adjustment Coder",
      description: "HCC chart reviews for Medicare Advantage.",
      specialties: ["risk-adjustment-hcc"],
      credentials: ["CRC"],
      remote_states: ["TX"],
      published_at: new Date(now - 10 * DAY),
    },
    far: {
      title: "Emergency Department Coder",
      setting: "onsite",
      latitude: north(60).lat,
      longitude: north(60).lng,
      city: "Marion",
      state: "OH",
      specialties: ["emergency-department"],
    },
    phrase: {
      title: "Coder for pain management clinics",
      description: "Interventional pain management and anesthesia coding.",
      specialties: ["pain-management"],
    },
    featured: {
      title: "Featured Cardiology Auditor",
      specialties: ["cardiology", "auditing-compliance"],
      credentials: ["CPC", "CPMA"],
      featured_until: new Date(now + 10 * DAY),
      published_at: new Date(now - 20 * DAY),
    },
    expired: {
      title: "Cardiology Coder Expired",
      status: "expired",
      published_at: new Date(now - 40 * DAY),
      valid_through: new Date(now - 10 * DAY),
      specialties: ["cardiology"],
    },
    staleButPublished: {
      title: "Cardiology Coder Past Validity",
      published_at: new Date(now - 40 * DAY),
      valid_through: new Date(now - DAY),
      specialties: ["cardiology"],
    },
    closed: { title: "Cardiology Coder Closed", status: "closed", specialties: ["cardiology"] },
  });
  // 45 identical fillers posted at the same instant: only the id can order them.
  const same = new Date(now - 5 * DAY);
  await addJobs(
    Object.fromEntries(
      Array.from({ length: 45 }, (_, i) => [
        `filler${i}`,
        {
          title: `Billing Specialist ${i}`,
          published_at: same,
          specialties: ["denials-ar-billing"],
        },
      ]),
    ),
  );
  await sql`analyze jobs`.execute(db);
});

describe("keyword search", () => {
  it("ranks a title match above a description match, and finds no closed or expired job", async () => {
    const result = await search({ q: "cardiology", sort: "relevance" });
    const found = idsOf(result);
    // The featured job is pinned first; after it, title beats description.
    expect(found[0]).toBe(ids.featured);
    expect(found.indexOf(ids.cardioTitle)).toBeLessThan(found.indexOf(ids.cardioDescription));
    expect(found).toContain(ids.cardioDescription);
    for (const gone of ["expired", "staleButPublished", "closed"])
      expect(found).not.toContain(ids[gone]);
    expect(result.total).toBe(4);
  });

  it("orders matches the words only the description names newest first, after title matches", async () => {
    await addJobs({
      olderMention: {
        title: "Coding Specialist",
        description: "Nephrology dialysis coding, nephrology every day, nephrology audits.",
        published_at: new Date(now - 5 * DAY),
      },
      newerMention: {
        title: "Records Coder",
        description: "Some nephrology work.",
        published_at: new Date(now - 1 * DAY),
      },
      titled: { title: "Nephrology Coder", published_at: new Date(now - 9 * DAY) },
    });
    const found = idsOf(await search({ q: "nephrology", sort: "relevance" }));
    expect(found).toEqual([ids.titled, ids.newerMention, ids.olderMention]);
  });

  it("excludes a term with a minus sign", async () => {
    const found = idsOf(await search({ q: "cardiology -inpatient" }));
    expect(found).toContain(ids.cardioTitle);
    expect(found).not.toContain(ids.cardioInpatient);
  });

  it("matches quoted phrases as phrases", async () => {
    expect(idsOf(await search({ q: '"pain management"' }))).toEqual([ids.phrase]);
    expect(idsOf(await search({ q: '"anesthesia pain"' }))).toEqual([]);
  });

  it("finds through typos in a title or a company name", async () => {
    const radiology = await search({ q: "radiolgy" });
    expect(idsOf(radiology)).toContain(ids.radiology);
    expect(radiology.search.fuzzy).toBe(true);
    expect(radiology.search.notes.join(" ")).toMatch(/similar titles/);
    expect(idsOf(await search({ q: "zenit" }))).toContain(ids.radiology);
  });

  it("pins a featured job found through a typo (page one's featured part is read for the search shown)", async () => {
    // The exact search for the typo finds nothing, so its featured part (read beside the
    // counts) is empty: the page must show the similar-title search's featured job instead.
    const typo = await search({ q: "auditr" });
    expect(typo.search.fuzzy).toBe(true);
    expect(typo.jobs[0]).toMatchObject({ id: ids.featured, featured: true });
    expect(typo.total).toBe(typo.jobs.length);
  });

  it("searches specialty, credential and company words too", async () => {
    expect(idsOf(await search({ q: "CIRCC" }))).toEqual([ids.radiology]);
    expect(idsOf(await search({ q: "zenith" }))).toEqual([ids.radiology]);
  });
});

describe("filters", () => {
  it("filters by specialty and credential (several at once, any of them)", async () => {
    const cardio = await search({ specialty: ["cardiology"] });
    expect(new Set(idsOf(cardio))).toEqual(
      new Set([ids.cardioTitle, ids.cardioInpatient, ids.featured]),
    );
    const either = await search({ specialty: ["cardiology", "interventional-radiology"] });
    expect(either.total).toBe(4);
    const circc = await search({ credential: ["CIRCC", "CRC"] });
    expect(new Set(idsOf(circc))).toEqual(new Set([ids.radiology, ids.remoteTexas]));
    const combo = await search({ specialty: ["cardiology"], credential: ["CPC"] });
    expect(new Set(idsOf(combo))).toEqual(new Set([ids.cardioTitle, ids.featured]));
  });

  it("filters by setting, type and level", async () => {
    expect(idsOf(await search({ setting: ["hybrid"] }))).toEqual([ids.cardioInpatient]);
    expect(idsOf(await search({ type: ["part_time"] }))).toEqual([ids.radiology]);
    expect(idsOf(await search({ level: ["lead"] }))).toEqual([ids.radiology]);
    expect(
      idsOf(await search({ setting: ["onsite", "hybrid"], type: ["contract"], level: ["senior"] })),
    ).toEqual([ids.cardioInpatient]);
  });

  it("compares hourly pay on an annual basis for the minimum salary", async () => {
    expect(new Set(idsOf(await search({ salaryMin: 62_000 })))).toEqual(
      new Set([ids.cardioTitle, ids.cardioDescription]),
    );
    expect(idsOf(await search({ salaryMin: 65_000 }))).toEqual([ids.cardioTitle]);
  });

  it("filters by days since posting", async () => {
    const week = idsOf(await search({ posted: 7 }));
    expect(week).toContain(ids.cardioTitle);
    expect(week).not.toContain(ids.remoteTexas);
    expect(week).not.toContain(ids.featured);
  });

  it("finds on-site and hybrid jobs within a radius of a ZIP or a city, by true distance", async () => {
    const near25 = await search({ location: "43215", radius: 25 });
    expect(new Set(idsOf(near25))).toEqual(new Set([ids.cardioTitle, ids.cardioInpatient]));
    const near50 = await search({ location: "Columbus, OH", radius: 50 });
    expect(new Set(idsOf(near50))).toEqual(
      new Set([ids.cardioTitle, ids.cardioInpatient, ids.cardioDescription]),
    );
    const near70 = await search({ location: "43215", radius: 70 });
    expect(idsOf(near70)).toContain(ids.far);
    // 29 miles is outside a 25-mile radius even though it is inside the bounding box corner.
    expect(idsOf(near25)).not.toContain(ids.cardioDescription);
  });

  it("adds remote jobs open to the place's state only when remote is chosen", async () => {
    const remote = await search({ location: "43215", setting: ["remote"] });
    const found = idsOf(remote);
    expect(found).toContain(ids.radiology); // open to OH
    expect(found).not.toContain(ids.remoteTexas); // TX only
    expect(found).toContain(ids.featured); // open anywhere in the US
    expect(found).not.toContain(ids.cardioTitle);
  });

  it("resolves ZIPs, City, ST and bare city names to centroids", async () => {
    const zip = await resolvePlace("43215");
    expect(zip?.state).toBe("OH");
    expect(zip?.latitude).toBeCloseTo(39.967, 2);
    const city = await resolvePlace("columbus, oh");
    expect(city?.label).toBe("Columbus, OH");
    expect(Math.abs(city!.latitude - 39.96)).toBeLessThan(0.2);
    expect((await resolvePlace("Columbus"))?.state).toBe("OH");
    expect(await resolvePlace("Nowhere Town, ZZ")).toBeNull();
    expect(await resolvePlace("00000")).toBeNull();
  });
});

describe("facet counts", () => {
  const cases: Partial<SearchFilters>[] = [
    {},
    { q: "coder" },
    { specialty: ["cardiology"] },
    { setting: ["remote"], credential: ["CPC"] },
    { location: "43215", radius: 50 },
    { type: ["full_time"], level: ["mid"] },
  ];
  it.each(cases)("each count equals the total of choosing that option alone (%j)", async (base) => {
    const result = await search(base);
    const checks: [keyof typeof result.facets, keyof SearchFilters][] = [
      ["specialty", "specialty"],
      ["credential", "credential"],
      ["setting", "setting"],
      ["type", "type"],
      ["level", "level"],
    ];
    let checked = 0;
    for (const [facet, param] of checks) {
      for (const [value, count] of Object.entries(result.facets[facet])) {
        const chosen = await searchJobs(
          { ...emptyFilters, ...base, [param]: [value] },
          { pageSize: 500 },
        );
        expect(chosen.total, `${facet}=${value}`).toBe(count);
        // What the click lists is what the count promised.
        expect(chosen.jobs.length, `${facet}=${value} listed`).toBe(count);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("follow a job edited into a combination of setting, type, level and specialty no job had", async () => {
    await addJobs({ edited: { title: "Facet Edit Auditor", specialties: ["cardiology"] } });
    const before = await search({ q: "facet edit auditor" });
    expect(before.total).toBe(1);
    expect(before.facets.setting).toEqual({ remote: 1 });
    expect(before.facets.specialty).toEqual({ cardiology: 1 });

    const db = getDb();
    await db
      .updateTable("jobs")
      .set({ setting: "hybrid", employment_type: "contract", level: "senior" })
      .where("id", "=", ids.edited)
      .execute();
    const radiology = await db
      .selectFrom("specialties")
      .select("id")
      .where("slug", "=", "radiology")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("job_specialties")
      .values({ job_id: ids.edited, specialty_id: radiology.id })
      .execute();
    const after = await search({ q: "facet edit auditor" });
    expect(after.total).toBe(1);
    expect(after.facets.setting).toEqual({ hybrid: 1 });
    expect(after.facets.type).toEqual({ contract: 1 });
    expect(after.facets.level).toEqual({ senior: 1 });
    expect(after.facets.specialty).toEqual({ cardiology: 1, radiology: 1 });
    expect((await search({ q: "facet edit auditor", setting: ["remote"] })).total).toBe(0);

    await db.updateTable("jobs").set({ status: "closed" }).where("id", "=", ids.edited).execute();
    expect((await search({ q: "facet edit auditor" })).total).toBe(0);
  });
});

describe("ordering and pagination", () => {
  it("pins featured jobs above the rest within the same filters", async () => {
    const all = await search({});
    expect(all.jobs[0].id).toBe(ids.featured);
    expect(all.jobs[0].featured).toBe(true);
    expect(all.jobs.slice(1).every((j) => !j.featured)).toBe(true);
    const radiology = await search({ specialty: ["interventional-radiology"] });
    expect(idsOf(radiology)).toEqual([ids.radiology]);
  });

  it.each(["date", "salary", "relevance"] as const)(
    "walks every page in %s order without duplicates or gaps",
    async (sort) => {
      const q = sort === "relevance" ? "coder or specialist or auditor" : "";
      const first = await searchJobs({ ...emptyFilters, q, sort }, { pageSize: 7 });
      const seen: number[] = [];
      for (let page = 1; page <= first.pageCount; page++) {
        const result = await searchJobs({ ...emptyFilters, q, sort, page }, { pageSize: 7 });
        seen.push(...idsOf(result));
      }
      expect(seen.length).toBe(first.total);
      expect(new Set(seen).size).toBe(seen.length);
      expect(first.total).toBeGreaterThan(45);
    },
  );

  it("sorts by salary, highest first, jobs without pay last", async () => {
    const result = await search({ sort: "salary" });
    const rest = result.jobs.filter((j) => !j.featured);
    expect(rest[0].id).toBe(ids.cardioTitle);
    expect(rest[1].id).toBe(ids.cardioDescription);
    expect(rest[2].salary_max_annual).toBeNull();
  });
});

describe("empty results and bad input", () => {
  it("suggests the nearest searches that do find jobs", async () => {
    const result = await search({ location: "43215", radius: 10, level: ["entry"] });
    expect(result.total).toBe(0);
    const alternatives = await suggestAlternatives(result.search);
    expect(alternatives.length).toBeGreaterThan(0);
    for (const alt of alternatives) {
      expect((await search(alt.filters)).total).toBe(alt.total);
    }
    expect(alternatives.map((a) => a.label).join("|")).toMatch(/Any experience level/);
  });

  const call = (query: string) =>
    loader({
      request: new Request(`http://localhost/jobs?${query}`),
      params: {},
      context: {
        cspNonce: "",
        requestId: "test",
        clientIp: "127.0.0.1",
        socketAddress: "127.0.0.1",
      },
    });

  it.each([
    ["specialty=no-such-thing", "specialty=no-such-thing"],
    ["credential=XYZ", "credential=XYZ"],
    ["radius=-5&location=43215", "radius=-5&location=43215"],
    ["page=1000000000", "page=1000000000"],
    ["page=2000", "page=2000"],
    ["page=abc", "page=abc"],
    ["5 kB of query text", `q=${"a".repeat(5000)}`],
    ["900 words", `q=${"coder ".repeat(900)}`],
    ["q=%FF%FE", "q=%FF%FE"],
    ["q=%00drop", "q=%00drop"],
    ["q=the", "q=the"],
    ["q=%22unbalanced", "q=%22unbalanced"],
    ["q=-", "q=-"],
    ["q=!!!:*&(", "q=!!!:*&("],
    ["location=%FF", "location=%FF"],
    ["location=Nowhere%2C%20ZZ", "location=Nowhere%2C%20ZZ"],
    ["salary_min=lots", "salary_min=lots"],
    ["posted=-1", "posted=-1"],
    ["sort=sideways", "sort=sideways"],
    ["setting=moon&type=x&level=y", "setting=moon&type=x&level=y"],
    ["specialty=%3Cscript%3E", "specialty=%3Cscript%3E"],
  ])("answers %s with a normal page and a note, never an error", async (_label, query) => {
    const data = (await call(query)) as Awaited<ReturnType<typeof loader>>;
    expect(Array.isArray(data.jobs)).toBe(true);
    expect(typeof data.total).toBe("number");
  });

  it("keeps what the person typed and says what it did with it", async () => {
    const long = `cardiology ${"x".repeat(4990)}`;
    const data = (await call(`q=${encodeURIComponent(long)}`)) as Awaited<
      ReturnType<typeof loader>
    >;
    expect(data.typed.q).toBe(long);
    expect(data.notes.join(" ")).toMatch(/first 200 characters/);
    const radius = (await call("radius=-5&location=43215")) as Awaited<ReturnType<typeof loader>>;
    expect(radius.notes.join(" ")).toMatch(/Radius must be/);
    const unknown = (await call("specialty=no-such-thing")) as Awaited<ReturnType<typeof loader>>;
    expect(unknown.notes.join(" ")).toMatch(/no specialty called “no-such-thing”/);
    const page = (await call("page=1000000000")) as Awaited<ReturnType<typeof loader>>;
    expect(page.notes.join(" ")).toMatch(/Page numbers/);
  });

  it("parses repeated and case-insensitive parameters", () => {
    const { filters } = parseSearchParams(
      new URLSearchParams(
        "credential=cpc&credential=CPC&credential=ccs&setting=Remote&type=contract",
      ),
    );
    expect(filters.credential).toEqual(["CPC", "CCS"]);
    expect(filters.setting).toEqual(["remote"]);
    expect(filters.type).toEqual(["contract"]);
  });
});
