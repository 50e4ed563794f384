import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeRedirect } from "./http";

describe("safeRedirect", () => {
  it("keeps paths on this site, query and fragment included", () => {
    expect(safeRedirect("/jobs?q=cardiology#results")).toBe("/jobs?q=cardiology#results");
    expect(safeRedirect("/me/applications")).toBe("/me/applications");
  });

  it("refuses every way a browser would read as another site", () => {
    for (const target of [
      "//evil.example/",
      "/\\evil.example/",
      "/\t/evil.example/",
      "/\n/evil.example/",
      "/\r\n/evil.example/",
      "https://evil.example/",
      "javascript:alert(1)",
      " /evil",
      "evil.example",
    ]) {
      expect(safeRedirect(target, "/fallback"), JSON.stringify(target)).toBe("/fallback");
    }
  });

  it("never returns a value a Location header cannot carry", () => {
    expect(safeRedirect("/jobs\r\nSet-Cookie: x=1")).toBe("/");
    expect(safeRedirect("/caf\u00e9 ok")).toBe("/caf%C3%A9%20ok");
  });

  it("returns only same-origin paths whatever it is given", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (tail) => {
        const target = safeRedirect(`/${tail}`, "/fallback");
        const resolved = new URL(target, "https://medcodejobs.example");
        expect(resolved.origin).toBe("https://medcodejobs.example");
        expect(target).toMatch(/^\/[^/\\]|^\/$/);
        expect(() => new Headers({ location: target })).not.toThrow();
      }),
      { numRuns: 2000, seed: 10 },
    );
  });
});
