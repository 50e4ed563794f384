import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectAccessible,
  launch,
  logIn,
  noBrowser,
  openPage,
  SCREENS,
  waitForSignedIn,
} from "./browser";

const stamp = Date.now();

async function followEmailLink(page: Page, to: string, linkPattern: RegExp) {
  await page.goto("/dev/emails");
  const item = page.locator("li.card", { hasText: `To ${to}` }).first();
  await item.waitFor();
  await item.locator("summary").click();
  const href = await item.locator("pre a", { hasText: linkPattern }).first().getAttribute("href");
  expect(href).toBeTruthy();
  await page.goto(href!);
}

async function payInTestMode(page: Page) {
  await page.waitForURL(/\/dev\/checkout\/\d+$/);
  await page.getByText("TEST MODE").first().waitFor();
  await page.getByRole("button", { name: /^Pay / }).click();
  await page.getByRole("heading", { name: "Payment received" }).waitFor();
}

describe.skipIf(noBrowser).each(SCREENS)("employers (Chromium, $name)", (screen) => {
  // One unusual word in the title, so a search for it finds exactly this job.
  const word = `Zephyrcoder${stamp.toString(36)}${screen.name}`;
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("a new employer writes a job, previews it and pays; it waits for review until an operator approves it; then it is in search and renews", async () => {
    const { page, problems, close } = await openPage(browser, { screen });
    const email = `e2e-employer-${stamp}-${screen.name}@example.com`;
    await page.goto("/signup?role=employer");
    await page.getByLabel("hiring coders").check();
    await page.getByLabel("Your name").fill("Pat Employer");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("we-post-coding-jobs");
    await page.getByLabel("Company name").fill(`Northwind Coding ${stamp} ${screen.name}`);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { name: "Check your email" }).waitFor();
    await followEmailLink(page, email, /verify-email/);
    await page.getByRole("button", { name: "Confirm my email" }).click();
    await waitForSignedIn(page);

    await page.goto("/employer/jobs/new");
    await expectAccessible(page);
    const title = `Remote ${word} Risk Adjustment Coder`;
    await page.getByLabel("Job title").fill(title);
    // An error first: nothing typed is lost.
    await page.getByLabel("Description (Markdown)").fill("Too short");
    await page.getByRole("button", { name: "Save and preview" }).click();
    await page.getByText("Describe the job in at least 50 characters.").waitFor();
    expect(await page.getByLabel("Job title").inputValue()).toBe(title);
    await page
      .getByLabel("Description (Markdown)")
      .fill(
        "## The work\n\nReview charts for HCC capture (E11.9, I50.9) under MEAT criteria. CRC required; remote in the US.",
      );
    await page.getByLabel("CRC required").check();
    await page.getByRole("radio", { name: "Per year" }).check();
    await page.getByLabel("From (USD)").fill("58000");
    await page.getByLabel("To (USD)").fill("66000");
    await page.getByRole("button", { name: "Save and preview" }).click();

    await page.getByText("Preview: this is the page coders will see.").waitFor();
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    await page.getByText("$58,000–$66,000 a year").first().waitFor();
    await page.getByRole("link", { name: "Publish" }).click();

    await page.getByRole("button", { name: /Pay and publish: Standard/ }).click();
    await payInTestMode(page);
    // A company that is not verified yet waits for review; its paid days wait with it.
    await page.getByText("Your job is waiting for review by our team").waitFor();
    // (Another filter than the search below: /jobs keeps a search's counts for a few seconds.)
    await page.goto(`/jobs?q=${word}&setting=remote`);
    expect(await page.getByRole("link", { name: title, exact: true }).count()).toBe(0);
    await page.goto("/employer");
    await page
      .getByRole("row", { name: new RegExp(word) })
      .getByText("In review")
      .waitFor();
    await page
      .getByRole("row", { name: new RegExp(word) })
      .getByRole("link", { name: title, exact: true })
      .click();
    await page.getByRole("heading", { name: "In review" }).waitFor();
    await page.getByText("Its 30 paid days start when it is approved").waitFor();

    // The demo operator clears the queue.
    const operator = await openPage(browser, { screen });
    await logIn(operator.page, "admin@example.com");
    await operator.page.goto("/admin/review");
    await expectAccessible(operator.page);
    await operator.page.getByRole("link", { name: title }).click();
    await operator.page.getByRole("heading", { name: "Why it waits" }).waitFor();
    await operator.page.getByText("Company not verified").waitFor();
    await expectAccessible(operator.page);
    await operator.page.getByRole("button", { name: "Approve" }).click();
    await operator.page.getByText("Approved: the job is live now").waitFor();
    expect(await operator.page.getByRole("link", { name: title }).count()).toBe(0);
    expect(operator.problems).toEqual([]);
    await operator.close();

    await page.goto(`/jobs?q=${word}`);
    await page.getByRole("link", { name: title }).first().waitFor();

    await page.goto("/employer");
    const row = page.getByRole("row", { name: new RegExp(word) });
    await row.getByText("Live").waitFor();
    const daysBefore = Number(await row.locator("td").nth(2).textContent());
    expect(daysBefore).toBe(30);
    await expectAccessible(page);

    await row.getByRole("link", { name: title, exact: true }).click();
    await page.getByRole("button", { name: /^Renew: Standard/ }).click();
    await payInTestMode(page);
    await page.goto("/employer");
    const daysAfter = Number(
      await page
        .getByRole("row", { name: new RegExp(word) })
        .locator("td")
        .nth(2)
        .textContent(),
    );
    expect(daysAfter).toBe(60);

    expect(problems).toEqual([]);
    await close();
  });
});
