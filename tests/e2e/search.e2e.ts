import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launch, noBrowser, openPage } from "./browser";

const totalOf = async (page: Page) =>
  Number((await page.locator("main p strong").first().textContent())?.replace(/[^\d]/g, ""));

describe.skipIf(noBrowser)("a coder searches jobs (Chromium)", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("with JavaScript: filters update results in place, the URL follows, back undoes", async () => {
    const { page, problems, close } = await openPage(browser);
    await page.goto("/jobs");
    const all = await totalOf(page);
    expect(all).toBeGreaterThan(100);
    await expectAccessible(page);

    // Tag the document: a full reload would lose the mark.
    await page.evaluate(() => {
      (window as unknown as { marked: boolean }).marked = true;
    });
    const remote = page.getByRole("checkbox", { name: /^Remote/ });
    const remoteCount = Number(
      (await remote.locator("xpath=..").locator(".facet-count").textContent())?.replace(/\D/g, ""),
    );
    await remote.check();
    await page.waitForURL(/setting=remote/);
    await page.waitForFunction(
      (n) => document.querySelector("main p strong")?.textContent?.replace(/\D/g, "") === String(n),
      remoteCount,
    );
    expect(await page.evaluate(() => (window as unknown as { marked?: boolean }).marked)).toBe(
      true,
    );

    await page.getByLabel("Keywords").fill("coder");
    await page.getByLabel("Keywords").press("Enter");
    await page.waitForURL(/q=coder/);
    await page.locator(".job-card").first().waitFor();
    const narrowed = await totalOf(page);
    expect(narrowed).toBeLessThanOrEqual(remoteCount);
    expect(await page.getByRole("link", { name: "Remove “coder”" }).count()).toBe(1);

    await page.goBack();
    await page.waitForURL((url) => !url.search.includes("q=coder"));
    await page.waitForFunction(
      (n) => document.querySelector("main p strong")?.textContent?.replace(/\D/g, "") === String(n),
      remoteCount,
    );
    expect(await page.getByLabel("Keywords").inputValue()).toBe("");
    expect(await remote.isChecked()).toBe(true);

    await page.goBack();
    await page.waitForURL((url) => !url.search.includes("setting"));
    await page.waitForFunction(
      (n) => document.querySelector("main p strong")?.textContent?.replace(/\D/g, "") === String(n),
      all,
    );
    expect(await remote.isChecked()).toBe(false);
    expect(problems).toEqual([]);
    await close();
  });

  it("without JavaScript: the same form submits as a plain GET and shows why a search is empty", async () => {
    const { page, problems, close } = await openPage(browser, { javaScriptEnabled: false });
    await page.goto("/jobs");
    await page.getByRole("checkbox", { name: /^Hybrid/ }).check();
    await page.getByLabel("Keywords").fill("coder");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await page.waitForURL(/q=coder/);
    expect(page.url()).toMatch(/setting=hybrid/);
    expect(await page.getByLabel("Keywords").inputValue()).toBe("coder");
    expect(await page.getByRole("checkbox", { name: /^Hybrid/ }).isChecked()).toBe(true);
    const cards = await page.locator(".job-card").count();
    expect(cards).toBeGreaterThan(0);

    await page.goto("/jobs?q=zzqqxx+nothing&location=43215&radius=10&level=lead");
    await expect(page.locator(".empty-result").textContent()).resolves.toMatch(/No open jobs/);
    expect(await page.getByLabel("Keywords").inputValue()).toBe("zzqqxx nothing");
    await page.locator(".empty-result a").first().click();
    await page.waitForLoadState();
    expect(await totalOf(page)).toBeGreaterThan(0);

    const bad = await page.goto("/jobs?radius=-5&page=1000000000&q=%FF");
    expect(bad?.status()).toBe(200);
    await expect(page.locator(".search-notes").textContent()).resolves.toMatch(/Radius must be/);
    expect(problems).toEqual([]);
    await close();
  });
});
