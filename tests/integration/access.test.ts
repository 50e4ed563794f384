// Who may use each route, declared here, route by route, and checked against every route file
// that exists: a new route without a row fails the first test. Each row is tried with real
// rows behind its ids, so the people it allows get the page and everyone else is refused:
// a visitor is sent to log in, a signed-in person of the wrong kind gets 403. A 404 never
// counts as a refusal here (a missing row would pass for one).
// Who may see WHICH company's rows (another company's job, another coder's file) is the
// separate matrix in applications-access.test.ts.
import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createAccountAlert } from "../../app/alerts/alerts.server";
import * as apply from "../../app/routes/jobs.$id.apply";
import { getDb } from "../../app/utils/db.server";
import { createUser } from "../factories/users";
import { call, get, type Outcome, post } from "../routes";
import { employerWithJob, payFor } from "./admin-helpers";
import { applicationOf, applyWithUpload, createJob, useTempUploads } from "./applications-helpers";
import { insertOrder } from "./billing-helpers";

useTempUploads();

type Role = "visitor" | "coder" | "owner" | "recruiter" | "operator";
const ROLES: Role[] = ["visitor", "coder", "owner", "recruiter", "operator"];

/**
 * - public: anyone, signed in or not.
 * - anonymous: visitors only (a signed-in person is sent home).
 * - signed-in, coder, employer, operator: the session and role the guard demands.
 * - owner-writes: every employer reads; only a company owner may post.
 * - signed: no session at all; the request's signature is the guard (webhooks).
 */
type Rule =
  | "public"
  | "anonymous"
  | "signed-in"
  | "coder"
  | "employer"
  | "owner-writes"
  | "operator"
  | "signed";

type Fixture = {
  jobId: string;
  jobSlug: string;
  companySlug: string;
  companyId: string;
  applicationId: string;
  fileId: string;
  orderId: string;
  reviewId: string;
  userId: string;
  alertId: string;
  alertToken: string;
};

type Row = {
  rule: Rule;
  /** When the page (GET) is open to more people than its form (POST). */
  readRule?: Rule;
  params?: (f: Fixture) => Record<string, string>;
};

const job = (f: Fixture) => ({ id: f.jobId });
const application = (f: Fixture) => ({ id: f.jobId, applicationId: f.applicationId });

