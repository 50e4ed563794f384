import { type Browser, type Page, request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectAccessible,
  followEmailLink,
  launch,
  logIn,
  noBrowser,
  openPage,
  payInTestMode,
} from "./browser";

const stamp = Date.now().toString(36);
// One unusual word, so the alert matches exactly the jobs this test posts.
const word = `Quokkacoder${stamp}`;

/** The captured emails to `to`, newest first, as /dev/emails lists them. */
function mailTo(page: Page, to: string) {
  return page.locator("li.card", { hasText: `To ${to}` });
}

async function postRemoteJob(page: Page, title: string) {
  await page.goto("/employer/jobs/new");
  await page.getByLabel("Job title").fill(title);
  await page
    .getByLabel("Description (Markdown)")
    .fill("## The work\n\nCode remote E/M visits (99213, 99214) for a growing physician group.");
  await page.getByRole("button", { name: "Save and preview" }).click();
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
  await page.getByRole("link", { name: "Publish" }).click();
  await page.getByRole("button", { name: /Pay and publish: Standard/ }).click();
  await payInTestMode(page);
}

describe.skipIf(noBrowser)("job alerts (Chromium)", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("a visitor subscribes from a search and confirms; a matching job arrives at once; one-click unsubscribe stops the next", async () => {
    const visitor = await openPage(browser);
    const employer = await openPage(browser);
    const email = `e2e-alert-${stamp}@example.com`;

    await visitor.page.goto(`/jobs?q=${word}&setting=remote`);
    const signup = visitor.page.locator("section.alert-signup");
    await signup.getByText(`Remote “${word}” jobs`).waitFor();
    await expectAccessible(visitor.page);
    await signup.getByLabel("Your email").fill(email);
    await signup.getByLabel("How often").selectOption("instant");
    await signup.getByRole("button", { name: "Email me these jobs" }).click();
    await visitor.page.getByText(`Almost done: we sent a link to ${email}.`).waitFor();

    await followEmailLink(visitor.page, email, /\/alerts\/confirm\//);
    await visitor.page.getByRole("button", { name: "Confirm the alert" }).click();
    await visitor.page.getByText("Alert confirmed.").waitFor();
    const manageUrl = visitor.page.url();
    expect(manageUrl).toMatch(/\/alerts\/manage\/[a-z2-7]{32}$/);
    await expectAccessible(visitor.page);

    await logIn(employer.page, "employer@example.com");
    const title = `Remote ${word} Coder`;
    await postRemoteJob(employer.page, title);

    // The alert was queued with the publication; the worker renders and captures it.
    await expect
      .poll(
        async () => {
          await visitor.page.goto("/dev/emails");
          return mailTo(visitor.page, email).filter({ hasText: title }).count();
        },
        { timeout: 20_000, interval: 250 },
      )
      .toBe(1);
    const alertMail = mailTo(visitor.page, email).filter({ hasText: title });
    await alertMail.locator("summary").click();
    await alertMail.locator("pre", { hasText: "utm_source=alert" }).waitFor();
    const unsubscribe = await alertMail.locator("code").first().textContent();
    expect(unsubscribe).toMatch(/\/alerts\/unsubscribe\/[a-z2-7]{32}$/);

    // What Gmail or Yahoo sends: a POST with no cookie and no Origin header.
    const provider = await request.newContext();
    const answer = await provider.post(unsubscribe!, {
      form: { "List-Unsubscribe": "One-Click" },
      maxRedirects: 0,
    });
    expect(answer.status()).toBe(200);
    await provider.dispose();
    await visitor.page.goto(manageUrl);
    await visitor.page.getByText("Unsubscribed: no emails until you resume it.").waitFor();

    await postRemoteJob(employer.page, `Remote ${word} Auditor`);
    // The payment, the publication and any alert commit together: by the receipt page, an
    // alert email would exist. There is none: the confirmation and the first alert only.
    await visitor.page.goto("/dev/emails");
    expect(await mailTo(visitor.page, email).count()).toBe(2);

    expect(visitor.problems).toEqual([]);
    expect(employer.problems).toEqual([]);
    await visitor.close();
    await employer.close();
  });

  it("without JavaScript, a coder saves a specialty as an alert in one click and deletes it after confirming", async () => {
    const coder = await openPage(browser, { javaScriptEnabled: false });
    await logIn(coder.page, "coder@example.com");
    await coder.page.goto("/specialties/cardiology");
    const signup = coder.page.locator("section.alert-signup");
    await signup.getByLabel("How often").selectOption("weekly");
    await signup.getByRole("button", { name: "Create alert" }).click();
    await coder.page.getByText("Alert created: “Cardiology jobs”").waitFor();
    await coder.page.locator("section.alert-signup").getByText("You have this alert").waitFor();

    await coder.page.goto("/me/alerts");
    const card = coder.page.locator("section.card", { hasText: "Cardiology jobs" });
    await card.getByText("Weekly, Monday at 7 am").waitFor();
    await card.getByRole("button", { name: "Delete" }).click();
    // No JavaScript: the two-step button becomes a page that asks.
    await coder.page.getByRole("button", { name: "Yes, delete it" }).click();
    await coder.page.getByText("Alert deleted.").waitFor();
    expect(await coder.page.locator("section.card", { hasText: "Cardiology jobs" }).count()).toBe(
      0,
    );

    expect(coder.problems).toEqual([]);
    await coder.close();
  });
});
