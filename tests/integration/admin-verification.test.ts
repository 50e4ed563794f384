// Verification: a company proves its website's domain with a work address and an operator
// grants the badge; a coder's credential is checked by hand and shown to employers as such.
import { describe, expect, it } from "vitest";
import { sendCredentialExpiryReminders } from "../../app/applications/credentials.server";
import * as credentials from "../../app/routes/admin.credentials";
import * as verifications from "../../app/routes/admin.verifications";
import * as companyPage from "../../app/routes/companies.$slug";
import * as companyProfile from "../../app/routes/employer.company";
import * as applicants from "../../app/routes/employer.jobs.$id_.applicants._index";
import * as verification from "../../app/routes/employer.verification";
import * as searchPage from "../../app/routes/jobs._index";
import * as jobPage from "../../app/routes/jobs.$id.$slug";
import * as apply from "../../app/routes/jobs.$id.apply";
import * as profile from "../../app/routes/me.profile";
import * as verifyCompany from "../../app/routes/verify-company";
import { getDb } from "../../app/utils/db.server";
import { multipartPost } from "../factories/files";
import { createUser } from "../factories/users";
import { call, get, post } from "../routes";
import { auditRows, emailsTo, employerWithJob, jobState, operator, payFor } from "./admin-helpers";
import { applyWithUpload, useTempUploads } from "./applications-helpers";

useTempUploads();

async function setWebsite(companyId: number, website: string | null) {
  await getDb().updateTable("companies").set({ website }).where("id", "=", companyId).execute();
}

async function company(companyId: number) {
  return getDb()
    .selectFrom("companies")
    .select(["slug", "verified_at", "verified_domain", "verified_by"])
    .where("id", "=", companyId)
    .executeTakeFirstOrThrow();
}

function requestVerification(cookie: string, workEmail: string) {
  return call(verification.action, post("/employer/verification", { workEmail }, cookie));
}

