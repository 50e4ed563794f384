// "Jobs that fit you": a coder's matches honour required credentials exactly, rank by
// preferred credentials, specialties, code families and setting, and say why.
import { beforeAll, describe, expect, it } from "vitest";
import { listJobMatches } from "../../app/jobs/matches.server";
import { applyInferredTags } from "../../app/jobs/tagging.server";
import { loader as jobsLoader } from "../../app/routes/jobs._index";
import { getDb } from "../../app/utils/db.server";
import { seedReference } from "../../db/seed/reference";
import { createUser } from "../factories/users";
import { testContext } from "../routes";
import { createCompany, insertJobs } from "./alerts-helpers";

const ids: Record<string, number> = {};
let companySlug = "";
/** Each test coder's session cookie, by user id. */
const cookies = new Map<number, string>();

beforeAll(async () => {
  await seedReference(getDb());
  const company = await createCompany("Fit Test Coding");
  companySlug = company.slug;
  const [emCpc, ipCcs, either, none, preferred] = await insertJobs(company.id, [
    {
      title: "E/M Coder (CPC)",
      specialties: ["evaluation-management"],
      credentials: ["CPC"],
      description: "Office visits 99213 and 99214.",
    },
    {
      title: "Inpatient Coder (CCS)",
      specialties: ["inpatient-facility"],
      credentials: ["CCS"],
      setting: "onsite",
    },
    { title: "Coder (CPC or CCS)", specialties: ["profee-physician"], credentials: ["CPC", "CCS"] },
    { title: "E/M Trainee", specialties: ["evaluation-management"] },
    { title: "Radiology Coder", specialties: ["radiology"] },
  ]);
  Object.assign(ids, { emCpc, ipCcs, either, none, preferred });
  for (const id of Object.values(ids)) await applyInferredTags(id);
  const credentialId = async (code: string) =>
    (
      await getDb()
        .selectFrom("credentials")
        .select("id")
        .where("code", "=", code)
        .executeTakeFirstOrThrow()
    ).id;
  await getDb()
    .insertInto("job_credentials")
    .values({ job_id: preferred, credential_id: await credentialId("CPC"), required: false })
    .execute();
});

async function coder(
  credentials: { code: string; expired?: boolean }[],
  profile: { specialties?: string[]; families?: string[]; setting?: string } = {},
) {
  const user = await createUser({ role: "candidate" });
  cookies.set(user.id, user.cookie);
  await getDb()
    .insertInto("candidate_profiles")
    .values({
      user_id: user.id,
      specialty_slugs: profile.specialties ?? [],
      code_families: profile.families ?? [],
      setting_preference: profile.setting ?? null,
    })
    .execute();
  for (const { code, expired } of credentials) {
    const { id } = await getDb()
      .selectFrom("credentials")
      .select("id")
      .where("code", "=", code)
      .executeTakeFirstOrThrow();
    await getDb()
      .insertInto("candidate_credentials")
      .values({
        user_id: user.id,
        credential_id: id,
        expires_on: expired ? new Date(Date.now() - 86_400_000) : null,
      })
      .execute();
  }
  return user.id;
}

const fits = async (userId: number) => {
  const mine = new Set(Object.values(ids));
  return (await listJobMatches(userId, { limit: 200 })).filter((j) => mine.has(j.id));
};
const idsOf = async (userId: number) => new Set((await fits(userId)).map((j) => j.id));

describe("listJobMatches", () => {
  it("never fits a job whose required credentials the coder lacks", async () => {
    const nothing = await idsOf(
      await coder([], { specialties: ["evaluation-management", "inpatient-facility"] }),
    );
    expect(nothing.has(ids.emCpc)).toBe(false);
    expect(nothing.has(ids.ipCcs)).toBe(false);
    expect(nothing.has(ids.either)).toBe(false);
    expect(nothing.has(ids.none)).toBe(true);

    const cpc = await idsOf(
      await coder([{ code: "CPC" }], { specialties: ["evaluation-management"] }),
    );
    expect(cpc.has(ids.emCpc)).toBe(true);
    expect(cpc.has(ids.ipCcs)).toBe(false);
    expect(cpc.has(ids.either)).toBe(true);

    const ccs = await idsOf(
      await coder([{ code: "CCS" }], { specialties: ["evaluation-management"] }),
    );
    expect(ccs.has(ids.emCpc)).toBe(false);
    expect(ccs.has(ids.ipCcs)).toBe(true);
    expect(ccs.has(ids.either)).toBe(true);

    const both = await idsOf(await coder([{ code: "CPC" }, { code: "CCS" }]));
    expect([ids.emCpc, ids.ipCcs, ids.either].every((id) => both.has(id))).toBe(true);

    // An expired credential is not held.
    const expired = await idsOf(
      await coder([{ code: "CPC", expired: true }], { specialties: ["evaluation-management"] }),
    );
    expect(expired.has(ids.emCpc)).toBe(false);
    expect(expired.has(ids.none)).toBe(true);
  });

  it("ranks by credentials, specialty and code families, and says why", async () => {
    const userId = await coder([{ code: "CPC" }], {
      specialties: ["evaluation-management"],
      families: ["cpt-em"],
      setting: "remote",
    });
    const list = await fits(userId);
    expect(list[0].id).toBe(ids.emCpc);
    expect(list[0].reason).toBe(
      "You hold the required CPC; E/M (Evaluation & Management) is your specialty; it names 99213 and 99214 from your code families; remote as you prefer.",
    );
    const preferred = list.find((j) => j.id === ids.preferred);
    expect(preferred?.reason).toMatch(/^You hold the preferred CPC/);
    // A preferred credential the coder lacks never hides a job.
    const noCpc = await idsOf(await coder([], { specialties: ["radiology"] }));
    expect(noCpc.has(ids.preferred)).toBe(true);
  });
});

