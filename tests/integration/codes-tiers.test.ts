// /codes/:code ranks open jobs by how they relate to the code: the posting names it, names
// another code of its family, or only shares its specialty.
import { en, Faker } from "@faker-js/faker";
import { beforeAll, describe, expect, it } from "vitest";
import { applyInferredTags } from "../../app/jobs/tagging.server";
import { loader as codeLoader } from "../../app/routes/codes.$code";
import { getDb } from "../../app/utils/db.server";
import { seedReference } from "../../db/seed/reference";
import { buildJob, insertBuiltJobs } from "../factories/jobs";
import { callLoader } from "./codes-helpers";

const faker = new Faker({ locale: [en] });
faker.seed(15);
let ids: Record<string, number> = {};

async function postJob(title: string, description: string, specialty: string) {
  const db = getDb();
  const company = await db
    .insertInto("companies")
    .values({ slug: `tiers-${faker.string.alphanumeric(8).toLowerCase()}`, name: "Tier Test Co" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const built = buildJob(faker, {
    companyName: "Tier Test Co",
    specialty,
    postedDaysAgo: 1,
    status: "published",
  });
  built.row.title = title;
  built.row.description = description;
  const [id] = await insertBuiltJobs(db, [{ companyId: company.id, job: built }]);
  await applyInferredTags(id);
  return id;
}

beforeAll(async () => {
  await seedReference(getDb());
  ids = {
    // Newest last: the broad specialty match is the newest job and still ranks last.
    exact: await postJob(
      "Primary Care Coder",
      "Office visits such as 99213 all day.",
      "primary-care",
    ),
    family: await postJob("Clinic Coder", "Established visits (99214, 99215).", "primary-care"),
    broad: await postJob("Primary Care Coding Lead", "Lead our clinic coders.", "primary-care"),
    diabetes: await postJob(
      "Endocrine Coder",
      "Diabetes follow-up visits: E11.65 and E11.22.",
      "primary-care",
    ),
    other: await postJob("Denials Specialist", "Work denials and appeals.", "denials-ar-billing"),
  };
});

const tierOf = (tiers: { key: string; jobs: { id: number; reason: string }[] }[], id: number) =>
  tiers.find((t) => t.jobs.some((j) => j.id === id));

describe("/codes/:code tiers", () => {
  it("lists jobs naming the code first, then its family, then its specialties, each with a reason", async () => {
    const page = await callLoader(codeLoader, "/codes/99213", { code: "99213" });
    expect(page.status).toBe(200);
    const { tiers } = page.data;
    expect(tiers.map((t: { key: string }) => t.key)).toEqual(["exact", "family", "specialty"]);
    expect(tierOf(tiers, ids.exact)?.key).toBe("exact");
    expect(tierOf(tiers, ids.family)?.key).toBe("family");
    expect(tierOf(tiers, ids.broad)?.key).toBe("specialty");
    expect(tierOf(tiers, ids.other)).toBeUndefined();
    const exact = tiers[0].jobs.find((j: { id: number }) => j.id === ids.exact);
    expect(exact.reason).toBe("The posting names 99213.");
    const family = tiers[1].jobs.find((j: { id: number }) => j.id === ids.family);
    expect(family.reason).toMatch(/^Names 99214 and 99215, in the same .*99202–99215/);
    const broad = tiers[2].jobs.find((j: { id: number }) => j.id === ids.broad);
    expect(broad.reason).toMatch(/names no code of this family/);
    // Counts per tier agree with the cards (each tier holds fewer than its page size here).
    for (const tier of tiers) expect(tier.total).toBeGreaterThanOrEqual(tier.jobs.length);
    // No job sits in two tiers.
    const all = tiers.flatMap((t: { jobs: { id: number }[] }) => t.jobs.map((j) => j.id));
    expect(new Set(all).size).toBe(all.length);
  });

  it("ranks an ICD-10-CM code by its three-character category", async () => {
    const page = await callLoader(codeLoader, "/codes/E11.9", { code: "E11.9" });
    const { tiers } = page.data;
    expect(tiers[0]).toMatchObject({ key: "exact", total: 0 });
    expect(tierOf(tiers, ids.diabetes)?.key).toBe("family");
    const card = tiers[1].jobs.find((j: { id: number }) => j.id === ids.diabetes);
    expect(card.reason).toBe("Names E11.22 and E11.65, in the same category E11 as E11.9.");
  });

  it("moves a job to the exact tier when its text changes to name the code", async () => {
    const db = getDb();
    await db
      .updateTable("jobs")
      .set({ description: "Office visits: 99213 and 99214." })
      .where("id", "=", ids.family)
      .execute();
    await applyInferredTags(ids.family);
    const page = await callLoader(codeLoader, "/codes/99213", { code: "99213" });
    expect(tierOf(page.data.tiers, ids.family)?.key).toBe("exact");
  });
});
