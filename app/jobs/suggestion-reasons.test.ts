import { describe, expect, it } from "vitest";
import { andList, describeReasons } from "./suggestion-reasons";

describe("describeReasons", () => {
  it("says in plain words what in the posting points to the specialty", () => {
    expect(
      describeReasons([
        {
          kind: "code",
          code: "99213",
          label: "Office or other outpatient services",
          diagnosis: false,
        },
        {
          kind: "code",
          code: "99214",
          label: "Office or other outpatient services",
          diagnosis: false,
        },
        { kind: "code", code: "I25.10", label: null, diagnosis: true },
        { kind: "credential", code: "CIC" },
        { kind: "keyword", keyword: "emergency department", where: "title" },
        { kind: "keyword", keyword: "E/M", where: "description" },
      ]),
    ).toEqual([
      "mentions “emergency department” in the title",
      "mentions “E/M” in the description",
      "names 99213 and 99214 (Office or other outpatient services)",
      "names I25.10",
      "asks for CIC",
    ]);
  });

  it("lists each code and credential once", () => {
    expect(
      describeReasons([
        { kind: "credential", code: "CCC" },
        { kind: "credential", code: "CCC" },
        { kind: "code", code: "93458", label: "Cardiac catheterization", diagnosis: false },
        { kind: "code", code: "93458", label: "Cardiac catheterization", diagnosis: false },
      ]),
    ).toEqual(["names 93458 (Cardiac catheterization)", "asks for CCC"]);
  });

  it("joins lists the way a sentence does", () => {
    expect(andList([])).toBe("");
    expect(andList(["a"])).toBe("a");
    expect(andList(["a", "b"])).toBe("a and b");
    expect(andList(["a", "b", "c"])).toBe("a, b and c");
  });
});
