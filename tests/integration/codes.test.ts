// Code resolution (/codes/:code): system by shape, the narrowest range, specialties, status.
import { beforeAll, describe, expect, it } from "vitest";
import { resolveCode } from "../../app/codes/codes.server";
import { loader as lookupLoader } from "../../app/routes/codes._index";
import { loader } from "../../app/routes/codes.$code";
import { getDb } from "../../app/utils/db.server";
import { seedDemo } from "../../db/seed/seed";
import { callLoader } from "./codes-helpers";

beforeAll(async () => {
  await seedDemo(getDb());
});

async function resolved(code: string) {
  const result = await resolveCode(code);
  if (result.kind !== "code") throw new Error(`${code} did not resolve: ${result.kind}`);
  return {
    system: result.code.system,
    category: result.code.category,
    range: result.narrowest?.ref,
    label: result.narrowest?.label,
    specialties: result.specialties.map((s) => s.slug),
    curated: result.curated,
  };
}

describe("resolveCode", () => {
  it("0624T is a Category III code for cardiology and cardiac imaging, replaced by 75577", async () => {
    const r = await resolved("0624T");
    expect(r).toMatchObject({ system: "CPT", category: "III", range: "cpt-cat3" });
    expect(r.specialties).toEqual(expect.arrayContaining(["cardiology", "cardiac-imaging"]));
    expect(r.curated?.status).toMatch(/deleted 2026-01-01/);
    expect(r.curated?.replaced_by).toBe("75577");
  });

  it("99213 is E/M, in the office/outpatient range", async () => {
    const r = await resolved("99213");
    expect(r).toMatchObject({ system: "CPT", category: "I", range: "cpt-em-office" });
    expect(r.specialties).toContain("evaluation-management");
  });

  it("33208 is cardiovascular surgery (heart and pericardium), not just Surgery", async () => {
    const r = await resolved("33208");
    expect(r.range).toBe("cpt-surg-heart");
    expect(r.specialties).toContain("cardiothoracic-vascular-surgery");
  });

  it("J9035 is a HCPCS chemotherapy drug code for hematology/oncology", async () => {
    const r = await resolved("J9035");
    expect(r).toMatchObject({
      system: "HCPCS",
      range: "hcpcs-j9000-j9999",
      label: "Chemotherapy drugs",
    });
    expect(r.specialties).toEqual(["hematology-oncology"]);
  });

  it("I25.10 is in the ICD-10-CM circulatory chapter, for cardiology", async () => {
    const r = await resolved("I25.10");
    expect(r).toMatchObject({ system: "ICD-10-CM", range: "icd10cm-ch9" });
    expect(r.label).toMatch(/circulatory/i);
    expect(r.specialties).toContain("cardiology");
  });

  it("an ICD-10-PCS heart code resolves to its body system before its section", async () => {
    const r = await resolved("02703ZZ");
    expect(r.range).toBe("icd10pcs-02");
    expect(r.specialties).toEqual(
      expect.arrayContaining(["cardiology", "cardiothoracic-vascular-surgery"]),
    );
  });

  it("a Category II code and a PLA code find their own ranges, not Category I ones", async () => {
    expect((await resolved("3008F")).range).toBe("cpt-cat2");
    expect((await resolved("0001U")).range).toBe("cpt-pla");
  });

  it("a well-formed code in no range keeps its system", async () => {
    const r = await resolved("A1234");
    expect(r).toMatchObject({ system: "HCPCS", range: undefined, specialties: [] });
  });

  it("asks for a redirect to the canonical spelling, and refuses malformed codes", async () => {
    expect(await resolveCode("i2510")).toEqual({ kind: "redirect", canonical: "I25.10" });
    expect(await resolveCode("0624t")).toEqual({ kind: "redirect", canonical: "0624T" });
    for (const bad of ["99", "ZZZZZ", "../etc"]) {
      expect(await resolveCode(bad)).toEqual({ kind: "malformed" });
    }
  });
});

describe("the /codes/:code loader", () => {
  const get = (code: string) => callLoader(loader, `/codes/${encodeURIComponent(code)}`, { code });

  it("answers 0624T with its system, range, status, specialties and open jobs", async () => {
    const page = await get("0624T");
    expect(page.status).toBe(200);
    expect(page.data.code).toMatchObject({ canonical: "0624T", systemLabel: "CPT Category III" });
    expect(page.data.curated).toMatchObject({ replaced_by: "75577" });
    expect(page.data.specialties.map((s: { slug: string }) => s.slug)).toEqual(
      expect.arrayContaining(["cardiology", "cardiac-imaging"]),
    );
    expect(page.data.totalJobs).toBeGreaterThan(0);
    // No demo posting names 0624T: its jobs are the specialty tier's.
    const specialtyTier = page.data.tiers.find((t: { key: string }) => t.key === "specialty");
    expect(specialtyTier.jobs.length).toBeGreaterThan(0);
    expect(page.data.moreHref).toContain("specialty=cardiology");
  });

  it.each([
    ["99213", "cpt-em-office", "evaluation-management"],
    ["33208", "cpt-surg-heart", "cardiothoracic-vascular-surgery"],
    ["J9035", "hcpcs-j9000-j9999", "hematology-oncology"],
    ["I25.10", "icd10cm-ch9", "cardiology"],
  ])("answers %s from its narrowest range %s (%s)", async (code, ref, slug) => {
    const page = await get(code);
    expect(page.status).toBe(200);
    expect(page.data.ranges[0].ref).toBe(ref);
    expect(page.data.specialties.map((s: { slug: string }) => s.slug)).toContain(slug);
  });

  it("never carries a descriptor: only our labels and curated topics", async () => {
    const page = await get("99213");
    expect(Object.keys(page.data.code).sort()).toEqual([
      "canonical",
      "category",
      "system",
      "systemLabel",
    ]);
    expect(page.data.curated).toBeNull();
  });

  it("redirects a dotless or lower-case code to its canonical page with a 301", async () => {
    expect(await get("I2510")).toMatchObject({ status: 301, location: "/codes/I25.10" });
    expect(await get("j9035")).toMatchObject({ status: 301, location: "/codes/J9035" });
  });

  it.each(["99", "ZZZZZ", "../etc", "D0120"])(
    "answers the malformed %j with a 404",
    async (code) => {
      expect((await get(code)).status).toBe(404);
    },
  );

  it("answers a well-formed unknown code with 200 and its system", async () => {
    const page = await get("A1234");
    expect(page.status).toBe(200);
    expect(page.data.code.systemLabel).toBe("HCPCS Level II");
    expect(page.data.ranges).toEqual([]);
  });
});

describe("the /codes lookup", () => {
  it("sends a typed code to its page and keeps a bad one on the form with a 404", async () => {
    expect(await callLoader(lookupLoader, "/codes?code=%20i25.10", {})).toMatchObject({
      status: 302,
      location: "/codes/I25.10",
    });
    const bad = await callLoader(lookupLoader, "/codes?code=hello", {});
    expect(bad).toMatchObject({ status: 404, data: { invalid: true, query: "hello" } });
    expect((await callLoader(lookupLoader, "/codes", {})).status).toBe(200);
  });
});
