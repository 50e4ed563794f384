import { describe, expect, it } from "vitest";
import * as checkoutPage from "../../app/routes/checkout.$id";
import * as devCheckout from "../../app/routes/dev.checkout.$id";
import * as dashboard from "../../app/routes/employer._index";
import * as billing from "../../app/routes/employer.billing";
import * as overview from "../../app/routes/employer.jobs.$id._index";
import * as edit from "../../app/routes/employer.jobs.$id.edit";
import * as preview from "../../app/routes/employer.jobs.$id.preview";
import * as newJob from "../../app/routes/employer.jobs.new";
import * as jobPage from "../../app/routes/jobs.$id.$slug";
import { getDb } from "../../app/utils/db.server";
import { createUser } from "../factories/users";
import { call, flashOf, get, post } from "../routes";
import { insertOrder, jobRow } from "./billing-helpers";

const description =
  "## About the role\n\nCode outpatient E/M visits (99213, 99214) and minor procedures for a multispecialty group. CPC required.";

function fullForm(overrides: Record<string, string> = {}) {
  return {
    intent: "preview",
    title: "Remote Outpatient Coder",
    description,
    specialties: "evaluation-and-management",
    credRequired: "CPC",
    setting: "remote",
    remoteStates: "fl, GA",
    employmentType: "full_time",
    level: "mid",
    yearsExperience: "2",
    salaryPeriod: "hour",
    salaryMin: "24",
    salaryMax: "30.50",
    chartsPerDay: "120",
    accuracyPct: "95",
    applyMethod: "site",
    "questions[0].prompt": "Do you hold an active CPC?",
    "questions[0].kind": "yes_no",
    ...overrides,
  };
}

async function createJob(cookie: string, overrides: Record<string, string> = {}) {
  const outcome = await call(
    newJob.action,
    post("/employer/jobs/new", fullForm(overrides), cookie),
  );
  expect(outcome.status, JSON.stringify(outcome.body)).toBe(302);
  const id = Number(/\/employer\/jobs\/(\d+)/.exec(outcome.location ?? "")![1]);
  return { id, location: outcome.location };
}