describe("company verification", () => {
  it("asks for an address on the website's domain, confirms it by link, and an operator grants the badge", async () => {
    const admin = await operator();
    const { employer, jobId, word } = await employerWithJob({ verified: false });
    await setWebsite(employer.companyId!, "https://www.northwind-coding.example/careers");

    for (const [email, message] of [
      ["pat@gmail.com", "Use an address on your website's domain"],
      ["pat@northwind-coding.example.org", "Use an address on your website's domain"],
    ]) {
      const refused = await requestVerification(employer.cookie, email);
      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.body)).toContain(message);
    }
    const asked = await requestVerification(employer.cookie, "Pat@Northwind-Coding.example");
    expect(asked.status).toBe(302);
    const [email] = await emailsTo("pat@northwind-coding.example", "company-verification");
    const link = /verify-company\?token=([a-z2-7]{32})/.exec(email.text ?? "")!;
    const token = link[1];

    // Opening the link does not confirm (mail scanners open links); the button does.
    const opened = await call(verifyCompany.loader, get(`/verify-company?token=${token}`));
    expect(opened).toMatchObject({ status: 200, body: { email: "pat@northwind-coding.example" } });
    expect(
      (await getDb().selectFrom("company_verifications").select("status").execute()).some(
        (r) => r.status === "awaiting_review",
      ),
    ).toBe(false);
    const confirmed = await call(verifyCompany.action, post("/verify-company", { token }));
    expect(confirmed.body).toEqual({ confirmed: true });
    const reused = await call(verifyCompany.action, post("/verify-company", { token }));
    expect(reused.status).toBe(404);

    const queue = await call(verifications.loader, get("/admin/verifications", admin.cookie));
    const request = (
      queue.body as { queue: { id: number; company_id: number; domain: string }[] }
    ).queue.find((r) => r.company_id === employer.companyId)!;
    expect(request.domain).toBe("northwind-coding.example");

    // Before: no badge anywhere, and no sameAs in the job's JSON-LD.
    await payFor(employer, jobId);
    const reviewId = (
      await getDb()
        .selectFrom("job_reviews")
        .select("id")
        .where("job_id", "=", jobId)
        .executeTakeFirstOrThrow()
    ).id;
    const { approveReview } = await import("../../app/admin/review.server");
    await approveReview({ reviewId, actor: admin });
    const slug = (await jobState(jobId)).slug;
    const ldBefore = await call(jobPage.loader, get(`/jobs/${jobId}/${slug}`), {
      id: String(jobId),
      slug,
    });
    expect(JSON.stringify((ldBefore.body as { jsonLd: unknown }).jsonLd)).not.toContain("sameAs");

    const granted = await call(
      verifications.action,
      post(
        "/admin/verifications",
        { intent: "grant", requestId: String(request.id) },
        admin.cookie,
      ),
    );
    expect(granted.status).toBe(302);
    expect(await company(employer.companyId!)).toMatchObject({
      verified_domain: "northwind-coding.example",
      verified_by: admin.id,
    });
    expect(await auditRows({ type: "company", id: employer.companyId! })).toMatchObject([
      {
        action: "company.verify",
        actor_id: admin.id,
        after: { domain: "northwind-coding.example", work_email: "pat@northwind-coding.example" },
      },
    ]);
    expect(await emailsTo(employer.email, "company-verification-decided")).toHaveLength(1);

    // The badge: company page, job page, job cards, JSON-LD sameAs.
    const { slug: companySlug } = await company(employer.companyId!);
    const page = await call(companyPage.loader, get(`/companies/${companySlug}`), {
      slug: companySlug,
    });
    expect(page.body).toMatchObject({ company: { verified_domain: "northwind-coding.example" } });
    const jobView = await call(jobPage.loader, get(`/jobs/${jobId}/${slug}`), {
      id: String(jobId),
      slug,
    });
    const body = jobView.body as {
      job: { company: { verified_at: string | null } };
      jsonLd: { hiringOrganization: { sameAs?: string } };
    };
    expect(body.job.company.verified_at).not.toBeNull();
    expect(body.jsonLd.hiringOrganization.sameAs).toBe(
      "https://www.northwind-coding.example/careers",
    );
    const search = await call(searchPage.loader as never, get(`/jobs?q=${word}`));
    const card = (
      search.body as { jobs: { id: number; company_verified_at: unknown }[] }
    ).jobs.find((j) => j.id === jobId);
    expect(card?.company_verified_at).toBeTruthy();

    // A verified company's next job skips the queue.
    const next = await employerWithJob();
    await getDb()
      .updateTable("jobs")
      .set({ company_id: employer.companyId! })
      .where("id", "=", next.jobId)
      .execute();
    await payFor(employer, next.jobId);
    expect((await jobState(next.jobId)).status).toBe("published");
  });

  it("lets an operator refuse with a reason, and removes the badge when the website moves to another domain", async () => {
    const admin = await operator();
    const { employer } = await employerWithJob();
    await getDb()
      .updateTable("companies")
      .set({ website: "https://old-home.example", verified_domain: "old-home.example" })
      .where("id", "=", employer.companyId!)
      .execute();
    const saved = await call(
      companyProfile.action,
      multipartPost(
        "/employer/company",
        { name: "Moved Coding Co", website: "https://elsewhere.example" },
        {},
        employer.cookie,
      ),
    );
    expect(saved.status).toBe(302);
    expect(await company(employer.companyId!)).toMatchObject({
      verified_at: null,
      verified_domain: null,
    });
    expect(
      (await auditRows({ type: "company", id: employer.companyId! })).map((r) => r.action),
    ).toEqual(["company.verification_lapsed"]);

    await requestVerification(employer.cookie, "owner@elsewhere.example");
    const [email] = await emailsTo("owner@elsewhere.example", "company-verification");
    const token = /token=([a-z2-7]{32})/.exec(email.text ?? "")![1];
    await call(verifyCompany.action, post("/verify-company", { token }));
    const request = await getDb()
      .selectFrom("company_verifications")
      .select("id")
      .where("company_id", "=", employer.companyId!)
      .where("status", "=", "awaiting_review")
      .executeTakeFirstOrThrow();
    const noReason = await call(
      verifications.action,
      post(
        "/admin/verifications",
        { intent: "refuse", requestId: String(request.id) },
        admin.cookie,
      ),
    );
    expect(noReason.status).toBe(400);
    await call(
      verifications.action,
      post(
        "/admin/verifications",
        {
          intent: "refuse",
          requestId: String(request.id),
          note: "The site belongs to another firm.",
        },
        admin.cookie,
      ),
    );
    const [decided] = await emailsTo(employer.email, "company-verification-decided");
    expect(decided.text).toMatch(/another firm/);
    const status = await call(verification.loader, get("/employer/verification", employer.cookie));
    expect(status.body).toMatchObject({
      latest: { status: "refused", note: "The site belongs to another firm." },
    });
  });
});

