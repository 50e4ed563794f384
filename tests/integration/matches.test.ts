// "Jobs that fit you": a coder's matches honour required credentials exactly, rank by
// preferred credentials, specialties, code families and setting, and say why.
import { beforeAll, describe, expect, it } from "vitest";
import { listJobMatches } from "../../app/jobs/matches.server";
import { applyInferredTags } from "../../app/jobs/tagging.server";
import { getDb } from "../../app/utils/db.server";
import { seedReference } from "../../db/seed/reference";
import { createUser } from "../factories/users";
import { createCompany, insertJobs } from "./alerts-helpers";

const ids: Record<string, number> = {};

beforeAll(async () => {
  await seedReference(getDb());
  const company = await createCompany("Fit Test Coding");
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
