// Hostile input against the production build, over HTTP: every route the build has and every
// form its pages show, as a visitor, a coder, an employer and an operator. Routes and forms
// are discovered, never listed, so routes added later are fuzzed too. Bounded and seeded.
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSession } from "../../app/auth/session.server";
import { action as applyAction } from "../../app/routes/jobs.$id.apply";
import { getDb } from "../../app/utils/db.server";
import { createApp } from "../../server/app";
import { applyWithUpload, createJob, createMarket, useTempUploads } from "./applications-helpers";
import { insertOrder } from "./billing-helpers";

type Role = "visitor" | "candidate" | "employer" | "admin";
type Route = { id: string; pattern: string; document: boolean; action: boolean };
type FormField = { name: string; values: string[] };
type DiscoveredForm = { role: Role; action: string; multipart: boolean; fields: FormField[] };

const build: ServerBuild = await import(pathToFileURL(path.resolve("build/server/index.js")).href);
const MARKER = "<x-fz";
// Fixed by default so a failure repeats; FUZZ_SEED and FUZZ_SCALE explore further locally.
const SEED = Number(process.env.FUZZ_SEED ?? 1010);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
// Off-site by design: the employer's own apply address, and Stripe's checkout page.
const OFF_SITE_BY_DESIGN = [/^\/jobs\/\d+\/go$/];

let base = "";
let close = () => {};
const userIds: Partial<Record<Role, number>> = {};
const samples: Record<string, string[]> = {};
let routes: Route[] = [];
const forms: DiscoveredForm[] = [];

/** Every route's full URL pattern, from the build's own route table (ids, paths, parents). */
function discoverRoutes(serverBuild: ServerBuild): Route[] {
  const full = (id: string): string => {
    const route = serverBuild.routes[id];
    const parent = route.parentId ? full(route.parentId) : "";
    return [parent, route.path ?? ""].filter(Boolean).join("/");
  };
  return Object.values(serverBuild.routes)
    .filter((route) => route.id !== "root")
    .map((route) => ({
      id: route.id,
      pattern: `/${full(route.id)}`,
      document: Boolean(route.module.default || route.module.ErrorBoundary),
      action: typeof route.module.action === "function",
    }));
}

async function cookieFor(role: Role) {
  const id = userIds[role];
  return id ? (await startSession(id)).split(";")[0] : "";
}

function fill(pattern: string, pick: (name: string) => string) {
  return pattern.replace(/:(\w+)/g, (_, name: string) => pick(name)).replace("*", () => pick("*"));
}

const realFill = (pattern: string) => fill(pattern, (name) => samples[name]?.[0] ?? "1");

// Strings that have broken web apps: NUL and other controls, lone surrogates, bidi marks,
// SQL and HTML metacharacters, traversal, CR/LF, odd numbers, redirect tricks.
const nasty = fc.constantFrom(
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x\udfffy",
  "\u202egpj.exe",
  "\u200f\u061c",
  "\uffff\ufffe",
  "'; drop table users; --",
  '" or 1=1 --',
  `${MARKER}>`,
  `"><${MARKER.slice(1)} onmouseover=alert(1)>`,
  "../../../../etc/passwd",
  "..\\..\\windows\\win.ini",
  "\r\nX-Injected: 1",
  "/\t/evil.example/",
  "//evil.example",
  "/\\evil.example",
  "https://evil.example/",
  "javascript:alert(1)",
  "-1",
  "0",
  "1.5",
  "1e400",
  "NaN",
  "-Infinity",
  "99999999999999999999999",
  "2147483648",
  " ",
  "",
  "[object Object]",
  "%",
  "%zz",
);
const hostileString = fc.oneof(
  { weight: 4, arbitrary: nasty },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 300 }) },
  { weight: 1, arbitrary: fc.double().map(String) },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.oneof(nasty, fc.string({ maxLength: 5 })), { minLength: 2, maxLength: 5 })
      .map((parts) => parts.join("")),
  },
);