const ROUTES: Record<string, Row> = {
  "$.tsx": { rule: "public" },
  "_index.tsx": { rule: "public" },
  "about.tsx": { rule: "public" },
  // Alerts by token: holding the emailed link is the permission (alerts-flows.test.ts).
  "alerts._index.tsx": { rule: "public" },
  "alerts.confirm.$token.tsx": { rule: "public", params: (f) => ({ token: f.alertToken }) },
  "alerts.manage.$token.tsx": { rule: "public", params: (f) => ({ token: f.alertToken }) },
  "alerts.unsubscribe.$token.tsx": { rule: "public", params: (f) => ({ token: f.alertToken }) },
  "api.webhooks.resend.tsx": { rule: "signed" },
  "admin._index.tsx": { rule: "operator" },
  "admin.audit.tsx": { rule: "operator" },
  "admin.companies.$id.tsx": { rule: "operator", params: (f) => ({ id: f.companyId }) },
  "admin.companies._index.tsx": { rule: "operator" },
  "admin.credentials.tsx": { rule: "operator" },
  "admin.orders.tsx": { rule: "operator" },
  "admin.reports.tsx": { rule: "operator" },
  "admin.review.$id.tsx": { rule: "operator", params: (f) => ({ id: f.reviewId }) },
  "admin.review._index.tsx": { rule: "operator" },
  "admin.rules.tsx": { rule: "operator" },
  "admin.tsx": { rule: "operator" },
  "admin.users.$id.tsx": { rule: "operator", params: (f) => ({ id: f.userId }) },
  "admin.users._index.tsx": { rule: "operator" },
  "admin.verifications.tsx": { rule: "operator" },
  "api.webhooks.stripe.tsx": { rule: "signed" },
  "checkout.$id.tsx": { rule: "employer", params: (f) => ({ id: f.orderId }) },
  "codes.$code.tsx": { rule: "public", params: () => ({ code: "99213" }) },
  "codes._index.tsx": { rule: "public" },
  "codes.range.$key.tsx": { rule: "public", params: () => ({ key: "cpt-33016-37799" }) },
  "companies.$slug.logo[.]webp.tsx": { rule: "public", params: (f) => ({ slug: f.companySlug }) },
  "companies.$slug.tsx": { rule: "public", params: (f) => ({ slug: f.companySlug }) },
  "credentials.$code.tsx": { rule: "public", params: () => ({ code: "cpc" }) },
  "credentials._index.tsx": { rule: "public" },
  // /dev/* answers loopback sockets or operators (server/security.ts; hostile-requests.test.ts);
  // the test checkout is also the order's employer's alone.
  "dev.checkout.$id.tsx": { rule: "employer", params: (f) => ({ id: f.orderId }) },
  "dev.emails.$id.tsx": { rule: "public", params: () => ({ id: "1" }) },
  "dev.emails.tsx": { rule: "public" },
  "employer._index.tsx": { rule: "employer" },
  "employer.billing.tsx": { rule: "employer" },
  "employer.company.tsx": { rule: "owner-writes" },
  "employer.jobs.$id._index.tsx": { rule: "employer", params: job },
  "employer.jobs.$id.edit.tsx": { rule: "employer", params: job },
  "employer.jobs.$id.preview.tsx": { rule: "employer", params: job },
  "employer.jobs.$id_.applicants.$applicationId.tsx": { rule: "employer", params: application },
  "employer.jobs.$id_.applicants.$applicationId_.resume.tsx": {
    rule: "employer",
    params: application,
  },
  "employer.jobs.$id_.applicants._index.tsx": { rule: "employer", params: job },
  "employer.jobs.$id_.applicants.export.tsx": { rule: "employer", params: job },
  "employer.jobs.new.tsx": { rule: "employer" },
  "employer.settings.tsx": { rule: "owner-writes" },
  "employer.team.tsx": { rule: "owner-writes" },
  "employer.verification.tsx": { rule: "owner-writes" },
  "feeds.indeed[.]xml.tsx": { rule: "public" },
  "feeds.jobs[.]rss.tsx": { rule: "public" },
  "forgot-password.tsx": { rule: "public" },
  "invites.$token.tsx": { rule: "public", params: () => ({ token: "not-a-real-token" }) },
  "jobs.$id.$slug.tsx": { rule: "public", params: (f) => ({ id: f.jobId, slug: f.jobSlug }) },
  "jobs.$id._index.tsx": { rule: "public", params: job },
  "jobs.$id.apply.tsx": { rule: "public", params: job },
  "jobs.$id.go.tsx": { rule: "public", params: job },
  "jobs.$id.report.tsx": { rule: "public", params: job },
  // A GET only forwards to the job page; saving is for coders.
  "jobs.$id.save.tsx": { rule: "coder", readRule: "public", params: job },
  "jobs._index.tsx": { rule: "public" },
  "login.tsx": { rule: "anonymous" },
  "logout.tsx": { rule: "public" },
  "me._index.tsx": { rule: "signed-in" },
  "me.alerts.$id.tsx": { rule: "coder", params: (f) => ({ id: f.alertId }) },
  "me.alerts._index.tsx": { rule: "coder" },
  "me.applications.tsx": { rule: "coder" },
  "me.export[.json].tsx": { rule: "signed-in" },
  "me.files.$id.delete.tsx": { rule: "coder", params: (f) => ({ id: f.fileId }) },
  "me.files.$id.tsx": { rule: "coder", params: (f) => ({ id: f.fileId }) },
  "me.profile.tsx": { rule: "coder" },
  "me.saved.tsx": { rule: "coder" },
  "me.settings.tsx": { rule: "signed-in" },
  "pricing.tsx": { rule: "public" },
  "reset-password.tsx": { rule: "public" },
  "robots[.]txt.tsx": { rule: "public" },
  "signup.tsx": { rule: "anonymous" },
  "sitemap.$part.tsx": { rule: "public", params: () => ({ part: "pages.xml" }) },
  "sitemap[.]xml.tsx": { rule: "public" },
  "specialties.$slug.tsx": { rule: "public", params: () => ({ slug: "cardiology" }) },
  "specialties._index.tsx": { rule: "public" },
  "verify-company.tsx": { rule: "public" },
  "verify-email.tsx": { rule: "public" },
};

