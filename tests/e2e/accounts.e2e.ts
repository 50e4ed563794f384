import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launch, noBrowser, openPage } from "./browser";

const stamp = Date.now();

/** Opens the newest captured email to `to` at /dev/emails and follows its first site link. */
async function followEmailLink(page: Page, to: string, linkPattern: RegExp) {
  await page.goto("/dev/emails");
  const item = page.locator("li.card", { hasText: `To ${to}` }).first();
  await item.waitFor();
  await item.locator("summary").click();
  const href = await item.locator("pre a", { hasText: linkPattern }).first().getAttribute("href");
  expect(href).toBeTruthy();
  await page.goto(href!);
}

describe.skipIf(noBrowser)("accounts (Chromium)", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("a coder signs up, verifies through the emailed link, logs out and logs back in", async () => {
    const { page, problems, close } = await openPage(browser);
    const email = `e2e-coder-${stamp}@example.com`;
    const password = "coding-all-day-long";
    await page.goto("/signup");
    await expectAccessible(page);
    await page.getByLabel("a coder looking for work").check();
    await page.getByLabel("Your name").fill("Ellis Coder");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { name: "Check your email" }).waitFor();

    await followEmailLink(page, email, /verify-email/);
    await page.getByRole("button", { name: "Confirm my email" }).click();
    await page.getByRole("button", { name: "Log out" }).waitFor();

    await page.getByRole("button", { name: "Log out" }).click();
    await page.getByRole("link", { name: "Log in" }).waitFor();

    await page.getByRole("link", { name: "Log in" }).click();
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByRole("button", { name: "Log out" }).waitFor();
    expect(problems).toEqual([]);
    await close();
  });

  it("an employer signs up and invites a recruiter, who joins through the emailed link", async () => {
    const owner = await openPage(browser);
    const ownerEmail = `e2e-owner-${stamp}@example.com`;
    await owner.page.goto("/signup?role=employer");
    await owner.page.getByLabel("hiring coders").check();
    await owner.page.getByLabel("Your name").fill("Morgan Owner");
    await owner.page.getByLabel("Email").fill(ownerEmail);
    await owner.page.getByLabel("Password").fill("we-hire-the-best-coders");
    await owner.page.getByLabel("Company name").fill(`Summit Coding ${stamp}`);
    await owner.page.getByRole("button", { name: "Create account" }).click();
    await owner.page.getByRole("heading", { name: "Check your email" }).waitFor();
    await followEmailLink(owner.page, ownerEmail, /verify-email/);
    await owner.page.getByRole("button", { name: "Confirm my email" }).click();
    await owner.page.getByRole("link", { name: "Dashboard" }).waitFor();

    await owner.page.goto("/employer/team");
    await expectAccessible(owner.page);
    const recruiterEmail = `e2e-recruiter-${stamp}@example.com`;
    await owner.page.getByLabel("Email").fill(recruiterEmail);
    await owner.page.getByRole("button", { name: "Send invite" }).click();
    await owner.page.getByText(`Invite sent to ${recruiterEmail}`).waitFor();

    const recruiter = await openPage(browser);
    await followEmailLink(recruiter.page, recruiterEmail, /invites/);
    await recruiter.page.getByRole("heading", { name: `Join Summit Coding ${stamp}` }).waitFor();
    await recruiter.page.getByLabel("Your name").fill("Rae Recruiter");
    await recruiter.page.getByLabel("Choose a password").fill("screening-coders-daily");
    await recruiter.page.getByRole("button", { name: "Create account and join" }).click();
    await recruiter.page.getByRole("cell", { name: "Morgan Owner" }).waitFor();
    await recruiter.page.getByRole("cell", { name: "Rae Recruiter" }).waitFor();

    expect(owner.problems).toEqual([]);
    expect(recruiter.problems).toEqual([]);
    await owner.close();
    await recruiter.close();
  });
});
