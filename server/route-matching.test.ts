// patches/@remix-run+router+1.23.3.patch (decision 024) makes the server's route matching
// reuse compiled patterns and ranked branches. What it must never change: which route a
// path matches, whichever array is asked and however often.
import { matchRoutes } from "@remix-run/router";
import { describe, expect, it } from "vitest";

const ids = (matches: ReturnType<typeof matchRoutes>) => matches?.map((m) => m.route.id) ?? null;

describe("route matching on the server", () => {
  it("ranks a static segment above a parameter on every call, not only the first", () => {
    const routes = [
      {
        id: "jobs",
        path: "jobs",
        children: [
          { id: "job", path: ":id" },
          { id: "new", path: "new" },
        ],
      },
    ];
    for (let i = 0; i < 3; i++) {
      expect(ids(matchRoutes(routes, "/jobs/new"))).toEqual(["jobs", "new"]);
      expect(ids(matchRoutes(routes, "/jobs/42"))).toEqual(["jobs", "job"]);
      expect(matchRoutes(routes, "/jobs/42")?.[1].params).toEqual({ id: "42" });
    }
  });

  it("answers each route array by its own routes", () => {
    const a = [{ id: "a", path: "/a" }];
    const b = [{ id: "b", path: "/b" }];
    expect(ids(matchRoutes(a, "/a"))).toEqual(["a"]);
    expect(ids(matchRoutes(b, "/a"))).toBeNull();
    expect(ids(matchRoutes(b, "/b"))).toEqual(["b"]);
    expect(ids(matchRoutes(a, "/b"))).toBeNull();
    // An equal array built anew (as a render builds its routes) matches the same way.
    expect(ids(matchRoutes([{ id: "a", path: "/a" }], "/a"))).toEqual(["a"]);
  });
});
