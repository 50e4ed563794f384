// Job tagging: specialties suggested from codes, credentials and keywords; picked links win.
import { en, Faker } from "@faker-js/faker";
import { beforeAll, describe, expect, it } from "vitest";
import { applyInferredTags, inferJobTags } from "../../app/jobs/tagging.server";
import { getDb } from "../../app/utils/db.server";
import { seedDemo } from "../../db/seed/seed";
import { buildJob, insertBuiltJobs } from "../../tests/factories/jobs";

// Seeded: the same fake data on every run, so a failure can be repeated.
const faker = new Faker({ locale: [en], seed: 101 });

let companyId: number;

beforeAll(async () => {
  await seedDemo(getDb());
  companyId = (
    await getDb().selectFrom("companies").select("id").orderBy("id").executeTakeFirstOrThrow()
  ).id;
});

const slugsOf = (tags: Awaited<ReturnType<typeof inferJobTags>>) =>
  tags.suggestions.map((s) => s.slug);

describe("inferJobTags", () => {
  it("suggests specialties from codes, specific credentials and keywords, with reasons", async () => {
    const tags = await inferJobTags({
      title: "Remote Cardiology Coder II",
      description:
        "Code cath lab cases (93458, 92928), office visits (99214) and plaque analysis (0624T); assign I25.10. CPC required, CCC preferred.",
    });
    expect(tags.codes.map((c) => c.code)).toEqual(["93458", "92928", "99214", "0624T", "I25.10"]);
    expect(tags.codes.find((c) => c.code === "0624T")).toMatchObject({
      systemLabel: "CPT Category III",
    });
    expect(tags.credentials).toEqual(["CPC", "CCC"]);
    const slugs = slugsOf(tags);
    expect(slugs[0]).toBe("cardiology");
    // Codes that also fit other specialties (0624T, CCC: cardiac imaging; 99214: E/M) count
    // for the one the rest of the posting backs, and a lone office-visit code does not turn a
    // cardiology posting into an E/M job (tests/fixtures/tagging-set.ts measures this).
    expect(slugs).toEqual(["cardiology"]);
    const both = slugsOf(
      await inferJobTags({
        title: "Cardiology Coder",
        description: "Cath lab cases (93458), E/M office visits (99214) and echo reads (93306).",
      }),
    );
    expect(both).toEqual(
      expect.arrayContaining(["cardiology", "cardiac-imaging", "evaluation-management"]),
    );
    // CPC fits a dozen specialties: naming it says nothing about this job's focus.
    expect(slugs).not.toContain("nephrology");
    const cardiology = tags.suggestions.find((s) => s.slug === "cardiology")!;
    expect(cardiology.reasons).toEqual(
      expect.arrayContaining([
        {
          kind: "code",
          code: "93458",
          label: "Cardiovascular: cardiac catheterization",
          diagnosis: false,
        },
        { kind: "credential", code: "CCC" },
        { kind: "keyword", keyword: "cardiology", where: "title" },
      ]),
    );
  });

  it.each([
    ["Risk Adjustment Coder II – Medicare Advantage", "", "risk-adjustment-hcc"],
    ["Professional Fee E/M Auditor", "", "evaluation-management"],
    ["Inpatient DRG Coding Specialist", "", "inpatient-facility"],
    ["Remote IR Coder II", "", "interventional-radiology"],
    ["Oncology Coder", "Bill J9035 and J9271 with 96413.", "hematology-oncology"],
    ["Coder", "Apply CRC knowledge to chart reviews.", "risk-adjustment-hcc"],
  ])("tags %j as %s", async (title, description, slug) => {
    expect(slugsOf(await inferJobTags({ title, description }))).toContain(slug);
  });

  it("does not read CPC-A as CPC", async () => {
    const tags = await inferJobTags({
      title: "Entry-Level Coder (CPC-A Welcome)",
      description: "",
    });
    expect(tags.credentials).toEqual(["CPC-A"]);
  });
});

describe("applyInferredTags", () => {
  it("adds inferred links, never overrides a picked one, and drops stale suggestions", async () => {
    const db = getDb();
    const built = buildJob(faker, { companyName: "Test", specialty: "cardiology" });
    built.row.title = "Cardiology Coder";
    built.row.description =
      "Code 93458 and E/M office visits (99214) daily, plus echo reads. CCC preferred.";
    const [jobId] = await insertBuiltJobs(db, [{ companyId, job: built }]);
    const links = () =>
      db
        .selectFrom("job_specialties")
        .innerJoin("specialties", "specialties.id", "job_specialties.specialty_id")
        .select(["specialties.slug", "job_specialties.source"])
        .where("job_id", "=", jobId)
        .orderBy("specialties.slug")
        .execute();

    expect(await applyInferredTags(jobId)).toBeGreaterThan(0);
    const first = await links();
    expect(first).toContainEqual({ slug: "cardiology", source: "picked" });
    expect(first).toContainEqual({ slug: "evaluation-management", source: "inferred" });
    expect(first).toContainEqual({ slug: "cardiac-imaging", source: "inferred" });
    expect(first.filter((l) => l.slug === "cardiology")).toHaveLength(1);

    // Running again changes nothing.
    await applyInferredTags(jobId);
    expect(await links()).toEqual(first);

    // Edited text: the E/M suggestion goes, the picked link stays.
    await db
      .updateTable("jobs")
      .set({ description: "Cath lab coding: 93458." })
      .where("id", "=", jobId)
      .execute();
    await db.transaction().execute((trx) => applyInferredTags(jobId, trx));
    const after = await links();
    expect(after).toContainEqual({ slug: "cardiology", source: "picked" });
    expect(after.map((l) => l.slug)).not.toContain("evaluation-management");
  });

  it("ran for every demo job in the seed, leaving each job's picked specialty as it was", async () => {
    const { rows } = await getDb()
      .selectFrom("job_specialties")
      .select(["source", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("source")
      .execute()
      .then((r) => ({ rows: Object.fromEntries(r.map((x) => [x.source, x.n])) }));
    const jobs = await getDb()
      .selectFrom("jobs")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(rows.picked).toBeGreaterThanOrEqual(jobs.n - 5);
    expect(rows.inferred).toBeGreaterThan(jobs.n / 2);
  });
});
