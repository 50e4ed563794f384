// The new-job form's suggested specialties (issue 15), with JavaScript on and off: asked for
// before anything is saved, shown with their reasons, one removed, and the preview says what
// the job is listed under.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launch, logIn, noBrowser, openPage } from "./browser";

const stamp = Date.now().toString(36);

describe.skipIf(noBrowser).each([
  { js: true, name: "JavaScript on" },
  { js: false, name: "JavaScript off" },
])("suggested specialties on a new job (Chromium, $name)", ({ js }) => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("suggests from the typed text without saving, keeps what was typed, and drops a removed suggestion", async () => {
    const { page, problems, close } = await openPage(browser, { javaScriptEnabled: js });
    await logIn(page, "new-employer@example.com");
    await page.goto("/employer/jobs/new");
    const title = `Remote Cardiology Coder ${stamp}${js ? "js" : "nojs"}`;
    const description =
      "Code cath lab cases (93458), E/M office visits (99213, 99214) and echo reads (93306). CCC preferred.";
    await page.getByLabel("Job title").fill(title);
    await page.getByLabel("Description (Markdown)").fill(description);
    await page.getByLabel("Charts a day").fill("90");
    await page.getByRole("button", { name: "Suggest specialties from my text" }).click();

    await page.getByText("names 99213 and 99214 (Office/outpatient)").waitFor();
    await page.getByText("mentions “E/M” in the description").waitFor();
    expect(await page.getByLabel("Job title").inputValue()).toBe(title);
    expect(await page.getByLabel("Description (Markdown)").inputValue()).toBe(description);
    expect(await page.getByLabel("Charts a day").inputValue()).toBe("90");
    const keepEm = page.getByRole("checkbox", { name: "Keep E/M (Evaluation & Management)" });
    expect(await keepEm.isChecked()).toBe(true);
    // axe runs as a script in the page: only with JavaScript on.
    if (js) await expectAccessible(page);

    await keepEm.uncheck();
    await page.getByRole("button", { name: "Save and preview" }).click();
    await page.getByText("Preview: this is the page coders will see.").waitFor();
    const listing = page.getByText(/^Listed under:/);
    await listing.waitFor();
    const listed = await listing.textContent();
    expect(listed).toContain("Cardiovascular imaging");
    expect(listed).toContain("(suggested from your text)");
    expect(listed).not.toContain("E/M (Evaluation");

    await page.getByRole("link", { name: "Review the specialties" }).click();
    await page.getByText("Removed from this job: E/M (Evaluation & Management)").waitFor();
    expect(problems).toEqual([]);
    await close();
  });

  it("Enter in a field does the form's main action, not “Suggest”", async () => {
    const { page, close } = await openPage(browser, { javaScriptEnabled: js });
    await logIn(page, "new-employer@example.com");
    await page.goto("/employer/jobs/new");
    await page.getByLabel("Job title").fill(`Coder ${stamp}${js ? "js" : "nojs"} enter`);
    await page.getByLabel("Description (Markdown)").fill("Office visits (99213, 99214).");
    await page.getByLabel("Job title").press("Enter");
    // "Save and preview" ran: the preview, or the form's errors for what is still missing.
    await page
      .getByText("Preview: this is the page coders will see.")
      .or(page.locator("ul.field-errors"))
      .first()
      .waitFor();
    expect(await page.getByText("names 99213 and 99214").count()).toBe(0);
    await close();
  });
});
