// The Express server around the production build: headers, origin check, health, caching.
import { readdirSync, readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import express from "express";
import { beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "../../app/utils/db.server";
import { seedDemo } from "../../db/seed/seed";
import { securityHeaders } from "../../server/security";
import { useBuiltSite } from "./built-site";

beforeAll(async () => {
  await seedDemo(getDb());
});
const site = useBuiltSite();

describe("security headers", () => {
  it("sends an enforced CSP with a fresh nonce per request, and the other headers, on every page", async () => {
    const [a, b] = await Promise.all([fetch(`${site.base}/`), fetch(`${site.base}/`)]);
    const csp = a.headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toBe(b.headers.get("content-security-policy"));
    const nonce = /nonce-([^']+)/.exec(csp)![1];
    const html = await a.text();
    const inlineScripts = html.match(/<script(?![^>]*\bsrc=)[^>]*>/g) ?? [];
    expect(inlineScripts.length).toBeGreaterThan(0);
    for (const tag of inlineScripts.filter((t) => !t.includes("application/ld+json"))) {
      expect(tag).toContain(`nonce="${nonce}"`);
    }
    expect(a.headers.get("x-content-type-options")).toBe("nosniff");
    expect(a.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(a.headers.get("x-request-id")).toMatch(/[0-9a-f-]{36}/);
    expect(a.headers.get("x-powered-by")).toBeNull();
    // No HSTS on plain-HTTP local runs; production sends it (below).
    expect(a.headers.get("strict-transport-security")).toBeNull();
  });

  it("adds Strict-Transport-Security in production", async () => {
    const app = express()
      .use(securityHeaders({ production: true, devServer: false }))
      .get("/", (_req, res) => {
        res.send("ok");
      });
    const server = app.listen(0);
    await new Promise((resolve) => server.once("listening", resolve));
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    server.close();
    expect(response.headers.get("strict-transport-security")).toMatch(/max-age=\d{8}/);
  });

  it("compresses pages", async () => {
    const response = await fetch(`${site.base}/jobs`, { headers: { "accept-encoding": "gzip" } });
    expect(response.headers.get("content-encoding")).toBe("gzip");
  });

  it("serves fingerprinted assets with a year of immutable caching", async () => {
    const asset = readdirSync("build/client/assets").find((file) => file.endsWith(".css"))!;
    const response = await fetch(`${site.base}/assets/${asset}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });
});

describe("origin check", () => {
  it("refuses a POST from another site, and one with no Origin at all", async () => {
    const foreign = await fetch(`${site.base}/jobs`, {
      method: "POST",
      headers: { origin: "https://evil.example" },
    });
    expect(foreign.status).toBe(403);
    const none = await fetch(`${site.base}/jobs`, { method: "POST" });
    expect(none.status).toBe(403);
  });

  it("guards every route with an action: a foreign Origin or none gets 403", async () => {
    // Every route module that exports an action, found in app/routes (webhooks are exempt
    // and checked below), at a URL made from its file name.
    const formRoutes = readdirSync("app/routes")
      // Exempt by design, checked on their own: signed webhooks, one-click unsubscribe.
      .filter(
        (file) => !file.startsWith("api.webhooks.") && !file.startsWith("alerts.unsubscribe."),
      )
      .filter((file) =>
        /export (async function|const) action\b/.test(readFileSync(`app/routes/${file}`, "utf8")),
      )
      .map(routeUrl);
    expect(formRoutes.length).toBeGreaterThan(30);
    for (const route of formRoutes) {
      const body = new URLSearchParams({ email: "a@example.com", password: "x" });
      const foreign = await fetch(`${site.base}${route}`, {
        method: "POST",
        body,
        headers: { origin: "https://evil.example" },
      });
      expect(foreign.status, route).toBe(403);
      const none = await fetch(`${site.base}${route}`, { method: "POST", body });
      expect(none.status, route).toBe(403);
    }
  });

  it("lets the site's own POSTs through to the routes, and exempts webhooks", async () => {
    const own = await fetch(`${site.base}/no-such-form`, {
      method: "POST",
      body: new URLSearchParams({ a: "1" }),
      headers: { origin: site.base },
    });
    expect(own.status).toBe(404);
    const webhook = await fetch(`${site.base}/api/webhooks/stripe`, { method: "POST" });
    expect(webhook.status).not.toBe(403);
  });
});

describe("health", () => {
  it("answers /healthz and /readyz", async () => {
    expect((await fetch(`${site.base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${site.base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.text()).toBe("ready");
  });
});

describe("pages", () => {
  it("shows the total of open jobs and 404s unknown paths through the shared error page", async () => {
    const list = await (await fetch(`${site.base}/jobs`)).text();
    expect(list).toMatch(/<strong>3\d\d(<!-- -->)? jobs<\/strong>/);
    const missing = await fetch(`${site.base}/jobs/999999/whatever`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("Page not found");
  });

  it("redirects a wrong slug to the canonical job address with 301", async () => {
    const job = await getDb()
      .selectFrom("jobs")
      .select(["id", "slug"])
      .where("status", "=", "published")
      .executeTakeFirstOrThrow();
    const response = await fetch(`${site.base}/jobs/${job.id}/not-the-slug`, {
      redirect: "manual",
    });
    expect(response.status).toBe(301);
    expect(response.headers.get("location")).toBe(`/jobs/${job.id}/${job.slug}`);
  });

  it("answers an expired job with 410, similar open jobs and no JSON-LD", async () => {
    const job = await getDb()
      .selectFrom("jobs")
      .select(["id", "slug"])
      .where("status", "=", "expired")
      .executeTakeFirstOrThrow();
    const response = await fetch(`${site.base}/jobs/${job.id}/${job.slug}`);
    expect(response.status).toBe(410);
    const html = await response.text();
    expect(html).toContain("no longer accepting applications");
    expect(html).toContain("Similar open jobs");
    expect(html).not.toContain("application/ld+json");
  });

  it("gives bad page numbers a normal page, never a 500", async () => {
    for (const page of ["-5", "abc", "1000000000", "2.5"]) {
      expect((await fetch(`${site.base}/jobs?page=${page}`)).status).toBe(200);
    }
  });
});

describe("database outage", () => {
  it("answers pages with the shared 503 page that says so, without leaking details", async () => {
    const url = process.env.DATABASE_URL;
    await closeDb();
    process.env.DATABASE_URL = "postgres://postgres:x@127.0.0.1:1/nowhere";
    try {
      const page = await fetch(`${site.base}/jobs`);
      expect(page.status).toBe(503);
      const html = await page.text();
      expect(html).toContain("Temporarily unavailable");
      expect(html).toContain("cannot reach its database");
      expect(html).not.toMatch(/ECONNREFUSED|127\.0\.0\.1:1|at .*\.ts:\d+/);
      expect((await fetch(`${site.base}/readyz`)).status).toBe(503);
    } finally {
      await closeDb();
      process.env.DATABASE_URL = url;
    }
    expect((await fetch(`${site.base}/readyz`)).status).toBe(200);
  });
});

/** A URL that a flat-routes file name answers: `jobs.$id.apply.tsx` → `/jobs/1/apply`. */
function routeUrl(file: string) {
  const segments = file
    .replace(/\.tsx?$/, "")
    .replace(/\[\.\]/g, "~")
    .split(".")
    .filter((segment) => segment !== "_index" && !segment.startsWith("_"))
    .map((segment) => segment.replace(/_$/, "").replace(/~/g, "."))
    .map((segment) => (segment.startsWith("$") ? "1" : segment));
  return `/${segments.join("/")}`;
}
