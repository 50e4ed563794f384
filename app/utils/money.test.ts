import { describe, expect, it } from "vitest";
import { formatCents, formatDollars } from "./money";

describe("money", () => {
  it("shows cents only when an amount has some", () => {
    expect(formatCents(9900)).toBe("$99");
    expect(formatCents(125050)).toBe("$1,250.50");
    expect(formatCents(9900, "usd", 2)).toBe("$99.00");
    expect(formatCents(12345, "usd", 0)).toBe("$123");
  });

  it("names other currencies and writes whole dollars", () => {
    expect(formatCents(5000, "eur")).toBe("€50");
    expect(formatDollars(52_000)).toBe("$52,000");
  });
});