describe("posting form", () => {
  it("saves a complete job as a draft with every field and goes to its preview", async () => {
    const employer = await createUser({ role: "employer" });
    const { id, location } = await createJob(employer.cookie);
    expect(location).toBe(`/employer/jobs/${id}/preview`);
    const job = await getDb()
      .selectFrom("jobs")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(job).toMatchObject({
      status: "draft",
      company_id: employer.companyId,
      remote_states: ["FL", "GA"],
      salary_period: "hour",
      salary_min_cents: 2400,
      salary_max_cents: 3050,
      charts_per_day: 120,
      accuracy_pct: 95,
      years_experience: 2,
    });
    const questions = await getDb()
      .selectFrom("job_questions")
      .select(["prompt", "kind"])
      .where("job_id", "=", id)
      .execute();
    expect(questions).toEqual([{ prompt: "Do you hold an active CPC?", kind: "yes_no" }]);
    const creds = await getDb()
      .selectFrom("job_credentials")
      .select("required")
      .where("job_id", "=", id)
      .execute();
    expect(creds).toEqual([{ required: true }]);

    const page = await call(preview.loader, get(`/employer/jobs/${id}/preview`, employer.cookie), {
      id: String(id),
    });
    expect(page.status).toBe(200);
    const body = page.body as { job: { title: string; open: boolean }; descriptionHtml: string };
    expect(body.job.title).toBe("Remote Outpatient Coder");
    expect(body.job.open).toBe(true);
    expect(body.descriptionHtml).toContain("<h2>About the role</h2>");
    // A draft is not public.
    expect(
      (await call(jobPage.loader, get(`/jobs/${id}/x`), { id: String(id), slug: "x" })).status,
    ).toBe(404);
  });

  it("answers errors beside the fields and keeps everything typed", async () => {
    const employer = await createUser({ role: "employer" });
    const outcome = await call(
      newJob.action,
      post(
        "/employer/jobs/new",
        fullForm({
          description: "short",
          salaryMax: "10",
          setting: "onsite",
          applyMethod: "url",
          accuracyPct: "140",
        }),
        employer.cookie,
      ),
    );
    expect(outcome.status).toBe(400);
    const result = (
      outcome.body as {
        result: { error: Record<string, string[]>; initialValue: Record<string, unknown> };
      }
    ).result;
    expect(Object.keys(result.error).sort()).toEqual([
      "accuracyPct",
      "applyUrl",
      "city",
      "description",
      "salaryMax",
    ]);
    expect(result.initialValue).toMatchObject({
      title: "Remote Outpatient Coder",
      description: "short",
      chartsPerDay: "120",
    });
  });

  it("saves a draft with only a title, but not a malformed field", async () => {
    const employer = await createUser({ role: "employer" });
    const saved = await call(
      newJob.action,
      post(
        "/employer/jobs/new",
        { intent: "draft", title: "Coder, details to come" },
        employer.cookie,
      ),
    );
    expect(saved.status).toBe(302);
    expect(saved.location).toMatch(/\/employer\/jobs\/\d+\/edit$/);
    expect(await flashOf(saved)).toMatchObject({ message: "Draft saved." });
    const bad = await call(
      newJob.action,
      post("/employer/jobs/new", { intent: "draft", title: "Coder", zip: "123" }, employer.cookie),
    );
    expect(bad.status).toBe(400);
  });

  it("takes several specialties and credentials from checkbox groups", async () => {
    const employer = await createUser({ role: "employer" });
    const outcome = await call(
      newJob.action,
      post(
        "/employer/jobs/new",
        {
          ...fullForm(),
          specialties: ["evaluation-and-management", "risk-adjustment"],
          credRequired: ["CPC"],
          credPreferred: ["CRC", "CPC"],
        },
        employer.cookie,
      ),
    );
    expect(outcome.status).toBe(302);
    const id = Number(/jobs\/(\d+)/.exec(outcome.location!)![1]);
    const creds = await getDb()
      .selectFrom("job_credentials")
      .innerJoin("credentials", "credentials.id", "job_credentials.credential_id")
      .select(["credentials.code", "job_credentials.required"])
      .where("job_id", "=", id)
      .orderBy("credentials.code")
      .execute();
    expect(creds).toEqual([
      { code: "CPC", required: true },
      { code: "CRC", required: false },
    ]);
  });

  it("edits a live job without payment, logs the edit, and closes it as filled", async () => {
    const employer = await createUser({ role: "employer" });
    const { id } = await createJob(employer.cookie);
    const orderId = await insertOrder({
      companyId: employer.companyId!,
      userId: employer.id,
      jobId: id,
    });
    // Pay through the local checkout: the same webhook code path.
    const paid = await call(
      devCheckout.action,
      post(`/dev/checkout/${orderId}`, { intent: "pay" }, employer.cookie),
      { id: String(orderId) },
    );
    expect(paid.status).toBe(302);
    expect((await jobRow(id)).status).toBe("published");
    const before = await jobRow(id);

    const saved = await call(
      edit.action,
      post(
        `/employer/jobs/${id}/edit`,
        fullForm({ intent: "save", title: "Remote Outpatient Coder II" }),
        employer.cookie,
      ),
      { id: String(id) },
    );
    expect(saved.status).toBe(302);
    const after = await jobRow(id);
    expect(after).toEqual(before);
    const edits = await getDb()
      .selectFrom("audit_log")
      .select(["action", "actor_id", "actor_role", "before", "after"])
      .where("subject_type", "=", "job")
      .where("subject_id", "=", id)
      .execute();
    expect(edits).toHaveLength(1);
    expect(edits[0]).toMatchObject({
      action: "job.edit",
      actor_id: employer.id,
      actor_role: "employer",
      before: { title: "Remote Outpatient Coder" },
      after: { title: "Remote Outpatient Coder II" },
    });
    const slug = (
      await getDb().selectFrom("jobs").select("slug").where("id", "=", id).executeTakeFirstOrThrow()
    ).slug;
    expect(slug).toBe("remote-outpatient-coder");

    const closed = await call(
      overview.action,
      post(`/employer/jobs/${id}`, { intent: "close" }, employer.cookie),
      { id: String(id) },
    );
    expect(closed.status).toBe(302);
    expect(await flashOf(closed)).toMatchObject({
      message: "Closed as filled. Its page now says the job has been filled.",
    });
    const page = await call(jobPage.loader, get(`/jobs/${id}/${slug}`), { id: String(id), slug });
    expect(page.status).toBe(410);
    expect((page.body as { job: { status: string } }).job.status).toBe("closed");
  });

  it("shows the order state on the success page and publishes nothing by itself", async () => {
    const employer = await createUser({ role: "employer" });
    const { id } = await createJob(employer.cookie);
    const started = await call(
      overview.action,
      post(`/employer/jobs/${id}`, { intent: "checkout", plan: "featured" }, employer.cookie),
      { id: String(id) },
    );
    expect(started.status).toBe(302);
    const orderId = Number(/\/dev\/checkout\/(\d+)/.exec(started.location!)![1]);
    for (let i = 0; i < 3; i++) {
      const page = await call(
        checkoutPage.loader,
        get(`/checkout/${orderId}?session_id=cs_local_${orderId}`, employer.cookie),
        { id: String(orderId) },
      );
      expect(page.status).toBe(200);
      expect((page.body as { order: { status: string } }).order.status).toBe("pending");
    }
    expect((await jobRow(id)).status).toBe("pending_payment");
    // A second click reuses the same order: one payment at most.
    const again = await call(
      overview.action,
      post(`/employer/jobs/${id}`, { intent: "checkout", plan: "featured" }, employer.cookie),
      { id: String(id) },
    );
    expect(again.location).toBe(started.location);
    await call(
      devCheckout.action,
      post(`/dev/checkout/${orderId}`, { intent: "pay" }, employer.cookie),
      { id: String(orderId) },
    );
    const job = await jobRow(id);
    expect(job.status).toBe("published");
    expect(job.featured_until).toEqual(job.valid_through);
  });

  it("cancel on the test checkout returns to the job", async () => {
    const employer = await createUser({ role: "employer" });
    const { id } = await createJob(employer.cookie);
    const started = await call(
      overview.action,
      post(`/employer/jobs/${id}`, { intent: "checkout", plan: "standard" }, employer.cookie),
      { id: String(id) },
    );
    const orderId = /(\d+)$/.exec(started.location!)![1];
    const canceled = await call(
      devCheckout.action,
      post(`/dev/checkout/${orderId}`, { intent: "cancel" }, employer.cookie),
      { id: orderId },
    );
    expect(canceled.location).toBe(`/employer/jobs/${id}?checkout=canceled`);
  });
});