/** Percent-encodes like a browser, or sends bytes no browser would (bad escapes, bad UTF-8). */
const encodedComponent = fc.oneof(
  hostileString.map((value) => {
    try {
      return encodeURIComponent(value);
    } catch {
      return "%ED%A0%80"; // a lone surrogate as UTF-8 bytes
    }
  }),
  fc.constantFrom("%", "%zz", "%E0%A4%A", "%C0%AF", "%00", "..%2F..%2Fetc%2Fpasswd", "%FF%FE"),
);

const role = fc.constantFrom<Role>("visitor", "candidate", "employer", "admin");

type Answer = { status: number; location: string | null; type: string; body: string };

async function send(url: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(`${base}${url}`, { redirect: "manual", ...init });
  return {
    status: response.status,
    location: response.headers.get("location"),
    type: response.headers.get("content-type") ?? "",
    body: await response.text(),
  };
}

/** The three properties every answer must have; returns a description of a breach, or null. */
function breach(answer: Answer, target: string): string | null {
  if (answer.status >= 500) return `${answer.status} for ${target}: ${answer.body.slice(0, 200)}`;
  if (/html/.test(answer.type) && answer.body.includes(MARKER)) {
    return `markup reflected by ${target}`;
  }
  if (answer.location) {
    const to = new URL(answer.location, base);
    const pathname = new URL(target, base).pathname;
    if (to.origin !== base && !OFF_SITE_BY_DESIGN.some((p) => p.test(pathname))) {
      return `off-site redirect to ${answer.location} from ${target}`;
    }
  }
  return null;
}

let unique = 0;
/** A value that passes a field's checks, judged by its name, so hostile parts get further. */
function plausible(name: string): string {
  const rules: [RegExp, () => string][] = [
    [/email/i, () => `fuzz-${++unique}@example.com`],
    [/password|current|confirm/i, () => "Fuzzy-passw0rd-for-tests"],
    [/title/i, () => "Remote inpatient coder"],
    [
      /description|summary|coverLetter|body|prompt|answers/i,
      () => "Codes inpatient charts with ICD-10-CM and PCS every day, remotely.",
    ],
    [/zip/i, () => "33101"],
    [/state/i, () => "FL"],
    [/city|headquarters/i, () => "Miami"],
    [/phone/i, () => "555-0100"],
    [/website|url/i, () => "https://example.com/careers"],
    [/years|charts/i, () => "5"],
    [/salary/i, () => "60000"],
    [/accuracy/i, () => "95"],
    [/name/i, () => "Dana Fuzz"],
  ];
  return rules.find(([pattern]) => pattern.test(name))?.[1]() ?? "1";
}

/** Each form once per role (the header's logout form is on every page). */
function distinctForms() {
  const unique = new Map<string, DiscoveredForm>();
  for (const form of forms) {
    unique.set(`${form.role} ${form.action} ${form.fields.map((f) => f.name).join(",")}`, form);
  }
  return [...unique.values()];
}

/** Forms as a browser sees them: action, encoding, and each named control with its values. */
function parseForms(html: string, pageUrl: string, who: Role): DiscoveredForm[] {
  const found: DiscoveredForm[] = [];
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const attrs = match[1];
    if (!/method="post"/i.test(attrs)) continue;
    const action = /action="([^"]*)"/.exec(attrs)?.[1]?.replaceAll("&amp;", "&") || pageUrl;
    const fields = new Map<string, Set<string>>();
    for (const control of match[2].matchAll(/<(input|select|textarea|button)\b([^>]*)>/g)) {
      const name = /name="([^"]+)"/.exec(control[2])?.[1];
      if (!name) continue;
      const values = fields.get(name) ?? new Set<string>();
      const value = /value="([^"]*)"/.exec(control[2])?.[1];
      if (value !== undefined) values.add(value.replaceAll("&amp;", "&"));
      fields.set(name, values);
    }
    for (const option of match[2].matchAll(
      /<select\b[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g,
    )) {
      for (const value of option[2].matchAll(/<option\b[^>]*value="([^"]*)"/g)) {
        fields.get(option[1])?.add(value[1]);
      }
    }
    found.push({
      role: who,
      action: action.startsWith("/") ? action : new URL(action, base).pathname,
      multipart: /enctype="multipart\/form-data"/i.test(attrs),
      fields: [...fields].map(([name, values]) => ({ name, values: [...values] })),
    });
  }
  return found;
}

