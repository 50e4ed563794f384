// Every /me, /employer and /admin loader and action, called directly, refuses the wrong
// visitor. Route modules are discovered from the folder, so a new page is covered at once.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../factories/users";
import { call, get, type Outcome, post } from "../routes";

type RouteModule = { loader?: Parameters<typeof call>[0]; action?: Parameters<typeof call>[0] };

const routesDir = path.resolve("app/routes");
const files = readdirSync(routesDir).filter(
  (file) => /^(me|employer|admin)[._[]/.test(file) && /\.tsx?$/.test(file),
);

function urlFor(file: string) {
  const name = file.replace(/\.tsx?$/, "");
  const segments = name
    .split(".")
    .filter((s) => s !== "_index")
    .map((s) => (s.startsWith("$") ? "1" : s.replace(/\[|\]/g, "")));
  return {
    url: `/${segments.join("/")}`.replace(/\/export\/json$/, "/export.json"),
    params: Object.fromEntries(
      name
        .split(".")
        .filter((s) => s.startsWith("$"))
        .map((s) => [s.slice(1), "1"]),
    ),
  };
}

function refused(outcome: Outcome) {
  const toLogin = outcome.status === 302 && outcome.location?.startsWith("/login?redirectTo=");
  return toLogin || outcome.status === 401 || outcome.status === 403 || outcome.status === 404;
}

let cookies: Record<"candidate" | "employer" | "admin", string>;
beforeAll(async () => {
  cookies = {
    candidate: (await createUser({ role: "candidate" })).cookie,
    employer: (await createUser({ role: "employer" })).cookie,
    admin: (await createUser({ role: "admin" })).cookie,
  };
});

it("finds the protected route modules", () => {
  expect(files).toEqual(
    expect.arrayContaining([
      "me.settings.tsx",
      "employer._index.tsx",
      "employer.team.tsx",
      "admin._index.tsx",
      "admin.review.$id.tsx",
      "admin.orders.tsx",
      "admin.audit.tsx",
    ]),
  );
});

describe.each(files)("%s", (file) => {
  const { url, params } = urlFor(file);
  // /me pages are for any signed-in person unless the module guards with requireCandidate.
  const candidateOnly = readFileSync(path.join(routesDir, file), "utf8").includes(
    "requireCandidate(",
  );
  const wrongRoles = file.startsWith("admin")
    ? (["candidate", "employer"] as const)
    : file.startsWith("employer")
      ? (["candidate", "admin"] as const)
      : candidateOnly
        ? (["employer", "admin"] as const)
        : ([] as const);

  it("refuses a visitor without a session (loader and action)", async () => {
    const mod = (await import(path.join(routesDir, file))) as RouteModule;
    if (mod.loader) {
      const outcome = await call(mod.loader, get(url), params);
      expect(refused(outcome), `${file} loader answered ${outcome.status}`).toBe(true);
    }
    if (mod.action) {
      const outcome = await call(
        mod.action,
        post(url, { intent: "invite", email: "x@example.com", role: "owner" }),
        params,
      );
      expect(refused(outcome), `${file} action answered ${outcome.status}`).toBe(true);
    }
  });

  it.each(wrongRoles)("refuses a signed-in %s (loader and action)", async (role) => {
    const mod = (await import(path.join(routesDir, file))) as RouteModule;
    if (mod.loader)
      expect((await call(mod.loader, get(url, cookies[role]), params)).status).toBe(403);
    if (mod.action) {
      const outcome = await call(
        mod.action,
        post(url, { intent: "invite", email: "x@example.com", role: "owner" }, cookies[role]),
        params,
      );
      expect(outcome.status).toBe(403);
    }
  });
});

// The operator column: every /admin page lets an operator in, and its action answers bad
// input with 400 (never a 500, never a change).
describe.each(files.filter((file) => file.startsWith("admin")))("%s as an operator", (file) => {
  const { url, params } = urlFor(file);
  it("lets an operator in, and refuses bad input", async () => {
    const mod = (await import(path.join(routesDir, file))) as RouteModule;
    if (mod.loader) {
      const outcome = await call(mod.loader, get(url, cookies.admin), params);
      // 404 is a missing record behind the id, not a refusal.
      expect([200, 404], `${file} loader answered ${outcome.status}`).toContain(outcome.status);
    }
    if (mod.action) {
      const outcome = await call(
        mod.action,
        post(url, { intent: "invite", email: "x@example.com", role: "owner" }, cookies.admin),
        params,
      );
      expect(outcome.status, `${file} action answered ${outcome.status}`).toBe(400);
    }
  });
});
