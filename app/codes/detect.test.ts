import { describe, expect, it } from "vitest";
import { credentialMatcher, findCodes, findKeywords, keywordsFor } from "./detect";

describe("findCodes", () => {
  it("finds CPT, Category II/III, PLA, HCPCS and dotted ICD-10-CM codes, once each, in order", () => {
    const text =
      "You will code 99214, 93458 and 0624T, report 3008F and 0001U, bill J9035 and G2211, and assign I25.10, E11.9 or S01.81XA. Again: 99214.";
    expect(findCodes(text).map((c) => c.canonical)).toEqual([
      "99214",
      "93458",
      "0624T",
      "3008F",
      "0001U",
      "J9035",
      "G2211",
      "I25.10",
      "E11.9",
      "S01.81XA",
    ]);
  });

  it("ignores numbers that are not codes", () => {
    const text =
      "Pay $58000 a year, 401(k), 95% accuracy, 2026 start, ZIP 43215-1234, Columbus, OH 43215, ICD-10-CM and 3M 360, 12345.67 units.";
    expect(findCodes(text)).toEqual([]);
  });

  it("keeps a code with a modifier", () => {
    expect(findCodes("Append modifier 25 as in 99213-25.").map((c) => c.canonical)).toEqual([
      "99213",
    ]);
  });
});

describe("credentialMatcher", () => {
  const match = credentialMatcher(["CPC", "CPC-A", "CCS", "CCS-P", "CRC", "RHIT", "CCA"]);

  it("matches whole credentials, longest first", () => {
    expect(match("CPC-A welcome; CPC preferred")).toEqual(["CPC-A", "CPC"]);
    expect(match("CPC-A only")).toEqual(["CPC-A"]);
    expect(match("Active CCS-P or CCS")).toEqual(["CCS-P", "CCS"]);
    expect(match("CPC® or CRC required, RHIT a plus")).toEqual(["CPC", "CRC", "RHIT"]);
    expect(match("two CPCs on the team")).toEqual(["CPC"]);
  });

  it("does not match inside other words or in lower case", () => {
    expect(match("CPCX, XCPC, cpc, CCAT, CPC-AB")).toEqual([]);
  });
});

describe("findKeywords", () => {
  const keywords = keywordsFor([
    { slug: "risk-adjustment-hcc", name: "Risk adjustment / HCC" },
    { slug: "cardiology", name: "Cardiology" },
    { slug: "interventional-radiology", name: "Interventional radiology (IR/vascular)" },
  ]);
  const slugs = (title: string, description = "") =>
    findKeywords({ title, description }, keywords).map((h) => h.slug);

  it("maps coding vocabulary to specialties", () => {
    expect(slugs("Risk Adjustment Coder (HCC)")).toContain("risk-adjustment-hcc");
    expect(slugs("Remote HCC Coding Specialist")).toEqual(["risk-adjustment-hcc"]);
    expect(slugs("Remote E/M Coder II")).toEqual(["evaluation-management"]);
    expect(slugs("Inpatient DRG Coding Specialist")).toEqual(["inpatient-facility"]);
    expect(slugs("Remote IR Coder II")).toEqual(["interventional-radiology"]);
    expect(slugs("Senior Interventional Radiology Coder")).toEqual(["interventional-radiology"]);
    expect(slugs("Cath Lab Coder")).toEqual(["cardiology"]);
  });

  it("counts boilerplate words only in the title", () => {
    const description =
      "Partner with CDI and billing. Work coding-related denials. Participate in internal audits. Follow HIPAA and compliance policies.";
    expect(slugs("Radiology Coder", description)).toEqual(["radiology"]);
    expect(slugs("Coding Auditor")).toEqual(["auditing-compliance"]);
  });

  it("is case-sensitive for abbreviations", () => {
    expect(slugs("Coder", "We need an ED coder")).toEqual([]);
    expect(slugs("ED Coding Specialist")).toEqual(["emergency-department"]);
    expect(slugs("Coder", "the ir team, a gi lab, the ent clinic")).toEqual([]);
  });

  it("says where it found the keyword", () => {
    expect(
      findKeywords({ title: "Coder", description: "risk adjustment reviews" }, keywords),
    ).toEqual([{ slug: "risk-adjustment-hcc", label: "risk adjustment", where: "description" }]);
  });
});
