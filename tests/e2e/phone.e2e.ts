// Every page shape on a 390 × 844 phone: nothing scrolls sideways, /jobs puts the first job on
// the first screen, and the header menu opens without JavaScript. The list of pages is checked
// against app/routes: a new page without a sample address here fails the first test.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launch, noBrowser } from "./browser";

const PHONE = { width: 390, height: 844 };
const DEMO_PASSWORD = "medcode-demo";

type Who = "visitor" | "coder" | "employer" | "operator";
type Ids = {
  job: string;
  jobId: string;
  employerJobId: string;
  applicationId: string;
  company: string;
  fileId: string;
  orderId: string;
  review: string;
  adminCompany: string;
  adminUser: string;
  alertId: string;
};

/** A sample address for every route module that renders a page, and who looks at it. */
const PAGES: Record<string, { who: Who; url: (ids: Ids) => string }> = {
  "$.tsx": { who: "visitor", url: () => "/no-such-page" },
  "_index.tsx": { who: "visitor", url: () => "/" },
  "about.tsx": { who: "visitor", url: () => "/about" },
  "alerts._index.tsx": { who: "visitor", url: () => "/alerts?specialty=cardiology&setting=remote" },
  "alerts.confirm.$token.tsx": { who: "visitor", url: () => `/alerts/confirm/${"a".repeat(32)}` },
  "alerts.manage.$token.tsx": { who: "visitor", url: () => `/alerts/manage/${"a".repeat(32)}` },
  "alerts.unsubscribe.$token.tsx": {
    who: "visitor",
    url: () => `/alerts/unsubscribe/${"a".repeat(32)}`,
  },
  "admin._index.tsx": { who: "operator", url: () => "/admin" },
  "admin.tsx": { who: "operator", url: () => "/admin/rules" },
  "admin.audit.tsx": { who: "operator", url: () => "/admin/audit" },
  "admin.companies.$id.tsx": { who: "operator", url: (i) => i.adminCompany },
  "admin.companies._index.tsx": { who: "operator", url: () => "/admin/companies" },
  "admin.credentials.tsx": { who: "operator", url: () => "/admin/credentials" },
  "admin.orders.tsx": { who: "operator", url: () => "/admin/orders" },
  "admin.reports.tsx": { who: "operator", url: () => "/admin/reports?show=all" },
  "admin.review.$id.tsx": { who: "operator", url: (i) => i.review },
  "admin.review._index.tsx": { who: "operator", url: () => "/admin/review" },
  "admin.rules.tsx": { who: "operator", url: () => "/admin/rules" },
  "admin.users.$id.tsx": { who: "operator", url: (i) => i.adminUser },
  "admin.users._index.tsx": { who: "operator", url: () => "/admin/users" },
  "admin.verifications.tsx": { who: "operator", url: () => "/admin/verifications" },
  "checkout.$id.tsx": { who: "employer", url: (i) => `/checkout/${i.orderId}` },
  "codes.$code.tsx": { who: "visitor", url: () => "/codes/99213" },
  "codes._index.tsx": { who: "visitor", url: () => "/codes?code=zz" },
  "codes.range.$key.tsx": { who: "visitor", url: () => "/codes/range/cpt-33016-37799" },
  "companies.$slug.tsx": { who: "visitor", url: (i) => `/companies/${i.company}` },
  "credentials.$code.tsx": { who: "visitor", url: () => "/credentials/cpc" },
  "credentials._index.tsx": { who: "visitor", url: () => "/credentials" },
  "dev.checkout.$id.tsx": { who: "employer", url: (i) => `/dev/checkout/${i.orderId}` },
  "dev.emails.tsx": { who: "visitor", url: () => "/dev/emails" },
  "employer._index.tsx": { who: "employer", url: () => "/employer" },
  "employer.billing.tsx": { who: "employer", url: () => "/employer/billing" },
  "employer.company.tsx": { who: "employer", url: () => "/employer/company" },
  "employer.jobs.$id._index.tsx": {
    who: "employer",
    url: (i) => `/employer/jobs/${i.employerJobId}`,
  },
  "employer.jobs.$id.edit.tsx": {
    who: "employer",
    url: (i) => `/employer/jobs/${i.employerJobId}/edit`,
  },
  "employer.jobs.$id.preview.tsx": {
    who: "employer",
    url: (i) => `/employer/jobs/${i.employerJobId}/preview`,
  },
  "employer.jobs.$id_.applicants.$applicationId.tsx": {
    who: "employer",
    url: (i) => `/employer/jobs/${i.employerJobId}/applicants/${i.applicationId}`,
  },
  "employer.jobs.$id_.applicants._index.tsx": {
    who: "employer",
    url: (i) => `/employer/jobs/${i.employerJobId}/applicants`,
  },
  "employer.jobs.new.tsx": { who: "employer", url: () => "/employer/jobs/new" },
  "employer.settings.tsx": { who: "employer", url: () => "/employer/settings" },
  "employer.team.tsx": { who: "employer", url: () => "/employer/team" },
  "employer.verification.tsx": { who: "employer", url: () => "/employer/verification" },
  "forgot-password.tsx": { who: "visitor", url: () => "/forgot-password" },
  "invites.$token.tsx": { who: "visitor", url: () => "/invites/not-a-real-token" },
  "jobs.$id.$slug.tsx": { who: "visitor", url: (i) => i.job },
  "jobs.$id.apply.tsx": { who: "visitor", url: (i) => `/jobs/${i.jobId}/apply` },
  "jobs.$id.report.tsx": { who: "visitor", url: (i) => `/jobs/${i.jobId}/report` },
  "jobs._index.tsx": { who: "visitor", url: () => "/jobs?q=coder&setting=remote" },
  "login.tsx": { who: "visitor", url: () => "/login" },
  "me._index.tsx": { who: "coder", url: () => "/me" },
  "me.alerts.$id.tsx": { who: "coder", url: (i) => `/me/alerts/${i.alertId}` },
  "me.alerts._index.tsx": { who: "coder", url: () => "/me/alerts" },
  "me.applications.tsx": { who: "coder", url: () => "/me/applications" },
  "me.files.$id.delete.tsx": { who: "coder", url: (i) => `/me/files/${i.fileId}/delete` },
  "me.profile.tsx": { who: "coder", url: () => "/me/profile" },
  "me.saved.tsx": { who: "coder", url: () => "/me/saved" },
  "me.settings.tsx": { who: "coder", url: () => "/me/settings" },
  "pricing.tsx": { who: "visitor", url: () => "/pricing" },
  "reset-password.tsx": { who: "visitor", url: () => "/reset-password?token=expired" },
  "signup.tsx": { who: "visitor", url: () => "/signup" },
  "specialties.$slug.tsx": { who: "visitor", url: () => "/specialties/cardiology" },
  "specialties._index.tsx": { who: "visitor", url: () => "/specialties" },
  "verify-email.tsx": { who: "visitor", url: () => "/verify-email" },
  "verify-company.tsx": { who: "visitor", url: () => "/verify-company?token=expired" },
};

