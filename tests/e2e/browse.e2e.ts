import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launch, noBrowser, openPage } from "./browser";

describe.skipIf(noBrowser)("a visitor browses jobs (Chromium)", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("goes from the home page to the job list to a job, with no errors and no serious a11y issues", async () => {
    const { page, problems, close } = await openPage(browser);
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toMatch(
      /coding jobs/i,
    );
    await expect(page.locator("footer").textContent()).resolves.toContain(
      "CPT® is a registered trademark of the American Medical Association",
    );
    await expectAccessible(page);

    await page.getByRole("link", { name: /See all [\d,]+ jobs/ }).click();
    await page.waitForURL(/\/jobs$/);
    await page.getByRole("heading", { level: 1, name: "Medical coding jobs" }).waitFor();
    const total = await page.locator("main p strong").first().textContent();
    expect(Number(total?.replace(/[^\d]/g, ""))).toBeGreaterThanOrEqual(300);
    await expectAccessible(page);

    const first = page.locator(".job-card h3 a").first();
    const title = (await first.textContent())?.trim();
    await first.click();
    await page.waitForURL(/\/jobs\/\d+\/[a-z0-9-]+$/);
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    const ld = JSON.parse(
      (await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}",
    );
    expect(ld["@type"]).toBe("JobPosting");
    await expectAccessible(page);

    expect(problems).toEqual([]);
    await close();
  });

  it("works with JavaScript off and is usable on a phone-sized screen", async () => {
    const { page, problems, close } = await openPage(browser, { javaScriptEnabled: false });
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto("/jobs");
    await page.getByRole("link", { name: /Older/ }).click();
    await page.waitForURL(/page=2/);
    expect(await page.locator(".job-card").count()).toBe(20);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth > window.innerWidth,
    );
    expect(overflow).toBe(false);
    expect(problems).toEqual([]);
    await close();
  });

  it("answers unknown pages with the shared 404 page", async () => {
    const { page, close } = await openPage(browser);
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Page not found");
    await close();
  });
});
