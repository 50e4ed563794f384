// Moderation: which paid jobs wait, what waiting costs the employer (nothing), and each
// decision an operator makes on the queue.
import { describe, expect, it } from "vitest";
import type { Trigger } from "../../app/admin/spam-rules";
import { spendCredit } from "../../app/billing/credits.server";
import * as reviewQueue from "../../app/routes/admin.review._index";
import * as reviewItem from "../../app/routes/admin.review.$id";
import * as rules from "../../app/routes/admin.rules";
import * as overview from "../../app/routes/employer.jobs.$id._index";
import * as edit from "../../app/routes/employer.jobs.$id.edit";
import { getDb } from "../../app/utils/db.server";
import { call, get, post } from "../routes";
import {
  auditRows,
  emailsTo,
  employerWithJob,
  everywhere,
  jobState,
  nowhere,
  operator,
  payFor,
  publicPresence,
  withModeration,
} from "./admin-helpers";

const DAY = 86_400_000;

async function openReview(jobId: number) {
  const row = await getDb()
    .selectFrom("job_reviews")
    .selectAll()
    .where("job_id", "=", jobId)
    .where("status", "=", "open")
    .executeTakeFirst();
  return row && { ...row, triggers: row.triggers as unknown as Trigger[] };
}

async function decide(reviewId: number, cookie: string, fields: Record<string, string>) {
  return call(reviewItem.action, post(`/admin/review/${reviewId}`, fields, cookie), {
    id: String(reviewId),
  });
}

describe("who waits for review", () => {
  it("holds a new company's paid job out of search, feeds, sitemap and its page, with its days kept", async () => {
    const { employer, jobId, word } = await employerWithJob({ verified: false });
    const orderId = await payFor(employer, jobId);
    const job = await jobState(jobId);
    expect(job.status).toBe("pending_review");
    expect(job.valid_through).toBeNull();
    expect(await publicPresence(jobId, word)).toEqual(nowhere);
    const review = await openReview(jobId);
    expect(review).toMatchObject({ days: 30, order_id: orderId, featured: false });
    expect(review?.triggers).toEqual([
      { code: "unverified_company", detail: "The company is not verified yet" },
    ]);
    // The receipt says the job waits, not that it is live.
    const [receipt] = await emailsTo(employer.email, "receipt");
    expect(receipt.text).toMatch(/waiting for review/);
    expect(receipt.text).not.toMatch(/is live/);
    // The employer's page says what happens next.
    const page = await call(overview.loader, get(`/employer/jobs/${jobId}`, employer.cookie), {
      id: String(jobId),
    });
    expect(page.body).toMatchObject({
      review: { status: "open", days: 30, unverifiedCompany: true },
    });
  });

  it("publishes a verified company's job at once, and holds it with MODERATION=all", async () => {
    const first = await employerWithJob();
    await payFor(first.employer, first.jobId);
    expect((await jobState(first.jobId)).status).toBe("published");
    expect(await publicPresence(first.jobId, first.word)).toEqual(everywhere);

    const second = await employerWithJob();
    await withModeration("all", () => payFor(second.employer, second.jobId));
    expect((await jobState(second.jobId)).status).toBe("pending_review");
    expect((await openReview(second.jobId))?.triggers).toEqual([
      { code: "moderation_all", detail: "MODERATION=all" },
    ]);
  });

  it("publishes an unverified company's job at once with MODERATION=off, unless it trips a spam rule", async () => {
    const clean = await employerWithJob({ verified: false });
    await withModeration("off", () => payFor(clean.employer, clean.jobId));
    expect((await jobState(clean.jobId)).status).toBe("published");

    const scam = await employerWithJob({
      verified: false,
      description:
        "Remote coding work from home. Message the recruiter on WhatsApp to start; a small training fee of $80 applies before onboarding.",
    });
    await withModeration("off", () => payFor(scam.employer, scam.jobId));
    expect((await jobState(scam.jobId)).status).toBe("pending_review");
    expect((await openReview(scam.jobId))?.triggers.map((t) => t.code)).toEqual([
      "offsite_contact",
      "applicant_fee",
    ]);
  });

  it("sends a verified company's posting to review once an operator blocks a domain it names", async () => {
    const admin = await operator();
    const added = await call(
      rules.action,
      post(
        "/admin/rules",
        {
          intent: "add",
          kind: "domain",
          value: "https://www.Quick-Cash-Coding.example/",
          note: "scam",
        },
        admin.cookie,
      ),
    );
    expect(added.status).toBe(302);
    const { employer, jobId } = await employerWithJob({
      description:
        "Apply through quick-cash-coding.example/apply with your resume. We code E/M visits for a large physician group.",
    });
    await payFor(employer, jobId);
    expect((await jobState(jobId)).status).toBe("pending_review");
    expect((await openReview(jobId))?.triggers).toEqual([
      { code: "blocked_domain", detail: "quick-cash-coding.example" },
    ]);
    const [rule] = await getDb()
      .selectFrom("spam_rules")
      .select("id")
      .where("value", "=", "quick-cash-coding.example")
      .execute();
    expect(await auditRows({ type: "spam_rule", id: rule.id })).toMatchObject([
      {
        action: "spam_rule.add",
        actor_id: admin.id,
        after: { value: "quick-cash-coding.example" },
      },
    ]);
    // A bad value is a message, with what was typed kept.
    const bad = await call(
      rules.action,
      post("/admin/rules", { intent: "add", kind: "domain", value: "not a domain" }, admin.cookie),
    );
    expect(bad.status).toBe(400);
  });

  it("holds a job paid with a credit, and the credit comes back when it is rejected", async () => {
    const { employer, jobId } = await employerWithJob({ verified: false });
    await payFor(employer, null, { planCode: "bundle5", amountCents: 39900 });
    const spent = await spendCredit({
      companyId: employer.companyId!,
      jobId,
      userId: employer.id,
      purpose: "publish",
    });
    expect(spent).toMatchObject({ ok: true, status: "pending_review", validThrough: null });
    const left = async () =>
      (
        await getDb()
          .selectFrom("credits")
          .select("remaining")
          .where("company_id", "=", employer.companyId!)
          .executeTakeFirstOrThrow()
      ).remaining;
    expect(await left()).toBe(4);
    const admin = await operator();
    const review = (await openReview(jobId))!;
    const outcome = await decide(review.id, admin.cookie, {
      intent: "reject",
      reason: "Not a coding job.",
      confirmed: "yes",
    });
    expect(outcome.status).toBe(302);
    expect(await left()).toBe(5);
    expect((await jobState(jobId)).status).toBe("removed");
    const [email] = await emailsTo(employer.email, "job-reviewed");
    expect(email.text).toMatch(/post credit it used is back/);
  });
});

