// Range pages: every range a specialty page lists has one, with what it holds and its jobs.
import { beforeAll, describe, expect, it } from "vitest";
import { loader as rangeLoader } from "../../app/routes/codes.range.$key";
import { loader as specialtyLoader } from "../../app/routes/specialties.$slug";
import { getDb } from "../../app/utils/db.server";
import { seedDemo } from "../../db/seed/seed";
import { callLoader } from "./codes-helpers";

beforeAll(async () => {
  await seedDemo(getDb());
});

const get = (key: string) => callLoader(rangeLoader, `/codes/range/${key}`, { key });

describe("/codes/range/:key", () => {
  it("answers every range link on every specialty page", async () => {
    const slugs = await getDb().selectFrom("specialties").select("slug").execute();
    const broken: string[] = [];
    let links = 0;
    for (const { slug } of slugs) {
      const page = await callLoader(specialtyLoader, `/specialties/${slug}`, { slug });
      for (const range of page.data.codeRanges as { href: string }[]) {
        links++;
        const key = range.href.replace("/codes/range/", "");
        const answer = await get(key);
        if (answer.status !== 200) broken.push(`${slug}: ${range.href} → ${answer.status}`);
      }
    }
    expect(broken).toEqual([]);
    expect(links).toBeGreaterThan(80);
  });

  it("shows the cardiovascular surgery range: narrower ranges, specialties and ranked jobs", async () => {
    const page = await get("cpt-33016-37799");
    expect(page.status).toBe(200);
    const { range, narrower, specialties, tiers } = page.data;
    expect(range.label).toBe("Surgery: Cardiovascular System");
    expect(range.caution).toBeNull();
    expect(narrower.map((r: { href: string }) => r.href)).toEqual(
      expect.arrayContaining(["/codes/range/cpt-33016-33999", "/codes/range/cpt-34001-37799"]),
    );
    expect(specialties.map((s: { slug: string }) => s.slug)).toEqual(
      expect.arrayContaining(["cardiothoracic-vascular-surgery", "cardiology"]),
    );
    // Demo cardiothoracic and IR postings name codes in the range: they come first.
    expect(tiers[0].key).toBe("in-range");
    expect(tiers[0].total).toBeGreaterThan(0);
    for (const job of tiers[0].jobs) {
      expect(job.reason).toMatch(/^Names 3\d{4}/);
      for (const code of job.named_codes) expect(code >= "33016" && code <= "37799").toBe(true);
    }
    const ids = new Set(tiers[0].jobs.map((j: { id: number }) => j.id));
    expect(tiers[1].jobs.some((j: { id: number }) => ids.has(j.id))).toBe(false);
  });

  it("says in plain words when a range's edges are not checked, and lists curated codes", async () => {
    const heart = await get("cpt-33016-33999");
    expect(heart.data.range.caution).toMatch(/not yet checked where this range starts and ends/);
    const cardiacImaging = await get("cpt-75557-75580");
    expect(cardiacImaging.status).toBe(200);
    const cat3 = await get("cpt-0623t-0626t");
    expect(cat3.status).toBe(200);
    expect(cat3.data.codes.map((c: { code: string }) => c.code)).toEqual(
      expect.arrayContaining(["0623T", "0624T"]),
    );
    // A specialty's own range that is no code-book section says so.
    const repairs = await get("cpt-12001-13160");
    expect(repairs.status).toBe(200);
    expect(repairs.data.range.label).toMatch(/^Codes 12001–13160, a part of /);
    expect(repairs.data.range.caution).toMatch(/not a section of the code book/);
  });

  it("redirects upper case, and answers unknown or malformed ranges with a 404", async () => {
    expect(await get("CPT-33016-37799")).toMatchObject({
      status: 301,
      location: "/codes/range/cpt-33016-37799",
    });
    expect((await get("cpt-33016-33017")).status).toBe(404);
    expect((await get("nope")).status).toBe(404);
    expect((await get("cpt-<x>-1")).status).toBe(404);
    expect((await get("x".repeat(200))).status).toBe(404);
  });
});
