import { en, Faker } from "@faker-js/faker";
import { describe, expect, it } from "vitest";
import * as jobPage from "../../app/routes/jobs.$id.$slug";
import * as save from "../../app/routes/jobs.$id.save";
import * as saved from "../../app/routes/me.saved";
import { getDb } from "../../app/utils/db.server";
import { buildJob, insertBuiltJobs } from "../factories/jobs";
import { createUser } from "../factories/users";
import { call, get, post } from "../routes";

async function aJob(status: "published" | "draft" = "published") {
  const faker = new Faker({ locale: [en], seed: 42 });
  const owner = await createUser({ role: "employer" });
  const [id] = await insertBuiltJobs(getDb(), [
    {
      companyId: owner.companyId!,
      job: buildJob(faker, { companyName: "Acme", postedDaysAgo: 1, status }),
    },
  ]);
  return id;
}

describe("saved jobs", () => {
  it("lets a coder save a job, see it at /me/saved, and remove it", async () => {
    const coder = await createUser({ role: "candidate" });
    const jobId = await aJob();
    const saving = await call(
      save.action,
      post(`/jobs/${jobId}/save`, { intent: "save" }, coder.cookie),
      { id: String(jobId) },
    );
    expect(saving.status).toBe(302);
    const list = await call(saved.loader, get("/me/saved", coder.cookie));
    expect((list.body as { jobs: { id: number }[] }).jobs.map((j) => j.id)).toEqual([jobId]);

    await call(save.action, post(`/jobs/${jobId}/save`, { intent: "save" }, coder.cookie), {
      id: String(jobId),
    });
    await call(
      save.action,
      post(`/jobs/${jobId}/save`, { intent: "unsave", redirectTo: "/me/saved" }, coder.cookie),
      { id: String(jobId) },
    );
    expect(
      ((await call(saved.loader, get("/me/saved", coder.cookie))).body as { jobs: unknown[] }).jobs,
    ).toEqual([]);
  });

  it("shows the job page's Save button as saved to the coder who saved it", async () => {
    const coder = await createUser({ role: "candidate" });
    const jobId = await aJob();
    const { slug } = await getDb()
      .selectFrom("jobs")
      .select("slug")
      .where("id", "=", jobId)
      .executeTakeFirstOrThrow();
    const viewer = async (cookie?: string) =>
      (
        (
          await call(jobPage.loader, get(`/jobs/${jobId}/${slug}`, cookie), {
            id: String(jobId),
            slug,
          })
        ).body as {
          viewer: unknown;
        }
      ).viewer;
    expect(await viewer(coder.cookie)).toEqual({ candidate: true, saved: false });
    await call(save.action, post(`/jobs/${jobId}/save`, { intent: "save" }, coder.cookie), {
      id: String(jobId),
    });
    expect(await viewer(coder.cookie)).toEqual({ candidate: true, saved: true });
    expect(await viewer()).toBeNull();
  });

  it("keeps each coder's list their own", async () => {
    const a = await createUser({ role: "candidate" });
    const b = await createUser({ role: "candidate" });
    const jobId = await aJob();
    await call(save.action, post(`/jobs/${jobId}/save`, { intent: "save" }, a.cookie), {
      id: String(jobId),
    });
    expect(
      ((await call(saved.loader, get("/me/saved", b.cookie))).body as { jobs: unknown[] }).jobs,
    ).toEqual([]);
  });

  it("refuses visitors and employers, and drafts that are not public", async () => {
    const jobId = await aJob();
    const visitor = await call(save.action, post(`/jobs/${jobId}/save`, { intent: "save" }), {
      id: String(jobId),
    });
    expect(visitor.location).toMatch(/^\/login\?redirectTo=/);
    const employer = await createUser({ role: "employer" });
    expect(
      (
        await call(save.action, post(`/jobs/${jobId}/save`, { intent: "save" }, employer.cookie), {
          id: String(jobId),
        })
      ).status,
    ).toBe(403);
    const coder = await createUser({ role: "candidate" });
    const draft = await aJob("draft");
    expect(
      (
        await call(save.action, post(`/jobs/${draft}/save`, { intent: "save" }, coder.cookie), {
          id: String(draft),
        })
      ).status,
    ).toBe(404);
  });
});
