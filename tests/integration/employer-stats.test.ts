// What an employer reads about a job: apply clicks whichever way people apply, the same
// numbers on the dashboard and on the job's own page, and every job reachable page by page.
import { beforeAll, describe, expect, it } from "vitest";
import * as dashboard from "../../app/routes/employer._index";
import * as overview from "../../app/routes/employer.jobs.$id._index";
import * as apply from "../../app/routes/jobs.$id.apply";
import * as go from "../../app/routes/jobs.$id.go";
import { getDb } from "../../app/utils/db.server";
import { createUser } from "../factories/users";
import { call, get } from "../routes";
import { applyWithUpload, createJob, useTempUploads } from "./applications-helpers";

useTempUploads();

const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36";
const visit = (path: string, { bot = false, cookie }: { bot?: boolean; cookie?: string } = {}) =>
  new Request(`http://localhost${path}`, {
    headers: {
      "user-agent": bot ? "Googlebot/2.1 (+http://www.google.com/bot.html)" : BROWSER,
      ...(cookie ? { cookie } : {}),
    },
  });

type Totals = { views: number; apply_clicks: number; applications: number };

async function numbers(employer: { cookie: string }, jobId: number) {
  const page = await call(overview.loader, get(`/employer/jobs/${jobId}`, employer.cookie), {
    id: String(jobId),
  });
  const home = await call(dashboard.loader, get("/employer", employer.cookie));
  const row = (home.body as { jobs: (Totals & { id: number })[] }).jobs.find(
    (j) => j.id === jobId,
  )!;
  return {
    overview: (page.body as { totals: Totals }).totals,
    dashboard: { views: row.views, apply_clicks: row.apply_clicks, applications: row.applications },
  };
}

let employer: Awaited<ReturnType<typeof createUser>>;
beforeAll(async () => {
  employer = await createUser({ role: "employer" });
});

describe("apply clicks", () => {
  it("count opening the site's own apply form, not crawlers, and agree on both pages", async () => {
    const { jobId } = await createJob(employer.companyId!);
    const coder = await createUser({ role: "candidate" });
    await call(apply.loader, visit(`/jobs/${jobId}/apply`, { cookie: coder.cookie }), {
      id: String(jobId),
    });
    await call(apply.loader, visit(`/jobs/${jobId}/apply`, { bot: true }), { id: String(jobId) });
    const sent = await applyWithUpload(apply.action, jobId, coder.cookie);
    expect(sent.status).toBe(302);

    const { overview, dashboard } = await numbers(employer, jobId);
    expect(overview).toMatchObject({ apply_clicks: 1, applications: 1 });
    expect(dashboard).toEqual({
      views: overview.views,
      apply_clicks: overview.apply_clicks,
      applications: overview.applications,
    });
  });

  it("count the redirect to an employer's own apply page", async () => {
    const { jobId } = await createJob(employer.companyId!, { applyMethod: "url" });
    const out = await call(go.loader, visit(`/jobs/${jobId}/go`), { id: String(jobId) });
    expect(out.status).toBe(302);
    expect((await numbers(employer, jobId)).overview).toMatchObject({
      apply_clicks: 1,
      applications: 0,
    });
  });
});

describe("the dashboard", () => {
  it("pages through every job instead of stopping at a limit", async () => {
    const big = await createUser({ role: "employer" });
    for (let i = 0; i < 55; i++) await createJob(big.companyId!);
    const page1 = await call(dashboard.loader, get("/employer", big.cookie));
    const page2 = await call(dashboard.loader, get("/employer?page=2", big.cookie));
    const body = (o: typeof page1) =>
      o.body as { jobs: { id: number }[]; total: number; pageCount: number };
    expect(body(page1)).toMatchObject({ total: 55, pageCount: 2 });
    expect(body(page1).jobs).toHaveLength(50);
    expect(body(page2).jobs).toHaveLength(5);
    const ids = new Set([...body(page1).jobs, ...body(page2).jobs].map((j) => j.id));
    const all = await getDb()
      .selectFrom("jobs")
      .select("id")
      .where("company_id", "=", big.companyId!)
      .execute();
    expect(ids).toEqual(new Set(all.map((j) => j.id)));
  });
});
