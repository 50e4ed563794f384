import { describe, expect, it } from "vitest";
import { formatLocation, formatPay, formatPayAlternate, postedAgo } from "./format";

describe("pay", () => {
  it("shows an hourly range and its annual equivalent", () => {
    const job = { salary_period: "hour", salary_min_cents: 2450, salary_max_cents: 3000 };
    expect(formatPay(job)).toBe("$24.50–$30.00 an hour");
    expect(formatPayAlternate(job)).toBe("about $51,000–$62,000 a year");
  });
  it("shows an annual range and its hourly equivalent", () => {
    const job = { salary_period: "year", salary_min_cents: 5_800_000, salary_max_cents: 6_600_000 };
    expect(formatPay(job)).toBe("$58,000–$66,000 a year");
    expect(formatPayAlternate(job)).toBe("about $27.88–$31.73 an hour");
  });
  it("says nothing when no pay is given", () => {
    expect(
      formatPay({ salary_period: null, salary_min_cents: null, salary_max_cents: null }),
    ).toBeNull();
  });
});

describe("location", () => {
  it("names the states a remote job accepts", () => {
    expect(
      formatLocation({ setting: "remote", city: null, state: null, remote_states: ["OH", "TX"] }),
    ).toBe("Remote (OH, TX)");
  });
  it("names the setting of on-site and hybrid jobs beside their city", () => {
    expect(formatLocation({ setting: "onsite", city: "Dallas", state: "TX" })).toBe(
      "On-site · Dallas, TX",
    );
    expect(formatLocation({ setting: "hybrid", city: "Columbus", state: "OH" })).toBe(
      "Hybrid · Columbus, OH",
    );
    expect(formatLocation({ setting: "hybrid", city: null, state: null })).toBe(
      "Hybrid · United States",
    );
  });
});

it("describes posting age in words", () => {
  const now = new Date("2026-11-27T12:00:00Z");
  expect(postedAgo("2026-11-27T08:00:00Z", now)).toBe("Posted today");
  expect(postedAgo("2026-11-20T08:00:00Z", now)).toBe("Posted 7 days ago");
});
