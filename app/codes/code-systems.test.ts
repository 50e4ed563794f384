import { describe, expect, it } from "vitest";
import { matchingRanges, narrowestRange, parseCode, rangeContains } from "./code-systems";

describe("parseCode", () => {
  it.each([
    ["99213", "CPT", "I", "99213"],
    ["0001F", "CPT", "II", "0001F"],
    ["0624t", "CPT", "III", "0624T"],
    ["0001U", "CPT", "PLA", "0001U"],
    ["J9035", "HCPCS", "Level II", "J9035"],
    ["g2211", "HCPCS", "Level II", "G2211"],
    ["I25.10", "ICD-10-CM", null, "I25.10"],
    ["I2510", "ICD-10-CM", null, "I25.10"],
    ["E119", "ICD-10-CM", null, "E11.9"],
    ["I10", "ICD-10-CM", null, "I10"],
    ["O9A.1", "ICD-10-CM", null, "O9A.1"],
    ["S72001A", "ICD-10-CM", null, "S72.001A"],
    ["02703ZZ", "ICD-10-PCS", null, "02703ZZ"],
    ["BW03ZZZ", "ICD-10-PCS", null, "BW03ZZZ"],
  ])("reads %s as %s %s (%s)", (raw, system, category, canonical) => {
    expect(parseCode(raw)).toMatchObject({ system, category, canonical });
  });

  it.each([
    "99",
    "ZZZZZ",
    "../etc",
    "",
    "9921",
    "992134",
    "D0120", // dental: the ADA's, not ours
    "I25.",
    "I25.12345",
    "0I703ZZ", // PCS never uses I or O
    "99213; drop table",
  ])("rejects %j", (raw) => {
    expect(parseCode(raw)).toBeNull();
  });
});

describe("range matching", () => {
  const ranges = [
    { ref: "em", system: "CPT", from_code: "99202", to_code: "99499" },
    { ref: "em-office", system: "CPT", from_code: "99202", to_code: "99215" },
    { ref: "cat2", system: "CPT", from_code: "0001F", to_code: "9007F" },
    { ref: "cat3", system: "CPT", from_code: "0042T", to_code: "9999T" },
    { ref: "anes", system: "CPT", from_code: "00100", to_code: "01999" },
    { ref: "ch2", system: "ICD-10-CM", from_code: "C00", to_code: "D49" },
    { ref: "ch3", system: "ICD-10-CM", from_code: "D50", to_code: "D89" },
    { ref: "ch15", system: "ICD-10-CM", from_code: "O00", to_code: "O9A" },
    { ref: "pcs-0", system: "ICD-10-PCS", from_code: "0", to_code: "0" },
    { ref: "pcs-02", system: "ICD-10-PCS", from_code: "02", to_code: "02" },
  ];
  const at = (code: string) => narrowestRange(parseCode(code)!, ranges)?.ref ?? null;

  it("picks the narrowest range", () => {
    expect(at("99213")).toBe("em-office");
    expect(at("99233")).toBe("em");
    expect(matchingRanges(parseCode("99213")!, ranges).map((r) => r.ref)).toEqual([
      "em-office",
      "em",
    ]);
  });

  it("compares only codes of the same shape", () => {
    expect(at("0624T")).toBe("cat3");
    expect(at("0500F")).toBe("cat2");
    // 01000 sorts between 0001F and 9007F as text, but is a Category I code.
    expect(at("01000")).toBe("anes");
    expect(rangeContains(parseCode("0100T")!, ranges[4])).toBe(false);
  });

  it("places ICD-10-CM codes by their three-character category", () => {
    expect(at("C50.911")).toBe("ch2");
    expect(at("D68.51")).toBe("ch3");
    expect(at("O9A.11")).toBe("ch15");
  });

  it("places PCS codes in their body system before their section", () => {
    expect(at("02703ZZ")).toBe("pcs-02");
    expect(at("0DTJ4ZZ")).toBe("pcs-0");
  });
});