describe("the shortcut through jobs that meet the whole profile", () => {
  it("gives, for any page size, the first jobs of scoring every candidate", async () => {
    const profiles: Parameters<typeof coder>[] = [
      [[{ code: "CPC" }], { specialties: ["evaluation-management"], families: ["cpt-em"] }],
      [[{ code: "CCS" }], { specialties: ["inpatient-facility", "radiology"] }],
      [[{ code: "CPC" }, { code: "CCS" }], { families: ["cpt-em"], setting: "onsite" }],
      [[], { specialties: ["radiology", "evaluation-management"], families: ["cpt-em"] }],
    ];
    for (const profile of profiles) {
      const userId = await coder(...profile);
      const every = (await listJobMatches(userId, { limit: 100 })).map((j) => j.id);
      expect(every.length).toBeGreaterThan(0);
      // Small pages stop at a level (every part, then all but one...); each agrees.
      for (let limit = 1; limit <= every.length + 1; limit++) {
        const page = (await listJobMatches(userId, { limit })).map((j) => j.id);
        expect(page).toEqual(every.slice(0, limit));
      }
    }
    const [first] = await listJobMatches(
      await coder([{ code: "CPC" }], {
        specialties: ["evaluation-management"],
        families: ["cpt-em"],
      }),
      { limit: 1 },
    );
    expect(first.id).toBe(ids.emCpc);
  });

  it("follows the codes a posting names (the job's code ranges are kept by a trigger)", async () => {
    const userId = await coder([{ code: "CPC" }], { families: ["cpt-em"] });
    const before = await fits(userId);
    expect(before.find((j) => j.id === ids.emCpc)?.reason).toMatch(/99213 and 99214/);
    await getDb()
      .updateTable("jobs")
      .set({ description: "Office visits, no codes named." })
      .where("id", "=", ids.emCpc)
      .execute();
    await applyInferredTags(ids.emCpc);
    const after = (await fits(userId)).find((j) => j.id === ids.emCpc);
    expect(after?.reason ?? "").not.toMatch(/code families/);
    await getDb()
      .updateTable("jobs")
      .set({ description: "Office visits 99213 and 99214." })
      .where("id", "=", ids.emCpc)
      .execute();
    await applyInferredTags(ids.emCpc);
    expect((await fits(userId)).find((j) => j.id === ids.emCpc)?.reason).toMatch(/99213/);
  });
});

describe("/jobs: only jobs whose required credentials I hold", () => {
  type Page = Awaited<ReturnType<typeof jobsLoader>>;
  const page = (query: string, userId?: number) =>
    jobsLoader({
      request: new Request(`http://localhost/jobs?company=${companySlug}&${query}`, {
        headers: userId ? { cookie: cookies.get(userId) ?? "" } : {},
      }),
      params: {},
      context: testContext,
    }) as Promise<Page>;
  const shown = (data: Page) => new Set(data.jobs.map((j) => j.id));

  it("shows a signed-in coder only what they qualify for, and the counts agree", async () => {
    const cpc = await coder([{ code: "CPC" }]);
    const all = await page("", cpc);
    expect(all.total).toBe(5);
    expect(all.canQualify).toBe(true);
    const mine = await page("qualified=1", cpc);
    expect(shown(mine)).toEqual(new Set([ids.emCpc, ids.either, ids.none, ids.preferred]));
    expect(mine.total).toBe(4);
    expect(mine.filters.qualified).toBe(true);
    // A facet's number is what choosing it shows: CCS is on one job this coder qualifies for.
    expect(mine.facets.credential.CCS).toBe(1);
    const ccs = await page("qualified=1&credential=ccs", cpc);
    expect(ccs.total).toBe(1);
    expect(shown(ccs)).toEqual(new Set([ids.either]));
    // An expired credential is not held.
    const lapsed = await coder([{ code: "CPC", expired: true }]);
    expect(shown(await page("qualified=1", lapsed))).toEqual(new Set([ids.none, ids.preferred]));
  });

  it("a coder with no credentials sees the jobs requiring none, and is told why", async () => {
    const none = await coder([]);
    const data = await page("qualified=1", none);
    expect(shown(data)).toEqual(new Set([ids.none, ids.preferred]));
    expect(data.notes.join(" ")).toMatch(/no credentials yet/);
  });

  it("a visitor is told to sign in and sees every job", async () => {
    const data = await page("qualified=1");
    expect(data.total).toBe(5);
    expect(data.canQualify).toBe(false);
    expect(data.filters.qualified).toBe(false);
    expect(data.notes.join(" ")).toMatch(/Sign in/);
  });

  it("an alert from the page sends every job of the search, and says so", async () => {
    const cpc = await coder([{ code: "CPC" }]);
    const data = await page("qualified=1", cpc);
    expect(data.alertSignup.query).not.toMatch(/qualified/);
    expect(data.alertSignup.note).toMatch(/also those requiring credentials you do not hold/);
  });
});
