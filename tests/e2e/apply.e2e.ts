import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoCompanies } from "../../db/seed/content";
import { tinyPdf } from "../factories/files";
import {
  expectAccessible,
  launch,
  logIn,
  noBrowser,
  openPage,
  SCREENS,
  type Screen,
} from "./browser";

describe.skipIf(noBrowser).each(SCREENS)(
  "applying and tracking (Chromium, $name)",
  (screen: Screen) => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launch();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it("a coder applies with a PDF; the employer downloads it, notes it and moves it to interview; the coder sees it", async () => {
      const pdf = Buffer.from(tinyPdf("Demo coder resume"));
      const coder = await openPage(browser, { screen });
      await logIn(coder.page, "coder@example.com");
      await coder.page.goto(`/companies/${demoCompanies[0].slug}`);
      // Each screen applies to its own job: one application per coder and job.
      await coder.page.locator(".job-card h3 a").nth(SCREENS.indexOf(screen)).click();
      await coder.page.waitForURL(/\/jobs\/\d+\/[a-z0-9-]+$/);
      const jobId = Number(/\/jobs\/(\d+)\//.exec(coder.page.url())![1]);
      await coder.page.getByRole("link", { name: "Apply now" }).first().click();
      await coder.page.waitForURL(`**/jobs/${jobId}/apply`);
      await coder.page.getByRole("heading", { level: 1, name: /^Apply:/ }).waitFor();
      await expectAccessible(coder.page);
      await coder.page.getByLabel("Upload a new resume").check();
      await coder.page
        .getByLabel("Resume file (PDF or DOCX, up to 5 MiB)")
        .setInputFiles({ name: "Demo Coder résumé.pdf", mimeType: "application/pdf", buffer: pdf });
      await coder.page
        .getByLabel("Cover letter (optional)")
        .fill("Five years of E/M and HCC coding, 96% accuracy.");
      await coder.page.getByRole("button", { name: "Send application" }).click();
      await coder.page.waitForURL(/\/me\/applications#application-\d+$/);
      await coder.page.getByText("Application sent.").waitFor();
      const card = coder.page.locator("section.card", {
        has: coder.page.locator(`a[href^="/jobs/${jobId}/"]`),
      });
      await expect(card.locator(".status").textContent()).resolves.toBe("New");
      await expectAccessible(coder.page);

      const employer = await openPage(browser, { screen });
      await logIn(employer.page, "employer@example.com");
      await employer.page.goto(`/employer/jobs/${jobId}/applicants`);
      await employer.page.getByRole("heading", { level: 1, name: /Applicants/ }).waitFor();
      await expectAccessible(employer.page);
      // The board: a column per stage, the new application a card in "New".
      const newColumn = employer.page.locator('.board-column[data-stage="new"]');
      await newColumn.getByRole("link", { name: "Casey Coder" }).click();
      await employer.page.waitForURL(/\/applicants\/\d+$/);
      await employer.page.getByText("Five years of E/M and HCC coding, 96% accuracy.").waitFor();
      await expectAccessible(employer.page);

      const [download] = await Promise.all([
        employer.page.waitForEvent("download"),
        employer.page.getByRole("link", { name: /Download resume/ }).click(),
      ]);
      expect(download.suggestedFilename()).toBe("Demo Coder résumé.pdf");
      expect(readFileSync((await download.path())!)).toEqual(pdf);

      await employer.page.getByLabel("Add a note").fill("Strong HCC background; schedule a call.");
      await employer.page.getByRole("button", { name: "Add note" }).click();
      await employer.page.getByText("Strong HCC background; schedule a call.").waitFor();

      await employer.page.getByLabel("Move to").selectOption("interview");
      await employer.page.getByRole("button", { name: "Move", exact: true }).click();
      await employer.page.getByText("Moved 1 applicant to Interview.").waitFor();
      // The status badge follows once the page's data is reloaded after the move.
      await employer.page
        .locator("#status-title [data-status]", { hasText: "Interview" })
        .waitFor();

      await coder.page.goto("/me/applications");
      await expect(card.locator(".status").textContent()).resolves.toBe("Interview");
      await expect(card.textContent()).resolves.not.toContain("Strong HCC background");
      await coder.page.goto("/dev/emails");
      const mail = coder.page
        .locator("li.card", { hasText: "To coder@example.com" })
        .filter({ hasText: "would like to interview you" });
      await mail.first().waitFor();

      expect(coder.problems).toEqual([]);
      expect(employer.problems).toEqual([]);
      await coder.close();
      await employer.close();
    });
  },
);
