import { describe, expect, it } from "vitest";
import type { EmailTemplate } from "./email.server";
import { renderEmail } from "./templates.server";

const appUrl = "https://medcodejobs.test";

const examples: Record<EmailTemplate, { props: Record<string, unknown>; link: string }> = {
  "verify-email": {
    props: { name: "Dana", url: `${appUrl}/verify-email?token=abc123`, code: "482913" },
    link: `${appUrl}/verify-email?token=abc123`,
  },
  "reset-password": {
    props: { name: "Dana", url: `${appUrl}/reset-password?token=def456` },
    link: `${appUrl}/reset-password?token=def456`,
  },
  "team-invite": {
    props: {
      inviterName: "Marcus Lee",
      companyName: "Riverbend Health",
      role: "recruiter",
      url: `${appUrl}/employer/team/accept?token=ghi789`,
    },
    link: `${appUrl}/employer/team/accept?token=ghi789`,
  },
  welcome: { props: { name: "Dana", role: "candidate" }, link: `${appUrl}/jobs` },
  receipt: {
    props: {
      name: "Morgan",
      companyName: "Riverbend Health",
      orderId: 7,
      planName: "Standard",
      amount: "$99",
      paidOn: "December 1, 2026",
      jobTitle: "Inpatient Coder",
      jobUrl: `${appUrl}/jobs/3/inpatient-coder`,
      validThrough: "December 31, 2026",
      inReview: false,
      credits: null,
      receiptUrl: `${appUrl}/checkout/7`,
    },
    link: `${appUrl}/jobs/3/inpatient-coder`,
  },
  "job-expiring": {
    props: {
      name: "Morgan",
      jobTitle: "Inpatient Coder",
      expiresOn: "December 31, 2026",
      renewUrl: `${appUrl}/employer/jobs/3/renew`,
    },
    link: `${appUrl}/employer/jobs/3/renew`,
  },
  "job-taken-down": {
    props: {
      name: "Morgan",
      orderId: 7,
      planName: "Standard",
      reason: "refunded",
      jobTitle: "Inpatient Coder",
      dashboardUrl: `${appUrl}/employer`,
    },
    link: `${appUrl}/employer`,
  },
  "application-received": {
    props: { name: "Dana", jobTitle: "Inpatient Coder", companyName: "Riverbend Health" },
    link: `${appUrl}/me/applications`,
  },
  "application-status": {
    props: {
      name: "Dana",
      jobTitle: "Inpatient Coder",
      companyName: "Riverbend Health",
      status: "interview",
    },
    link: `${appUrl}/me/applications`,
  },
  "new-application": {
    props: {
      jobTitle: "Inpatient Coder",
      companyName: "Riverbend Health",
      candidateName: "Dana Coder",
      credentials: ["CCS"],
      url: `${appUrl}/employer/jobs/3/applicants/9`,
    },
    link: `${appUrl}/employer/jobs/3/applicants/9`,
  },
  "applications-digest": {
    props: {
      companyName: "Riverbend Health",
      day: "2026-12-01",
      jobs: [{ title: "Inpatient Coder", count: 2, url: `${appUrl}/employer/jobs/3/applicants` }],
    },
    link: `${appUrl}/employer/jobs/3/applicants`,
  },
  "job-reviewed": {
    props: {
      name: "Morgan",
      jobTitle: "Inpatient Coder",
      decision: "rejected",
      note: "The posting asks applicants to pay for training.",
      validThrough: null,
      returned: "refund",
      url: `${appUrl}/employer/jobs/3`,
    },
    link: `${appUrl}/employer/jobs/3`,
  },
  "company-verification": {
    props: {
      companyName: "Riverbend Health",
      domain: "riverbend.org",
      url: `${appUrl}/verify-company?token=jkl012`,
    },
    link: `${appUrl}/verify-company?token=jkl012`,
  },
  "company-verification-decided": {
    props: {
      name: "Morgan",
      companyName: "Riverbend Health",
      granted: true,
      note: null,
      url: `${appUrl}/employer/company`,
    },
    link: `${appUrl}/employer/company`,
  },
  "credential-expiring": {
    props: {
      name: "Dana",
      code: "CPC",
      credentialName: "Certified Professional Coder",
      issuer: "AAPC",
      expiresOn: "January 31, 2027",
      url: `${appUrl}/me/profile`,
    },
    link: `${appUrl}/me/profile`,
  },
  "alert-confirm": {
    props: {
      description: "Remote CPC jobs",
      frequency: "daily",
      confirmUrl: `${appUrl}/alerts/confirm/abc`,
    },
    link: `${appUrl}/alerts/confirm/abc`,
  },
  "alert-jobs": {
    props: {
      kind: "daily",
      alertName: "Remote CPC",
      description: "Remote CPC jobs",
      jobs: [
        {
          title: "Remote Coder",
          company: "Riverbend Health",
          where: "Remote (US)",
          pay: "$58,000 a year",
          credentials: ["CPC"],
          codeFamilies: ["Evaluation and Management (E/M)"],
          featured: false,
          url: `${appUrl}/jobs/3/remote-coder?utm_source=alert`,
        },
      ],
      more: 2,
      searchUrl: `${appUrl}/jobs?setting=remote&utm_source=alert`,
      manageUrl: `${appUrl}/alerts/manage/abc`,
      unsubscribeUrl: `${appUrl}/alerts/unsubscribe/abc`,
    },
    link: `${appUrl}/jobs/3/remote-coder?utm_source=alert`,
  },
};

