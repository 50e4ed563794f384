import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launch, noBrowser, openPage } from "./browser";

describe.skipIf(noBrowser)("a coder follows the code-specialty graph (Chromium)", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("goes from specialties to a job, to a code family, and back to jobs", async () => {
    const { page, problems, close } = await openPage(browser);
    await page.goto("/");
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Specialties" })
      .click();
    await page.waitForURL(/\/specialties$/);
    await page.getByRole("heading", { level: 1, name: "Coding specialties" }).waitFor();
    await expectAccessible(page);

    await page.getByRole("link", { name: /^Cardiology \(\d+ open jobs?\)$/ }).click();
    await page.waitForURL(/\/specialties\/cardiology$/);
    await page.getByRole("heading", { level: 1, name: "Cardiology coding jobs" }).waitFor();
    await expect(page.getByRole("heading", { name: "Pay in open jobs" }).isVisible()).resolves.toBe(
      true,
    );
    await expect(page.getByText("Email me new Cardiology jobs").isVisible()).resolves.toBe(true);
    await expectAccessible(page);

    // A job of the specialty, whose posting names codes.
    await page.locator(".job-card h3 a").first().click();
    await page.waitForURL(/\/jobs\/\d+\/[a-z0-9-]+$/);
    await page.getByRole("heading", { name: "Code families in this posting" }).waitFor();
    await expectAccessible(page);
    const jobUrl = page.url();

    // Its specialty link leads to the specialty page.
    await page.getByRole("list", { name: "Specialties" }).getByRole("link").first().click();
    await page.waitForURL(/\/specialties\/[a-z0-9-]+$/);
    await page.getByRole("heading", { level: 1, name: /coding jobs$/ }).waitFor();
    await page.goto(jobUrl);

    // A code family link leads to the code page, and its jobs lead back to a job.
    const codeLink = page.locator(".code-families a").first();
    const code = (await codeLink.textContent())?.trim() ?? "";
    await codeLink.click();
    await page.waitForURL(new RegExp(`/codes/${code.replace(".", "\\.")}$`));
    await page
      .getByRole("heading", {
        level: 1,
        name: new RegExp(`${code.replace(".", "\\.")} coding jobs$`),
      })
      .waitFor();
    await expect(page.locator("main").textContent()).resolves.toContain("Code system");
    await expectAccessible(page);
    await page.locator(".job-card h3 a").first().click();
    await page.waitForURL(/\/jobs\/\d+\/[a-z0-9-]+$/);
    await page.getByRole("heading", { level: 1 }).waitFor();

    expect(problems).toEqual([]);
    await close();
  });

  it("shows a replaced Category III code and links its replacement", async () => {
    const { page, problems, close } = await openPage(browser);
    await page.goto("/codes/0624T");
    await page.getByRole("heading", { level: 1, name: "CPT 0624T coding jobs" }).waitFor();
    const main = await page.locator("main").textContent();
    expect(main).toContain("CPT Category III");
    expect(main).toContain("CPT® is a registered trademark of the American Medical Association");
    await page.getByRole("link", { name: "75577", exact: true }).click();
    await page.waitForURL(/\/codes\/75577$/);
    await expectAccessible(page);
    expect(problems).toEqual([]);
    await close();
  });

  it("answers a malformed code with a 404 and a code search that works without JavaScript", async () => {
    const { page, problems, close } = await openPage(browser, { javaScriptEnabled: false });
    const response = await page.goto("/codes/ZZZZZ");
    expect(response?.status()).toBe(404);
    await page.getByRole("heading", { level: 1, name: "Code not found" }).waitFor();
    await page.getByRole("searchbox", { name: /CPT, HCPCS or ICD-10 code/ }).fill("i2510");
    await page.getByRole("button", { name: "Look up code" }).click();
    await page.waitForURL(/\/codes\/I25\.10$/);
    await page.getByRole("heading", { level: 1, name: "ICD-10-CM I25.10 coding jobs" }).waitFor();
    // Chromium logs the 404 document itself as a failed resource; nothing else may fail.
    expect(problems.filter((p) => !p.includes("status of 404"))).toEqual([]);
    await close();
  });

  it("shows the code 404, credential and company pages without accessibility problems", async () => {
    const { page, problems, close } = await openPage(browser);
    // axe runs in the page, so this check needs JavaScript on.
    expect((await page.goto("/codes/..%2Fetc"))?.status()).toBe(404);
    await page.getByRole("heading", { level: 1, name: "Code not found" }).waitFor();
    await expectAccessible(page);
    problems.splice(0); // Chromium logs the 404 document itself as a failed resource
    await page.goto("/credentials/CPC");
    await page.waitForURL(/\/credentials\/cpc$/);
    await page.getByRole("heading", { level: 1, name: /CPC jobs/ }).waitFor();
    await expectAccessible(page);
    await page.locator(".job-card h3 a").first().click();
    await page.waitForURL(/\/jobs\/\d+\/[a-z0-9-]+$/);
    await page.locator(".company-card h2 a").click();
    await page.waitForURL(/\/companies\/[a-z0-9-]+$/);
    await page.getByRole("heading", { name: /^Open jobs at / }).waitFor();
    await expectAccessible(page);
    expect(problems).toEqual([]);
    await close();
  });
});