describe("another company's things are out of reach", () => {
  it("refuses jobs, drafts, orders and stats of another company (404), in loaders and actions", async () => {
    const owner = await createUser({ role: "employer" });
    const other = await createUser({ role: "employer" });
    const { id } = await createJob(owner.cookie);
    const orderId = await insertOrder({ companyId: owner.companyId!, userId: owner.id, jobId: id });
    const p = { id: String(id) };
    const o = { id: String(orderId) };
    const c = other.cookie;
    for (const outcome of [
      await call(edit.loader, get(`/employer/jobs/${id}/edit`, c), p),
      await call(
        edit.action,
        post(`/employer/jobs/${id}/edit`, fullForm({ intent: "draft", title: "Hijacked" }), c),
        p,
      ),
      await call(preview.loader, get(`/employer/jobs/${id}/preview`, c), p),
      await call(overview.loader, get(`/employer/jobs/${id}`, c), p),
      await call(overview.action, post(`/employer/jobs/${id}`, { intent: "close" }, c), p),
      await call(
        overview.action,
        post(`/employer/jobs/${id}`, { intent: "checkout", plan: "standard" }, c),
        p,
      ),
      await call(overview.action, post(`/employer/jobs/${id}`, { intent: "credit" }, c), p),
      await call(checkoutPage.loader, get(`/checkout/${orderId}`, c), o),
      await call(devCheckout.loader, get(`/dev/checkout/${orderId}`, c), o),
      await call(devCheckout.action, post(`/dev/checkout/${orderId}`, { intent: "pay" }, c), o),
    ]) {
      expect(outcome.status).toBe(404);
    }
    expect((await jobRow(id)).status).toBe("draft");
    const title = await getDb()
      .selectFrom("jobs")
      .select("title")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(title.title).toBe("Remote Outpatient Coder");
    const home = (await call(dashboard.loader, get("/employer", c))).body as {
      jobs: { id: number }[];
    };
    expect(home.jobs.map((j) => j.id)).not.toContain(id);
    const bills = (await call(billing.loader, get("/employer/billing", c))).body as {
      orders: { id: number }[];
    };
    expect(bills.orders.map((x) => x.id)).not.toContain(orderId);
  });
});
