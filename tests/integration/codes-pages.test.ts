// The specialty, credential and company pages of the code-specialty graph.
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { loader as companyLoader } from "../../app/routes/companies.$slug";
import { loader as credentialsLoader } from "../../app/routes/credentials._index";
import { loader as credentialLoader } from "../../app/routes/credentials.$code";
import { loader as specialtiesLoader } from "../../app/routes/specialties._index";
import { loader as specialtyLoader } from "../../app/routes/specialties.$slug";
import { getDb } from "../../app/utils/db.server";
import { seedDemo } from "../../db/seed/seed";
import { callLoader } from "./codes-helpers";

beforeAll(async () => {
  await seedDemo(getDb());
});

const openJobsIn = async (slug: string) =>
  (
    await sql<{ n: number }>`
      select count(*)::int as n from jobs j
      where j.status = 'published' and j.valid_through > now()
        and exists (select 1 from job_specialties js join specialties s on s.id = js.specialty_id
                    where js.job_id = j.id and s.slug = ${slug})`.execute(getDb())
  ).rows[0].n;

describe("/specialties", () => {
  it("groups every specialty with its open-job count", async () => {
    const page = await callLoader(specialtiesLoader, "/specialties", {});
    const all = page.data.groups.flatMap((g: { specialties: unknown[] }) => g.specialties);
    expect(all).toHaveLength(40);
    expect(page.data.groups[0].group).toBe("pro-fee");
    const cardiology = all.find((s: { slug: string }) => s.slug === "cardiology");
    expect(cardiology.open_jobs).toBe(await openJobsIn("cardiology"));
  });
});

describe("/specialties/:slug", () => {
  it("shows the summary, code ranges, credentials, pay and newest open jobs", async () => {
    const page = await callLoader(specialtyLoader, "/specialties/cardiology", {
      slug: "cardiology",
    });
    expect(page.status).toBe(200);
    const { specialty, codeRanges, credentials, pay, jobs, totalJobs } = page.data;
    expect(specialty.summary.length).toBeGreaterThan(40);
    // Its own ranges and the labelled ranges that name it, once each.
    const ranges = codeRanges.map(
      (r: { system: string; from_code: string; to_code: string }) =>
        `${r.system}:${r.from_code}-${r.to_code}`,
    );
    expect(ranges).toContain("CPT:92920-93799");
    expect(ranges).toContain("ICD-10-CM:I00-I99");
    expect(new Set(ranges).size).toBe(ranges.length);
    const medCv = codeRanges.find(
      (r: { from_code: string; to_code: string }) =>
        r.from_code === "92920" && r.to_code === "93799",
    );
    expect(medCv).toMatchObject({ label: "Cardiovascular", href: "/codes/range/cpt-92920-93799" });
    expect(credentials.map((c: { code: string }) => c.code)).toEqual(
      expect.arrayContaining(["CCC", "CIRCC"]),
    );
    expect(totalJobs).toBe(await openJobsIn("cardiology"));
    expect(jobs.length).toBe(Math.min(10, totalJobs));
    const dates = jobs.map((j: { published_at: Date }) => new Date(j.published_at).getTime());
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(pay.median).toBeGreaterThan(30_000);
    expect(pay.low).toBeLessThanOrEqual(pay.median);
    expect(pay.high).toBeGreaterThanOrEqual(pay.median);
  });

  it("computes pay on an annual basis from hourly and salaried jobs alike", async () => {
    const { rows } = await sql<{ low: number; high: number }>`
      select min(coalesce(salary_min_annual, salary_max_annual))::int as low,
             max(coalesce(salary_max_annual, salary_min_annual))::int as high
      from jobs j join job_specialties js on js.job_id = j.id
      join specialties s on s.id = js.specialty_id
      where s.slug = 'evaluation-management' and j.status = 'published' and j.valid_through > now()`.execute(
      getDb(),
    );
    const page = await callLoader(specialtyLoader, "/specialties/evaluation-management", {
      slug: "evaluation-management",
    });
    expect(page.data.pay).toMatchObject({ low: rows[0].low, high: rows[0].high });
  });

  it("answers an unknown specialty with a 404", async () => {
    expect((await callLoader(specialtyLoader, "/specialties/nope", { slug: "nope" })).status).toBe(
      404,
    );
    expect(
      (await callLoader(specialtyLoader, "/specialties/%3Cx%3E", { slug: "<x>" })).status,
    ).toBe(404);
  });
});

describe("/credentials/:code", () => {
  it("shows the credential, its issuer, specialties, and jobs that require or prefer it", async () => {
    const page = await callLoader(credentialLoader, "/credentials/ccc", { code: "ccc" });
    expect(page.status).toBe(200);
    expect(page.data.credential).toMatchObject({
      code: "CCC",
      issuer: "AAPC",
      name: "Certified Cardiology Coder",
    });
    expect(page.data.specialties.map((s: { slug: string }) => s.slug)).toContain("cardiology");
    // Demo cardiology jobs list CCC as preferred.
    expect(page.data.preferred.total).toBeGreaterThan(0);
    const cpc = await callLoader(credentialLoader, "/credentials/cpc", { code: "cpc" });
    expect(cpc.data.required.total).toBeGreaterThan(0);
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from job_credentials jc join credentials c on c.id = jc.credential_id
      join jobs j on j.id = jc.job_id
      where c.code = 'CPC' and jc.required and j.status = 'published' and j.valid_through > now()`.execute(
      getDb(),
    );
    expect(cpc.data.required.total).toBe(rows[0].n);
  });

  it("redirects upper case to the lower-case address, and keeps hyphens", async () => {
    expect(
      await callLoader(credentialLoader, "/credentials/CPC-A", { code: "CPC-A" }),
    ).toMatchObject({ status: 301, location: "/credentials/cpc-a" });
    expect(
      (await callLoader(credentialLoader, "/credentials/cpc-a", { code: "cpc-a" })).status,
    ).toBe(200);
  });

  it("answers an unknown credential with a 404", async () => {
    expect((await callLoader(credentialLoader, "/credentials/xyz", { code: "xyz" })).status).toBe(
      404,
    );
    expect((await callLoader(credentialLoader, "/credentials/..", { code: ".." })).status).toBe(
      404,
    );
  });

  it("lists every credential on the index", async () => {
    const page = await callLoader(credentialsLoader, "/credentials", {});
    expect(page.data.credentials).toHaveLength(51);
  });
});

describe("/companies/:slug", () => {
  it("shows the profile with rendered Markdown and only the company's open jobs", async () => {
    const company = await getDb()
      .selectFrom("companies")
      .select(["id", "slug", "name"])
      .where("verified_at", "is not", null)
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const page = await callLoader(companyLoader, `/companies/${company.slug}`, {
      slug: company.slug,
    });
    expect(page.status).toBe(200);
    expect(page.data.company).toMatchObject({ name: company.name });
    expect(page.data.company.verified_at).not.toBeNull();
    expect(page.data.descriptionHtml).toMatch(/<p>|<strong>/);
    expect(page.data.descriptionHtml).not.toMatch(/<script/i);
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from jobs
      where company_id = ${company.id} and status = 'published' and valid_through > now()`.execute(
      getDb(),
    );
    expect(page.data.totalJobs).toBe(rows[0].n);
    expect(
      page.data.jobs.every((j: { company_slug: string }) => j.company_slug === company.slug),
    ).toBe(true);
  });

  it("answers an unknown company with a 404", async () => {
    expect((await callLoader(companyLoader, "/companies/nobody", { slug: "nobody" })).status).toBe(
      404,
    );
  });
});