describe("an operator's decisions", () => {
  it("lists the queue oldest first and approves: live at once, validity from approval, audited and emailed", async () => {
    const admin = await operator();
    const older = await employerWithJob({ verified: false });
    await payFor(older.employer, older.jobId);
    const newer = await employerWithJob({ verified: false });
    await payFor(newer.employer, newer.jobId);
    const queue = await call(reviewQueue.loader, get("/admin/review", admin.cookie));
    const ids = (queue.body as { queue: { job_id: number }[] }).queue.map((q) => q.job_id);
    expect(ids.indexOf(older.jobId)).toBeLessThan(ids.indexOf(newer.jobId));

    const review = (await openReview(older.jobId))!;
    const page = await call(reviewItem.loader, get(`/admin/review/${review.id}`, admin.cookie), {
      id: String(review.id),
    });
    expect(page.body).toMatchObject({
      view: { job: { id: older.jobId, open: true } },
      history: { orders: { paid: 1 } },
    });

    const before = Date.now();
    const approved = await decide(review.id, admin.cookie, { intent: "approve" });
    expect(approved).toMatchObject({ status: 302, location: "/admin/review" });
    const job = await jobState(older.jobId);
    expect(job.status).toBe("published");
    // Validity starts at approval, not at payment: no paid day was lost in the queue.
    expect(job.published_at!.getTime()).toBeGreaterThanOrEqual(before);
    expect(job.valid_through!.getTime() - job.published_at!.getTime()).toBe(30 * DAY);
    expect(await publicPresence(older.jobId, older.word)).toEqual(everywhere);
    expect(await auditRows({ type: "job", id: older.jobId })).toMatchObject([
      {
        action: "review.approve",
        actor_id: admin.id,
        actor_role: "admin",
        company_id: older.employer.companyId,
        before: { status: "pending_review" },
        after: { status: "published" },
      },
    ]);
    const [email] = await emailsTo(older.employer.email, "job-reviewed");
    expect(email.subject).toMatch(/is live/);

    // Approving again changes nothing.
    const again = await decide(review.id, admin.cookie, { intent: "approve" });
    expect(again.status).toBe(302);
    expect(await jobState(older.jobId)).toEqual(job);
    expect((await auditRows({ type: "job", id: older.jobId })).length).toBe(1);
  });

  it("asks before rejecting, and keeps the reason typed when it is missing", async () => {
    const admin = await operator();
    const { employer, jobId } = await employerWithJob({ verified: false });
    await payFor(employer, jobId);
    const review = (await openReview(jobId))!;
    const empty = await decide(review.id, admin.cookie, { intent: "reject", reason: " " });
    expect(empty.status).toBe(400);
    const unconfirmed = await decide(review.id, admin.cookie, {
      intent: "reject",
      reason: "Fees asked of applicants.",
    });
    expect(unconfirmed.status).toBe(200);
    expect(unconfirmed.body).toMatchObject({
      confirmation: { confirmLabel: "Yes, reject and refund" },
    });
    expect((await jobState(jobId)).status).toBe("pending_review");
  });

  it("in test mode (no Stripe keys) refunds a rejected order through the charge.refunded webhook path", async () => {
    const admin = await operator();
    const { employer, jobId } = await employerWithJob({ verified: false });
    const orderId = await payFor(employer, jobId);
    const review = (await openReview(jobId))!;
    await decide(review.id, admin.cookie, {
      intent: "reject",
      reason: "Duplicate of another posting.",
      confirmed: "yes",
    });
    const order = await getDb()
      .selectFrom("orders")
      .select(["status", "refunded_at"])
      .where("id", "=", orderId)
      .executeTakeFirstOrThrow();
    expect(order.status).toBe("refunded");
    const events = await getDb()
      .selectFrom("stripe_events")
      .select(["type", "outcome"])
      .where("order_id", "=", orderId)
      .orderBy("received_at")
      .execute();
    expect(events).toEqual([
      { type: "checkout.session.completed", outcome: "fulfilled" },
      { type: "charge.refunded", outcome: "reversed" },
    ]);
    expect((await jobState(jobId)).status).toBe("removed");
  });

  it("requests changes; the employer edits and resubmits, and the job is back in the queue", async () => {
    const admin = await operator();
    const { employer, jobId } = await employerWithJob({ verified: false });
    await payFor(employer, jobId);
    const first = (await openReview(jobId))!;
    const asked = await decide(first.id, admin.cookie, {
      intent: "changes",
      note: "Name the EHR and the productivity target.",
    });
    expect(asked.status).toBe(302);
    expect(await openReview(jobId)).toBeUndefined();
    const [email] = await emailsTo(employer.email, "job-reviewed");
    expect(email.text).toMatch(/Name the EHR and the productivity target/);
    const page = await call(overview.loader, get(`/employer/jobs/${jobId}`, employer.cookie), {
      id: String(jobId),
    });
    expect(page.body).toMatchObject({
      review: { status: "changes_requested", note: "Name the EHR and the productivity target." },
    });

    const resubmitted = await call(
      overview.action,
      post(`/employer/jobs/${jobId}`, { intent: "resubmit" }, employer.cookie),
      { id: String(jobId) },
    );
    expect(resubmitted.status).toBe(302);
    const second = (await openReview(jobId))!;
    expect(second.id).not.toBe(first.id);
    expect(second).toMatchObject({ days: 30, order_id: first.order_id });
    expect(second.triggers[0]).toMatchObject({ code: "resubmitted" });
    expect((await jobState(jobId)).status).toBe("pending_review");
  });

  it("sends a live job whose edit trips a spam rule back to review with the days it had left", async () => {
    const { employer, jobId, word } = await employerWithJob();
    await payFor(employer, jobId);
    const live = await jobState(jobId);
    const form = {
      intent: "save",
      title: `${word} Remote CPC Coder`,
      description:
        "Code E/M and minor procedures for a busy clinic. Text me at (555) 201-3344 to set up the interview this week.",
      setting: "remote",
      employmentType: "full_time",
      level: "mid",
      applyMethod: "site",
    };
    const saved = await call(
      edit.action,
      post(`/employer/jobs/${jobId}/edit`, form, employer.cookie),
      {
        id: String(jobId),
      },
    );
    expect(saved.status).toBe(302);
    expect((await jobState(jobId)).status).toBe("pending_review");
    const review = (await openReview(jobId))!;
    expect(review.days).toBe(Math.ceil((live.valid_through!.getTime() - Date.now()) / DAY));
    expect(review.triggers.map((t) => t.code)).toEqual(["edited_while_live", "offsite_contact"]);
    expect(await auditRows({ type: "job", id: jobId })).toMatchObject([
      {
        action: "job.edit",
        actor_id: employer.id,
        actor_role: "employer",
        after: { description: form.description },
      },
    ]);
  });
});