beforeAll(async () => {
  useTempUploads();
  const market = await createMarket();
  userIds.candidate = market.coderA.id;
  userIds.employer = market.ownerX.id;
  userIds.admin = market.operator.id;
  const { jobId } = await createJob(market.companyX, {
    questions: [{ kind: "text", prompt: "Which EHR have you coded in?" }],
  });
  const external = await createJob(market.companyX, { applyMethod: "url" });
  await applyWithUpload(applyAction, jobId, market.coderA.cookie, { "answers.q1": "Epic" });
  const db = getDb();
  const job = await db
    .selectFrom("jobs")
    .select(["slug"])
    .where("id", "=", jobId)
    .executeTakeFirstOrThrow();
  const application = await db.selectFrom("applications").select("id").executeTakeFirstOrThrow();
  const file = await db.selectFrom("files").select("id").executeTakeFirstOrThrow();
  const company = await db
    .selectFrom("companies")
    .select("slug")
    .where("id", "=", market.companyX)
    .executeTakeFirstOrThrow();
  const specialty = await db.selectFrom("specialties").select("slug").executeTakeFirstOrThrow();
  const orderId = await insertOrder({
    companyId: market.companyX,
    userId: market.ownerX.id,
    jobId,
  });
  Object.assign(samples, {
    id: [String(jobId), String(external.jobId), String(file.id), String(orderId)],
    applicationId: [String(application.id)],
    slug: [job.slug, company.slug, specialty.slug],
    code: ["cpc", "99213", "0624T"],
    token: ["not-a-real-token"],
    part: ["jobs-1", "codes"],
    "*": ["no-such-page"],
  });

  const server = createApp({ build }).listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();

  routes = discoverRoutes(build);
  for (const who of ["visitor", "candidate", "employer", "admin"] as const) {
    const cookie = await cookieFor(who);
    for (const route of routes.filter((r) => r.document && !r.pattern.includes("*"))) {
      const url = realFill(route.pattern);
      const page = await send(url, { headers: cookie ? { cookie } : {} });
      if (/html/.test(page.type)) forms.push(...parseForms(page.body, url, who));
    }
  }
}, 120_000);

afterAll(() => close());

describe("route and form discovery", () => {
  it("finds every route of the build and the forms their pages show", () => {
    expect(routes.length).toBeGreaterThan(40);
    expect(routes.map((r) => r.pattern)).toEqual(
      expect.arrayContaining(["/jobs/:id/apply", "/login", "/employer/jobs/:id/edit"]),
    );
    const actions = new Set(forms.map((f) => new URL(f.action, base).pathname));
    for (const page of ["/login", "/signup", "/me/profile", "/employer/company"]) {
      expect(actions, page).toContain(page);
    }
  });
});

