import { expect, it } from "vitest";
import { plural } from "./plural";

it("agrees the word with the count", () => {
  expect(plural(1, "note")).toBe("1 note");
  expect(plural(0, "note")).toBe("0 notes");
  expect(plural(2, "apply click")).toBe("2 apply clicks");
  expect(plural(1200, "view")).toBe("1,200 views");
  expect(plural(3, "company", "companies")).toBe("3 companies");
});