describe("coders' credentials", () => {
  const profileFields = (memberNumber: string, expiresOn: string) => ({
    intent: "profile",
    credentials: "CPC",
    "credentialDetails.CPC.memberNumber": memberNumber,
    "credentialDetails.CPC.expiresOn": expiresOn,
  });
  const saveProfile = (cookie: string, fields: Record<string, string>) =>
    call(profile.action, multipartPost("/me/profile", fields, {}, cookie));
  const inDays = (days: number) =>
    new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

  async function credentialOf(userId: number) {
    return getDb()
      .selectFrom("candidate_credentials")
      .select(["id", "member_number", "verified_at", "verified_by", "verification_method"])
      .where("user_id", "=", userId)
      .executeTakeFirstOrThrow();
  }

  it("records a check with who, when and how; employers see CPC · verified and can filter on it; a change clears it", async () => {
    const admin = await operator();
    const { employer, jobId } = await employerWithJob();
    await payFor(employer, jobId);
    const checked = await createUser({ role: "candidate", name: "Checked Coder" });
    const unchecked = await createUser({ role: "candidate", name: "Unchecked Coder" });
    for (const coder of [checked, unchecked]) {
      expect((await saveProfile(coder.cookie, profileFields("01234567", inDays(300)))).status).toBe(
        302,
      );
      const applied = await applyWithUpload(apply.action, jobId, coder.cookie, {
        credentials: "CPC",
      });
      expect(applied.status).toBe(302);
    }
    const bad = await saveProfile(checked.cookie, profileFields("01234567", "2026-02-30"));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("That date does not exist.");

    const { id } = await credentialOf(checked.id);
    const verified = await call(
      credentials.action,
      post(
        "/admin/credentials",
        {
          intent: "verify",
          credentialId: String(id),
          method: "issuer_directory",
          note: "AAPC directory",
        },
        admin.cookie,
      ),
    );
    expect(verified.status).toBe(302);
    expect(await credentialOf(checked.id)).toMatchObject({
      verified_by: admin.id,
      verification_method: "issuer_directory",
    });
    expect(await auditRows({ type: "credential", id })).toMatchObject([
      {
        action: "credential.verify",
        actor_id: admin.id,
        after: { code: "CPC", method: "issuer_directory" },
      },
    ]);

    const list = async (query = "") =>
      (
        (
          await call(
            applicants.loader,
            get(`/employer/jobs/${jobId}/applicants${query}`, employer.cookie),
            { id: String(jobId) },
          )
        ).body as {
          applicants: {
            candidate_id: number;
            credential_checks: { code: string; verified: boolean; expired: boolean }[];
          }[];
        }
      ).applicants;
    const all = await list();
    expect(all.find((a) => a.candidate_id === checked.id)?.credential_checks).toEqual([
      { code: "CPC", verified: true, expired: false },
    ]);
    expect(all.find((a) => a.candidate_id === unchecked.id)?.credential_checks).toEqual([
      { code: "CPC", verified: false, expired: false },
    ]);
    expect((await list("?verified=1")).map((a) => a.candidate_id)).toEqual([checked.id]);
    expect((await list("?verified=1&credential=CCS")).map((a) => a.candidate_id)).toEqual([]);

    // An expired credential shows as expired and no longer counts as verified.
    await getDb()
      .updateTable("candidate_credentials")
      .set({ expires_on: new Date(Date.now() - 2 * 86_400_000) })
      .where("id", "=", id)
      .execute();
    expect((await list()).find((a) => a.candidate_id === checked.id)?.credential_checks).toEqual([
      { code: "CPC", verified: true, expired: true },
    ]);
    expect(await list("?verified=1")).toEqual([]);

    // A new member number is checked again.
    await saveProfile(checked.cookie, profileFields("07654321", inDays(300)));
    expect(await credentialOf(checked.id)).toMatchObject({
      member_number: "07654321",
      verified_at: null,
      verified_by: null,
    });
  });

  it("emails the coder once, 30 days before a credential expires", async () => {
    const coder = await createUser({ role: "candidate", name: "Expiring Coder" });
    await saveProfile(coder.cookie, profileFields("55555555", inDays(20)));
    const later = await createUser({ role: "candidate", name: "Later Coder" });
    await saveProfile(later.cookie, profileFields("66666666", inDays(45)));
    await sendCredentialExpiryReminders();
    await sendCredentialExpiryReminders();
    const sent = await emailsTo(coder.email, "credential-expiring");
    expect(sent).toHaveLength(1);
    expect(sent[0].subject).toMatch(/Your CPC expires on/);
    expect(await emailsTo(later.email, "credential-expiring")).toEqual([]);
    // A renewed credential (new date) gets its own reminder when that one comes near.
    await saveProfile(coder.cookie, profileFields("55555555", inDays(25)));
    await sendCredentialExpiryReminders();
    expect(await emailsTo(coder.email, "credential-expiring")).toHaveLength(2);
  });
});