describe("hostile input on every route", () => {
  it("never answers 5xx, reflects no markup and never redirects off-site, whatever the URL", async () => {
    const failures: string[] = [];
    const query = fc.array(
      fc.tuple(
        fc.oneof(
          fc.constantFrom(
            "q",
            "page",
            "redirectTo",
            "token",
            "sort",
            "status",
            "credential",
            "code",
            "specialty",
            "radius",
            "salary_min",
            "location",
            "part",
            "posted",
          ),
          encodedComponent,
        ),
        encodedComponent,
        fc.boolean(),
      ),
      { maxLength: 6 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.dictionary(
          fc.constantFrom("id", "applicationId", "slug", "code", "token", "part", "*"),
          fc.oneof(encodedComponent, fc.constantFrom("1")),
        ),
        fc.boolean(),
        query,
        role,
        fc.boolean(),
        async (route, params, realParams, pairs, who, dataRequest) => {
          const pathPart = fill(route.pattern, (name) =>
            realParams ? (samples[name]?.[0] ?? "1") : (params[name] ?? samples[name]?.[0] ?? "1"),
          );
          const search = pairs
            .map(([k, v, array]) => `${k}${array ? "%5B%5D" : ""}=${v}`)
            .join("&");
          const target = `${pathPart}${dataRequest && route.document ? ".data" : ""}${search ? `?${search}` : ""}`;
          const cookie = await cookieFor(who);
          const problem = breach(await send(target, { headers: cookie ? { cookie } : {} }), target);
          if (problem) failures.push(problem);
        },
      ),
      { numRuns: 250 * SCALE, seed: SEED },
    );
    expect(failures).toEqual([]);
  }, 120_000);

  it("never answers 5xx, reflects no markup and never redirects off-site, whatever a form posts", async () => {
    const failures: string[] = [];
    // The forms pages show (the header's logout form once, not once per page), and every
    // action of the build with made-up fields.
    const targets: DiscoveredForm[] = [
      ...distinctForms(),
      ...routes
        .filter((r) => r.action)
        .map((r) => ({
          role: "candidate" as const,
          action: realFill(r.pattern),
          multipart: false,
          fields: ["intent", "redirectTo", "id", "email", "password", "name"].map((name) => ({
            name,
            values: [],
          })),
        })),
    ];
    // Per control: keep a valid value, a hostile one, a valid one with a hostile part inside
    // (so it passes the rest of the form's checks and reaches the domain code), left out, or
    // sent several times.
    // Mostly valid, so that one bad control in an otherwise good form is the usual case.
    const mode = fc.oneof(
      { weight: 10, arbitrary: fc.constant({ kind: "keep" as const }) },
      { weight: 1, arbitrary: fc.constant({ kind: "omit" as const }) },
      { weight: 1, arbitrary: hostileString.map((value) => ({ kind: "replace" as const, value })) },
      { weight: 3, arbitrary: nasty.map((value) => ({ kind: "infect" as const, value })) },
      {
        weight: 1,
        arbitrary: fc.tuple(nasty, fc.integer({ min: 2, max: 4 })).map(([value, times]) => ({
          kind: "repeat" as const,
          value,
          times,
        })),
      },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...targets),
        fc.array(mode, { minLength: 1, maxLength: 40 }),
        fc.boolean(),
        async (form, modes, asMultipart) => {
          const body = new FormData();
          form.fields.forEach((field, i) => {
            const valid = field.values[0] ?? plausible(field.name);
            const m = modes[i % modes.length];
            if (m.kind === "omit") return;
            if (m.kind === "keep") body.append(field.name, valid);
            if (m.kind === "replace") body.append(field.name, m.value);
            if (m.kind === "infect") body.append(field.name, `${valid}${m.value}${valid}`);
            if (m.kind === "repeat") {
              for (let n = 0; n < m.times; n++) body.append(field.name, n ? m.value : valid);
            }
          });
          if (form.multipart && asMultipart) {
            body.append(
              "resume",
              new File([`%PDF-1.4 ${MARKER}>`], "re\r\nsume\u202e.pdf", {
                type: "application/pdf",
              }),
            );
          }
          const cookie = await cookieFor(form.role);
          const encoded =
            form.multipart || asMultipart
              ? body
              : new URLSearchParams([...body].map(([k, v]) => [k, String(v)]));
          const answer = await send(form.action, {
            method: "POST",
            body: encoded,
            headers: { origin: base, ...(cookie ? { cookie } : {}) },
          });
          const problem = breach(answer, `POST ${form.action} as ${form.role}`);
          if (problem) {
            const sent = [...body].map(([k, v]) => [k, String(v).slice(0, 60)]);
            failures.push(`${problem}\n  fields: ${JSON.stringify(sent)}`);
          }
        },
      ),
      { numRuns: 500 * SCALE, seed: SEED },
    );
    expect(failures).toEqual([]);
  }, 120_000);

  it("never answers 5xx to a 1 MB value in any field of any form, or to a 1 MB query string", async () => {
    const huge = "x".repeat(1_000_000);
    const failures: string[] = [];
    for (const form of distinctForms()) {
      for (const field of form.fields.slice(0, 3)) {
        const cookie = await cookieFor(form.role);
        const answer = await send(form.action, {
          method: "POST",
          body: new URLSearchParams({ [field.name]: huge }),
          headers: { origin: base, ...(cookie ? { cookie } : {}) },
        });
        if (answer.status >= 500) failures.push(`${answer.status} ${form.action} ${field.name}`);
      }
    }
    expect(failures).toEqual([]);
    expect((await send(`/jobs?q=${huge}`)).status).toBe(431);
  }, 120_000);
});
