import { describe, expect, it } from "vitest";
import { applyInferredTags } from "../../app/jobs/tagging.server";
import * as edit from "../../app/routes/employer.jobs.$id.edit";
import * as preview from "../../app/routes/employer.jobs.$id.preview";
import * as newJob from "../../app/routes/employer.jobs.new";
import { getDb } from "../../app/utils/db.server";
import { createUser } from "../factories/users";
import { call, get, post } from "../routes";
import { useBuiltSite } from "./built-site";

const title = "Remote Cardiology Coder";
const description =
  "Code cath lab cases (93458), E/M office visits (99213, 99214) and echo reads (93306). CCC preferred.";

function form(fields: Record<string, string | string[]>) {
  return {
    intent: "preview",
    title,
    description,
    specialties: "cardiology",
    setting: "remote",
    employmentType: "full_time",
    level: "mid",
    salaryPeriod: "hour",
    salaryMin: "28",
    applyMethod: "site",
    ...fields,
  };
}

type Suggestions = {
  suggestions: { slug: string; name: string; reasons: string[] }[];
  removed: { slug: string; name: string }[];
};

async function links(jobId: number) {
  return getDb()
    .selectFrom("job_specialties")
    .innerJoin("specialties", "specialties.id", "job_specialties.specialty_id")
    .select(["specialties.slug", "job_specialties.source"])
    .where("job_id", "=", jobId)
    .orderBy("specialties.slug")
    .execute();
}

async function rejections(jobId: number) {
  const rows = await getDb()
    .selectFrom("job_specialty_rejections")
    .innerJoin("specialties", "specialties.id", "job_specialty_rejections.specialty_id")
    .select("specialties.slug")
    .where("job_id", "=", jobId)
    .execute();
  return rows.map((r) => r.slug);
}

async function editPage(jobId: number, cookie: string) {
  const page = await call(edit.loader, get(`/employer/jobs/${jobId}/edit`, cookie), {
    id: String(jobId),
  });
  expect(page.status).toBe(200);
  return (page.body as { suggestions: Suggestions }).suggestions;
}

async function saveEdit(jobId: number, fields: Record<string, string | string[]>, cookie: string) {
  const saved = await call(
    edit.action,
    post(`/employer/jobs/${jobId}/edit`, form(fields), cookie),
    {
      id: String(jobId),
    },
  );
  expect(saved.status, JSON.stringify(saved.body)).toBe(302);
}