/** Route modules that render a page (resource routes export no component). */
function pageRoutes() {
  const dir = path.resolve("app/routes");
  return readdirSync(dir)
    .filter((file) => /\.tsx$/.test(file))
    .filter((file) => /export default/.test(readFileSync(path.join(dir, file), "utf8")))
    .sort();
}

const EMAILS: Record<Exclude<Who, "visitor">, string> = {
  // A demo applicant: a coder with a resume on file and applications in several stages.
  coder: "applicant1@example.com",
  employer: "employer@example.com",
  operator: "admin@example.com",
};

async function phoneContext(browser: Browser, who: Who, javaScriptEnabled = true) {
  const context = await browser.newContext({
    baseURL: baseUrl!,
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    javaScriptEnabled,
  });
  if (who !== "visitor") {
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("Email").fill(EMAILS[who]);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    await page.close();
  }
  return context;
}

/** Ids of real rows, read the way a visitor would find them. */
async function findIds(contexts: Record<Who, BrowserContext>): Promise<Ids> {
  const visitor = await contexts.visitor.newPage();
  await visitor.goto("/jobs");
  const job = (await visitor.locator(".job-card h3 a").first().getAttribute("href"))!;
  await visitor.goto(job);
  const company = (await visitor.locator(".company-card h2 a").getAttribute("href"))!.split("/")[2];
  await visitor.close();

  const employer = await contexts.employer.newPage();
  await employer.goto("/employer");
  const board = (await employer
    .getByRole("link", { name: /applications for/ })
    .first()
    .getAttribute("href"))!;
  const employerJobId = board.split("/")[3];
  await employer.goto(board);
  const applicant = (await employer.locator(".applicant-card h3 a").first().getAttribute("href"))!;
  // A draft paid for in test mode leaves an order to look at (checkout and its stand-in).
  await employer.goto("/employer/jobs/new");
  await employer.getByLabel("Job title").fill("Phone check draft");
  await employer.getByRole("button", { name: "Save draft" }).click();
  await employer.waitForURL(/\/employer\/jobs\/\d+\/edit$/);
  const draftId = employer.url().split("/")[5];
  await employer.goto(`/employer/jobs/${draftId}`);
  const started = await employer.request.post(`/employer/jobs/${draftId}`, {
    form: { intent: "checkout", plan: "standard" },
    headers: { origin: baseUrl! },
    maxRedirects: 0,
  });
  const orderId = /\/(\d+)$/.exec(started.headers().location ?? "")?.[1] ?? "0";
  await employer.close();

  const operator = await contexts.operator.newPage();
  const firstLink = async (path: string, pattern: RegExp) => {
    await operator.goto(path);
    const hrefs = await operator
      .locator("main a")
      .evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    return hrefs.find((href) => pattern.test(href));
  };
  const review = (await firstLink("/admin/review", /^\/admin\/review\/\d+$/)) ?? "/admin/review/1";
  const adminCompany = (await firstLink("/admin/companies", /^\/admin\/companies\/\d+$/))!;
  const adminUser = (await firstLink("/admin/users", /^\/admin\/users\/\d+$/))!;
  await operator.close();

  const coder = await contexts.coder.newPage();
  await coder.goto("/me/profile");
  const file = await coder.locator('a[href^="/me/files/"]').first().getAttribute("href");
  // An alert of the coder's own, saved with one click.
  await coder.request.post("/alerts?specialty=cardiology&setting=remote", {
    form: { frequency: "daily" },
    headers: { origin: baseUrl! },
    maxRedirects: 0,
  });
  await coder.goto("/me/alerts");
  const alert = await coder.locator('main a[href^="/me/alerts/"]').first().getAttribute("href");
  await coder.close();
  return {
    job,
    jobId: job.split("/")[2],
    employerJobId,
    applicationId: applicant.split("/").at(-1)!,
    company,
    fileId: file?.split("/")[3] ?? "0",
    orderId,
    review,
    adminCompany,
    adminUser,
    alertId: alert?.split("/")[3] ?? "0",
  };
}

