import { describe, expect, it } from "vitest";
import { describeSearch } from "./describe";
import { emptyFilters } from "./search-schemas";

const names = {
  specialty: { "risk-adjustment-hcc": "Risk Adjustment (HCC)", cardiology: "Cardiology" },
};

describe("describeSearch", () => {
  it("reads the issue's example the way a person would say it", () => {
    expect(
      describeSearch(
        {
          ...emptyFilters,
          setting: ["remote"],
          credential: ["CPC"],
          q: "risk adjustment",
          location: "43215",
          radius: 50,
        },
        names,
      ),
    ).toBe("Remote CPC “risk adjustment” jobs within 50 miles of 43215");
  });

  it("names every filter, with alternatives joined by “or”", () => {
    expect(
      describeSearch(
        {
          ...emptyFilters,
          setting: ["remote", "hybrid"],
          level: ["senior"],
          type: ["full_time", "contract"],
          specialty: ["cardiology", "risk-adjustment-hcc"],
          company: "acme",
          salaryMin: 60_000,
          posted: 7,
        },
        { ...names, company: "Acme Health" },
      ),
    ).toBe(
      "Remote or hybrid senior full-time or contract Cardiology or Risk Adjustment (HCC) jobs at Acme Health paying $60,000+ a year posted in the last 7 days",
    );
  });

  it("says “All jobs” for no filters and uses the resolved place name when there is one", () => {
    expect(describeSearch(emptyFilters, names)).toBe("All jobs");
    expect(
      describeSearch(
        { ...emptyFilters, location: "43215" },
        { ...names, place: "43215 (Columbus, OH)" },
      ),
    ).toBe("Jobs within 25 miles of 43215 (Columbus, OH)");
  });
});
