import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launch, logIn, noBrowser, openPage } from "./browser";

describe.skipIf(noBrowser)("a coder sees the jobs that fit them (Chromium)", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("sets CPC and E/M on the profile, then sees an E/M job requiring CPC as a fit and no CCS-required job", async () => {
    const { page, problems, close } = await openPage(browser);
    await logIn(page, "coder@example.com");
    await page.goto("/me/profile");
    const credentials = page.getByRole("group", { name: "Credentials" });
    const cpc = credentials.getByRole("checkbox", { name: "CPC", exact: true });
    if (!(await cpc.isChecked())) await cpc.check();
    const ccs = credentials.getByRole("checkbox", { name: "CCS", exact: true });
    if (await ccs.isChecked()) await ccs.uncheck();
    const em = page
      .getByRole("group", { name: "Specialties" })
      .getByRole("checkbox", { name: "E/M (Evaluation & Management)" });
    if (!(await em.isChecked())) await em.check();
    await page
      .getByRole("group", { name: "Code families you work in" })
      .getByRole("checkbox", { name: /^Evaluation and Management/ })
      .check();
    await page.getByRole("button", { name: "Save profile" }).click();
    await page.getByText("Profile saved.").waitFor();

    await page.goto("/me");
    await page.getByRole("heading", { level: 1, name: "Jobs that fit you" }).waitFor();
    const cards = page.locator(".job-card");
    expect(await cards.count()).toBeGreaterThan(0);
    // An E/M job that requires CPC, saying why it fits.
    const emFit = cards.filter({
      has: page.locator(".job-reason", {
        hasText: /required CPC.*E\/M \(Evaluation & Management\) is your specialty/,
      }),
    });
    expect(await emFit.count()).toBeGreaterThan(0);
    // No card requires CCS: the coder does not hold it.
    expect(await page.locator(".job-card .tag.required", { hasText: /^CCS$/ }).count()).toBe(0);
    await expectAccessible(page);

    // The home page shows the same matches to the signed-in coder.
    await page.goto("/");
    await page.getByRole("heading", { name: "Jobs that fit you" }).waitFor();
    expect(
      await page.locator("section[aria-labelledby=matches-title] .job-reason").count(),
    ).toBeGreaterThan(0);

    // On /jobs, "only jobs whose required credentials I hold": CCS-required jobs go away.
    await page.goto("/jobs?credential=ccs");
    const ccsBefore = await page.locator(".job-card .tag.required", { hasText: /^CCS$/ }).count();
    expect(ccsBefore).toBeGreaterThan(0);
    // Desktop widths open the filter panel after hydration; open it either way.
    await page.evaluate(() => {
      const panel = document.querySelector<HTMLDetailsElement>("details.filters-panel");
      if (panel) panel.open = true;
    });
    await page
      .getByRole("checkbox", { name: "Only jobs whose required credentials I hold" })
      .check();
    await page.waitForURL(/qualified=1/);
    await page.getByRole("link", { name: /credentials I hold/ }).waitFor();
    expect(await page.locator(".job-card .tag.required", { hasText: /^CCS$/ }).count()).toBe(0);
    expect(problems).toEqual([]);
    await close();
  });
});
