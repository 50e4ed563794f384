import AxeBuilder from "@axe-core/playwright";
import { type Browser, chromium, type Page } from "playwright-core";
import { expect, inject } from "vitest";
import { CHROMIUM_ARGS } from "./chromium";

export const baseUrl = inject("baseUrl");
const chromiumPath = inject("chromiumPath");
/** Why a suite does not run: no Chromium on this machine (CI=true fails instead, in global setup). */
export const noBrowser = !baseUrl || !chromiumPath;

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath!, args: CHROMIUM_ARGS });
}

/** The screens the main walks run on: a desktop and a phone (390 × 844). */
export const SCREENS = [
  { name: "desktop", viewport: { width: 1280, height: 800 }, isMobile: false },
  { name: "phone", viewport: { width: 390, height: 844 }, isMobile: true },
] as const;
export type Screen = (typeof SCREENS)[number];

/** A page that records console errors and failed requests, so every test can assert none. */
export async function openPage(
  browser: Browser,
  options: { javaScriptEnabled?: boolean; screen?: Screen } = {},
) {
  const screen = options.screen ?? SCREENS[0];
  const context = await browser.newContext({
    baseURL: baseUrl!,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: screen.viewport,
    isMobile: screen.isMobile,
    hasTouch: screen.isMobile,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => {
    // With JavaScript off, Chromium refuses script downloads on purpose.
    if (options.javaScriptEnabled === false && request.url().endsWith(".js")) return;
    // Requests cut short by the page navigating away (route discovery, prefetches) are not failures.
    if (request.failure()?.errorText === "net::ERR_ABORTED") return;
    problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 500) problems.push(`${response.status()}: ${response.url()}`);
  });
  return { page, problems, close: () => context.close() };
}

/** axe-core on the current page: no serious or critical accessibility violations. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")}`,
    );
  expect(bad).toEqual([]);
}

/** Signed in: the header has its log-out form (folded under Menu on a phone, so not visible). */
export async function waitForSignedIn(page: Page) {
  await page.locator('form[action="/logout"]').waitFor({ state: "attached" });
}

export const DEMO_PASSWORD = "medcode-demo";

/** Signs a demo account in through the log-in form. */
export async function logIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await waitForSignedIn(page);
}

/** Opens the newest captured email to `to` at /dev/emails and follows its link matching `link`. */
export async function followEmailLink(page: Page, to: string, link: RegExp) {
  await page.goto("/dev/emails");
  const item = page.locator("li.card", { hasText: `To ${to}` }).first();
  await item.waitFor();
  await item.locator("summary").click();
  const href = await item.locator("pre a", { hasText: link }).first().getAttribute("href");
  expect(href).toBeTruthy();
  await page.goto(href!);
}

/** Pays on the local TEST MODE checkout page and waits for the receipt page. */
export async function payInTestMode(page: Page) {
  await page.waitForURL(/\/dev\/checkout\/\d+$/);
  await page.getByText("TEST MODE").first().waitFor();
  await page.getByRole("button", { name: /^Pay / }).click();
  await page.getByRole("heading", { name: "Payment received" }).waitFor();
}