describe("email templates", () => {
  for (const [template, { props, link }] of Object.entries(examples)) {
    it(`${template} renders a subject, an HTML part and a text part that all carry its link`, async () => {
      const email = await renderEmail(template as EmailTemplate, props, { appUrl });
      expect(email.subject).toMatch(/MedCode Jobs/);
      expect(email.html).toMatch(/^<!DOCTYPE html/i);
      expect(email.html).toContain(`href="${link}"`);
      expect(email.html).toContain("MedCode Jobs");
      expect(email.text).toContain(link);
      expect(email.text).not.toMatch(/<[a-z]/i);
    });
  }

  it("verify-email shows the confirmation code in both parts", async () => {
    const email = await renderEmail("verify-email", examples["verify-email"].props, { appUrl });
    expect(email.html).toContain("482913");
    expect(email.text).toContain("482913");
  });

  it("team-invite names the inviter and the company in the subject", async () => {
    const email = await renderEmail("team-invite", examples["team-invite"].props, { appUrl });
    expect(email.subject).toBe("Marcus Lee invited you to join Riverbend Health on MedCode Jobs");
  });

  it("welcome points an employer to posting a job", async () => {
    const email = await renderEmail("welcome", { name: "Sam", role: "employer" }, { appUrl });
    expect(email.text).toContain(`${appUrl}/employer/jobs/new`);
  });

  it("escapes names so a user cannot inject markup into an email", async () => {
    const email = await renderEmail(
      "reset-password",
      { name: "<script>alert(1)</script>", url: `${appUrl}/reset-password?token=x` },
      { appUrl },
    );
    expect(email.html).not.toContain("<script>");
    expect(email.html).toContain("&lt;script&gt;");
  });

  it("alert-jobs shows every job's facts, the count left out, and manage and unsubscribe links in both parts", async () => {
    const email = await renderEmail("alert-jobs", examples["alert-jobs"].props, { appUrl });
    expect(email.subject).toBe("MedCode Jobs: 3 new jobs today for “Remote CPC”");
    for (const part of [email.html, email.text]) {
      for (const fact of [
        "Remote Coder",
        "Riverbend Health",
        "Remote (US)",
        "$58,000 a year",
        "Requires CPC",
        "Evaluation and Management (E/M)",
        "And 2 more jobs",
        "Remote CPC jobs",
        `${appUrl}/alerts/manage/abc`,
        `${appUrl}/alerts/unsubscribe/abc`,
      ])
        expect(part).toContain(fact);
    }
    expect(email.headers).toEqual({
      "List-Unsubscribe": `<${appUrl}/alerts/unsubscribe/abc>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
  });

  it("refuses props that do not match the template", async () => {
    await expect(
      renderEmail("reset-password", { name: "Dana", url: "javascript:alert(1)" }, { appUrl }),
    ).rejects.toThrow(/Invalid props for email template "reset-password"/);
    await expect(renderEmail("verify-email", { name: "Dana" }, { appUrl })).rejects.toThrow(/url/);
  });
});
