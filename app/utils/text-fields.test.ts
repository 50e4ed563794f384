import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { idField, textArea, textField, webAddress } from "./text-fields";

describe("text fields", () => {
  it("drop NUL and turn other control characters into spaces on one line", () => {
    expect(textField().trim().parse(" Dana\u0000 Coder\r\nX-Injected: 1\t")).toBe(
      "Dana Coder  X-Injected: 1",
    );
  });

  it("keep line breaks in a text area, as \\n", () => {
    expect(textArea().parse("Dear team,\r\n\r\nI code\u0000 E/M.\u0007")).toBe(
      "Dear team,\n\nI code E/M.",
    );
  });

  it("replace lone surrogates, which Postgres refuses in JSON, and keep real emoji", () => {
    expect(textField().parse("a\ud800b\udfffc 😀")).toBe("a\ufffdb\ufffdc 😀");
  });

  it("check length after cleaning, so max() counts what is stored", () => {
    expect(textField().max(3).safeParse("ab\u0000\u0000").success).toBe(true);
  });

  it("refuse web addresses with spaces or control characters", () => {
    expect(webAddress(300).safeParse("https://example.com/jobs").success).toBe(true);
    expect(webAddress(300).safeParse("https://example.com/a b").success).toBe(false);
    expect(webAddress(300).safeParse("javascript:alert(1)").success).toBe(false);
  });
});

describe("id fields", () => {
  it("accept positive whole numbers that fit the database", () => {
    expect(idField().parse("42")).toBe(42);
    expect(idField().parse("2147483647")).toBe(2147483647);
  });

  it("refuse fractions, signs, exponents, spaces and numbers past the database's range", () => {
    for (const value of ["1.5", "-1", "+1", "1e3", " 1", "0x10", "0", "", "2147483648", "NaN"]) {
      expect(idField().safeParse(value).success, value).toBe(false);
    }
  });
});

describe("every form and query schema", () => {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? files(path.join(dir, entry.name))
        : /(-schemas\.ts|\.tsx?)$/.test(entry.name) && !entry.name.includes(".test.")
          ? [path.join(dir, entry.name)]
          : [],
    );

  it("reads text through the shared fields, never z.string() or z.coerce directly", () => {
    // Schemas and routes: where request input is parsed. Other modules validate our own data.
    const inputs = files("app").filter(
      (file) => file.endsWith("-schemas.ts") || file.startsWith(path.join("app", "routes")),
    );
    expect(inputs.length).toBeGreaterThan(10);
    const offenders = inputs.filter((file) =>
      /\bz\s*\.\s*(string|coerce)\b/.test(readFileSync(file, "utf8")),
    );
    expect(offenders).toEqual([]);
  });
});