/** Who gets in, per rule, for a loader (GET) and an action (POST). */
const ALLOWED: Record<Rule, { read: Role[]; write: Role[] }> = {
  public: { read: ROLES, write: ROLES },
  anonymous: { read: ["visitor"], write: ["visitor"] },
  "signed-in": {
    read: ["coder", "owner", "recruiter", "operator"],
    write: ["coder", "owner", "recruiter", "operator"],
  },
  coder: { read: ["coder"], write: ["coder"] },
  employer: { read: ["owner", "recruiter"], write: ["owner", "recruiter"] },
  "owner-writes": { read: ["owner", "recruiter"], write: ["owner"] },
  operator: { read: ["operator"], write: ["operator"] },
  signed: { read: [], write: [] },
};

const routesDir = path.resolve("app/routes");

type RouteModule = { loader?: Parameters<typeof call>[0]; action?: Parameters<typeof call>[0] };

/** The URL a route file answers, with the fixture's ids in it. */
function urlFor(file: string, params: Record<string, string>) {
  const name = file.replace(/\.tsx?$/, "");
  const segments = name
    .split(".")
    .filter((s) => s !== "_index" && s !== "$")
    .map((s) => s.replace(/_$/, ""))
    .map((s) => (s.startsWith("$") ? (params[s.slice(1)] ?? "1") : s.replace(/\[|\]/g, "")));
  return `/${segments.join("/")}`;
}

function refusedAs(outcome: Outcome, role: Role) {
  if (role === "visitor")
    return outcome.status === 302 && (outcome.location ?? "").startsWith("/login?redirectTo=");
  return outcome.status === 403;
}

function describeOutcome(outcome: Outcome) {
  return `${outcome.status}${outcome.location ? ` → ${outcome.location}` : ""}`;
}

let fixture: Fixture;
let cookies: Record<Role, string | undefined>;

beforeAll(async () => {
  const owner = await createUser({ role: "employer" });
  const recruiter = await createUser({
    role: "employer",
    company: { id: owner.companyId!, role: "recruiter" },
  });
  const coder = await createUser({ role: "candidate" });
  const operator = await createUser({ role: "admin" });
  const { jobId } = await createJob(owner.companyId!);
  await applyWithUpload(apply.action, jobId, coder.cookie);
  const sent = (await applicationOf(jobId, coder.id))!;
  const orderId = await insertOrder({
    companyId: owner.companyId!,
    userId: owner.id,
    jobId,
    purpose: "renew",
  });
  // A job from an unverified company, paid for: it waits in the review queue.
  const waiting = await employerWithJob({ verified: false });
  await payFor(waiting.employer, waiting.jobId);
  const db = getDb();
  const review = await db
    .selectFrom("job_reviews")
    .select("id")
    .where("job_id", "=", waiting.jobId)
    .executeTakeFirstOrThrow();
  const row = await db
    .selectFrom("jobs")
    .innerJoin("companies", "companies.id", "jobs.company_id")
    .select(["jobs.slug", "companies.slug as company_slug"])
    .where("jobs.id", "=", jobId)
    .executeTakeFirstOrThrow();
  const alert = await createAccountAlert({
    userId: coder.id,
    query: "specialty=cardiology",
    frequency: "daily",
    timeZone: "America/New_York",
  });
  if (!alert.ok) throw new Error("the coder's alert was not created");
  const { token } = await db
    .selectFrom("alerts")
    .select("token")
    .where("id", "=", alert.id)
    .executeTakeFirstOrThrow();
  fixture = {
    alertId: String(alert.id),
    alertToken: token,
    jobId: String(jobId),
    jobSlug: row.slug,
    companySlug: row.company_slug,
    companyId: String(owner.companyId),
    applicationId: String(sent.id),
    fileId: String(sent.resume_file_id),
    orderId: String(orderId),
    reviewId: String(review.id),
    userId: String(coder.id),
  };
  cookies = {
    visitor: undefined,
    coder: coder.cookie,
    owner: owner.cookie,
    recruiter: recruiter.cookie,
    operator: operator.cookie,
  };
});