async function jobCount(companyId: number) {
  const row = await getDb()
    .selectFrom("jobs")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("company_id", "=", companyId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const site = useBuiltSite();

describe("suggested specialties on the posting form", () => {
  it("the new-job form suggests from the typed text, keeps every field, and saves nothing", async () => {
    const employer = await createUser({ role: "employer" });
    const outcome = await call(
      newJob.action,
      post("/employer/jobs/new", form({ intent: "suggest" }), employer.cookie),
    );
    expect(outcome.status).toBe(200);
    const body = outcome.body as {
      result: { initialValue: Record<string, unknown> };
      suggestions: Suggestions;
      asked: boolean;
    };
    expect(body.asked).toBe(true);
    expect(body.result.initialValue).toMatchObject({
      title,
      description,
      specialties: "cardiology",
      salaryMin: "28",
    });
    const slugs = body.suggestions.suggestions.map((s) => s.slug);
    expect(slugs).toEqual(expect.arrayContaining(["cardiac-imaging", "evaluation-management"]));
    // The picked one is not offered again.
    expect(slugs).not.toContain("cardiology");
    const em = body.suggestions.suggestions.find((s) => s.slug === "evaluation-management")!;
    expect(em.reasons).toContainEqual(expect.stringMatching(/^names 99213 and 99214 \(.+\)$/));
    expect(em.reasons).toContain("mentions “E/M” in the description");
    expect(await jobCount(employer.companyId!)).toBe(0);

    // A save with errors keeps the suggestions the form showed, and the choices made.
    const invalid = await call(
      newJob.action,
      post(
        "/employer/jobs/new",
        form({
          description: "E/M visits, 99213.",
          suggested: ["evaluation-management"],
          keepSuggested: [],
        }),
        employer.cookie,
      ),
    );
    expect(invalid.status).toBe(400);
    const kept = invalid.body as typeof body;
    expect(kept.suggestions.suggestions.map((s) => s.slug)).toContain("evaluation-management");
    expect(kept.result.initialValue).toMatchObject({ suggested: "evaluation-management" });
    expect(kept.result.initialValue.keepSuggested).toBeUndefined();

    // Only a title is needed to ask; an empty one is answered beside the field.
    const untitled = await call(
      newJob.action,
      post("/employer/jobs/new", { intent: "suggest", description }, employer.cookie),
    );
    expect(untitled.status).toBe(400);
    expect(await jobCount(employer.companyId!)).toBe(0);
  });

  it("a suggestion removed on the new-job form is not written when the job is created", async () => {
    const employer = await createUser({ role: "employer" });
    const created = await call(
      newJob.action,
      post(
        "/employer/jobs/new",
        form({
          suggested: ["cardiac-imaging", "evaluation-management"],
          keepSuggested: ["cardiac-imaging"],
        }),
        employer.cookie,
      ),
    );
    expect(created.status).toBe(302);
    const jobId = Number(/jobs\/(\d+)/.exec(created.location!)![1]);
    expect(await links(jobId)).toEqual(
      expect.arrayContaining([
        { slug: "cardiology", source: "picked" },
        { slug: "cardiac-imaging", source: "inferred" },
      ]),
    );
    expect((await links(jobId)).map((l) => l.slug)).not.toContain("evaluation-management");
    expect(await rejections(jobId)).toEqual(["evaluation-management"]);

    // The preview before checkout says which specialties the job is listed under.
    const page = await call(
      preview.loader,
      get(`/employer/jobs/${jobId}/preview`, employer.cookie),
      {
        id: String(jobId),
      },
    );
    const specialties = (page.body as { job: { specialties: { slug: string; source: string }[] } })
      .job.specialties;
    expect(specialties).toContainEqual(
      expect.objectContaining({ slug: "cardiology", source: "picked" }),
    );
    expect(specialties).toContainEqual(
      expect.objectContaining({ slug: "cardiac-imaging", source: "inferred" }),
    );
    const html = await (
      await fetch(`${site.base}/employer/jobs/${jobId}/preview`, {
        headers: { cookie: employer.cookie },
      })
    ).text();
    expect(html).toContain("Listed under: Cardiology (picked)");
    expect(html).toContain("(suggested from your text)");
    expect(html).toContain(`href="/employer/jobs/${jobId}/edit#suggestions"`);
  });

  it("shows reasons on the edit page; a removal sticks through re-saves and re-tagging; picking wins", async () => {
    const employer = await createUser({ role: "employer" });
    const created = await call(
      newJob.action,
      post("/employer/jobs/new", form({}), employer.cookie),
    );
    const jobId = Number(/jobs\/(\d+)/.exec(created.location!)![1]);
    expect(await links(jobId)).toContainEqual({
      slug: "evaluation-management",
      source: "inferred",
    });

    // The edit page, as the browser gets it without JavaScript: each suggestion, its reasons
    // and a ticked keep box.
    const first = await editPage(jobId, employer.cookie);
    const em = first.suggestions.find((s) => s.slug === "evaluation-management")!;
    expect(em.reasons).toContainEqual(expect.stringMatching(/^names 99213 and 99214 \(.+\)$/));
    const response = await fetch(`${site.base}/employer/jobs/${jobId}/edit`, {
      headers: { cookie: employer.cookie },
    });
    const html = await response.text();
    expect(html).toContain("Suggested from your text");
    expect(html).toContain(em.reasons.join("; ").replace(/&/g, "&amp;"));
    expect(html).toMatch(/name="keepSuggested" checked="" value="evaluation-management"/);
    expect(html).not.toContain("they are shown as suggestions otherwise");

    // Removed: unticked while shown.
    await saveEdit(
      jobId,
      {
        suggested: first.suggestions.map((s) => s.slug),
        keepSuggested: first.suggestions
          .map((s) => s.slug)
          .filter((s) => s !== "evaluation-management"),
      },
      employer.cookie,
    );
    expect((await links(jobId)).map((l) => l.slug)).not.toContain("evaluation-management");
    expect(await links(jobId)).toContainEqual({ slug: "cardiac-imaging", source: "inferred" });

    // Re-tagged, and saved again with the same text: it does not come back, nor is it offered.
    await applyInferredTags(jobId);
    await saveEdit(jobId, {}, employer.cookie);
    expect((await links(jobId)).map((l) => l.slug)).not.toContain("evaluation-management");
    const after = await editPage(jobId, employer.cookie);
    expect(after.suggestions.map((s) => s.slug)).not.toContain("evaluation-management");
    expect(after.removed).toEqual([expect.objectContaining({ slug: "evaluation-management" })]);

    // Picked explicitly afterwards: the pick wins and the removal is forgotten.
    await saveEdit(
      jobId,
      { specialties: ["cardiology", "evaluation-management"] },
      employer.cookie,
    );
    expect(await links(jobId)).toContainEqual({ slug: "evaluation-management", source: "picked" });
    expect(await rejections(jobId)).toEqual([]);
    // Unpicked later, it is a suggestion again, as any other.
    await saveEdit(jobId, { specialties: "cardiology" }, employer.cookie);
    expect(await links(jobId)).toContainEqual({
      slug: "evaluation-management",
      source: "inferred",
    });
  });
});
