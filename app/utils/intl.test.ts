import { describe, expect, it } from "vitest";
import { formatNumber, numberFormat } from "./intl";

describe("numberFormat", () => {
  it("hands back the same formatter for the same locale and options", () => {
    const a = numberFormat("en-US", { style: "currency", currency: "USD" });
    expect(numberFormat("en-US", { style: "currency", currency: "USD" })).toBe(a);
    expect(numberFormat("en-US", { style: "currency", currency: "EUR" })).not.toBe(a);
  });
  it("writes counts with thousands separators", () => {
    expect(formatNumber(1234567)).toBe("1,234,567");
  });
});