it("declares who may use every route file there is", () => {
  const files = readdirSync(routesDir)
    .filter((file) => /\.tsx?$/.test(file))
    .sort();
  expect(files).toEqual(Object.keys(ROUTES).sort());
});

describe.each(Object.entries(ROUTES))("%s", (file, { rule, readRule, params }) => {
  const load = async () => {
    const mod = (await import(path.join(routesDir, file))) as RouteModule;
    const values = params?.(fixture) ?? {};
    return { mod, values, url: urlFor(file, values) };
  };

  it.each(ROLES)(`${rule}: %s`, async (role) => {
    const { mod, values, url } = await load();
    const allowed = { read: ALLOWED[readRule ?? rule].read, write: ALLOWED[rule].write };
    if (mod.loader) {
      const outcome = await call(mod.loader, get(url, cookies[role]), values);
      if (allowed.read.includes(role)) {
        expect(
          refusedAs(outcome, role),
          `${url} refused ${role}: ${describeOutcome(outcome)}`,
        ).toBe(false);
        expect(outcome.status, `${url} as ${role}`).toBeLessThan(500);
        // The people a gated page is for get the page itself, not a 404 behind a wrong id.
        if ((readRule ?? rule) !== "public" && rule !== "signed")
          expect(outcome.status, `${url} as ${role}: ${describeOutcome(outcome)}`).toBeLessThan(
            400,
          );
      } else if ((readRule ?? rule) === "anonymous") {
        expect(outcome, `${url} as ${role}`).toMatchObject({ status: 302, location: "/" });
      } else if (rule !== "signed") {
        expect(refusedAs(outcome, role), `${url} as ${role}: ${describeOutcome(outcome)}`).toBe(
          true,
        );
      }
    }
    if (mod.action && !allowed.write.includes(role)) {
      // A body that would pass no form: the guard must answer before anything is parsed.
      const outcome = await call(
        mod.action,
        post(url, { intent: "remove" }, cookies[role]),
        values,
      );
      if (rule === "anonymous")
        expect(outcome, `${url} POST as ${role}`).toMatchObject({ status: 302, location: "/" });
      else if (rule === "signed")
        expect(outcome.status, `${url} POST without a signature`).toBe(400);
      else
        expect(
          refusedAs(outcome, role),
          `${url} POST as ${role}: ${describeOutcome(outcome)}`,
        ).toBe(true);
    }
  });
});

// The operator's forms answer nonsense with 400: never a 500, never a change.
const operatorForms: [string, Row][] = [];
for (const [file, row] of Object.entries(ROUTES)) {
  if (row.rule !== "operator") continue;
  const mod = (await import(path.join(routesDir, file))) as RouteModule;
  if (mod.action) operatorForms.push([file, row]);
}

describe.each(operatorForms)("%s as an operator", (file, { params }) => {
  it("refuses bad input with 400", async () => {
    const mod = (await import(path.join(routesDir, file))) as RouteModule;
    const values = params?.(fixture) ?? {};
    const outcome = await call(
      mod.action!,
      post(urlFor(file, values), { intent: "invite", email: "x@example.com" }, cookies.operator),
      values,
    );
    expect(outcome.status, `${file}: ${describeOutcome(outcome)}`).toBe(400);
  });
});