/** Ids used twice and headings that skip a level (h1 then h3): both confuse assistive tech. */
async function structureProblems(page: Page) {
  return page.evaluate(() => {
    const problems: string[] = [];
    const seen = new Map<string, number>();
    for (const el of document.querySelectorAll("[id]")) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
    for (const [id, n] of seen) if (n > 1) problems.push(`id "${id}" ×${n}`);
    let previous = 0;
    for (const h of document.querySelectorAll(
      "main h1, main h2, main h3, main h4, main h5, main h6",
    )) {
      const level = Number(h.tagName[1]);
      if (level > previous + 1)
        problems.push(`h${level} “${h.textContent?.trim().slice(0, 40)}” after h${previous}`);
      previous = level;
    }
    return problems;
  });
}

async function widthOf(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.scrollWidth;
    const wide = [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
      .slice(0, 3)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
    return { width, wide };
  });
}

describe("the phone check", () => {
  it("has a sample address for every page in app/routes", () => {
    expect(pageRoutes()).toEqual(Object.keys(PAGES).sort());
  });
});

describe.skipIf(noBrowser)("on a phone, 390 × 844 (Chromium)", () => {
  let browser: Browser;
  let contexts: Record<Who, BrowserContext>;
  let ids: Ids;
  beforeAll(async () => {
    browser = await launch();
    contexts = {
      visitor: await phoneContext(browser, "visitor"),
      coder: await phoneContext(browser, "coder"),
      employer: await phoneContext(browser, "employer"),
      operator: await phoneContext(browser, "operator"),
    };
    ids = await findIds(contexts);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  it("no page scrolls sideways, repeats an id or skips a heading level", async () => {
    const results: string[] = [];
    for (const [route, { who, url }] of Object.entries(PAGES)) {
      const page = await contexts[who].newPage();
      const response = await page.goto(url(ids));
      const { width, wide } = await widthOf(page);
      if ((response?.status() ?? 500) >= 500 || width > PHONE.width)
        results.push(
          `${route} ${url(ids)}: status ${response?.status()}, ${width}px ${wide.join(" ")}`,
        );
      for (const problem of await structureProblems(page)) results.push(`${route}: ${problem}`);
      await page.close();
    }
    expect(results).toEqual([]);
  }, 180_000);

  it("/jobs shows results first: the first job on the first screen, filters folded", async () => {
    const page = await contexts.visitor.newPage();
    await page.goto("/jobs");
    const top = await page
      .locator(".job-card")
      .first()
      .evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeLessThan(PHONE.height);
    expect(await page.getByRole("checkbox", { name: /^Remote/ }).isVisible()).toBe(false);
    await page.getByText("Filters", { exact: true }).click();
    await page.getByRole("checkbox", { name: /^Remote/ }).check();
    await page.waitForURL(/setting=remote/);
    await page.getByRole("link", { name: "Remove remote" }).waitFor();
    await page.close();
  });

  it("the header folds into a menu that opens without JavaScript", async () => {
    const context = await phoneContext(browser, "visitor", false);
    const page = await context.newPage();
    await page.goto("/");
    const findJobs = page.getByRole("navigation", { name: "Main" }).getByRole("link", {
      name: "Find jobs",
    });
    expect(await findJobs.isVisible()).toBe(false);
    await page.getByText("Menu", { exact: true }).click();
    await findJobs.click();
    await page.waitForURL(/\/jobs$/);
    await context.close();
  });
});
