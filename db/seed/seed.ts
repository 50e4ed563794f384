// The demo seed: reference facts plus a realistic market (12 employers, ~380 jobs, demo
// accounts, applicants for the demo employer at every stage). Runs once per database (recorded in seed_runs); refuses to run in production.
import { en, Faker } from "@faker-js/faker";
import { type Kysely, sql } from "kysely";
import { hashPassword } from "../../app/auth/password.server";
import { refreshSearchVectors } from "../../app/jobs/search-vector.server";
import { tagAllJobs } from "../../app/jobs/tagging.server";
import { buildJob, insertBuiltJobs } from "../../tests/factories/jobs";
import type { DB } from "../types";
import { demoCompanies } from "./content";
import { seedDemoApplicants } from "./demo-applicants";
import { seedReference } from "./reference";

export const DEMO_PASSWORD = "medcode-demo";
const DEMO_JOBS = 380;

export async function seedDemo(
  db: Kysely<DB>,
  { log = () => {}, now = new Date() }: { log?: (line: string) => void; now?: Date } = {},
): Promise<boolean> {
  if (process.env.NODE_ENV === "production") {
    throw new Error("The demo seed refuses to run with NODE_ENV=production.");
  }
  await seedReference(db);
  const done = await db
    .selectFrom("seed_runs")
    .select("name")
    .where("name", "=", "demo")
    .executeTakeFirst();
  if (done) return false;

  const started = Date.now();
  const faker = new Faker({ locale: [en] });
  faker.seed(2026);
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await db.transaction().execute(async (trx) => {
    // Taking the seed_runs row first makes two racing starts seed once: the loser waits, then fails.
    await trx.insertInto("seed_runs").values({ name: "demo" }).execute();
    const users = await trx
      .insertInto("users")
      .values([
        {
          email: "coder@example.com",
          name: "Casey Coder",
          role: "candidate",
          password_hash: passwordHash,
          email_verified_at: now,
        },
        {
          email: "employer@example.com",
          name: "Erin Employer",
          role: "employer",
          password_hash: passwordHash,
          email_verified_at: now,
        },
        {
          email: "admin@example.com",
          name: "Avery Admin",
          role: "admin",
          password_hash: passwordHash,
          email_verified_at: now,
        },
      ])
      .returning(["id", "email"])
      .execute();
    const userId = (email: string) => users.find((u) => u.email === email)!.id;

    await trx
      .insertInto("candidate_profiles")
      .values({
        user_id: userId("coder@example.com"),
        headline: "CPC, CRC coder with 4 years in risk adjustment and E/M",
        summary:
          "Remote pro-fee coder: E/M, HCC risk adjustment chart reviews, 97% audited accuracy.",
        years_experience: 4,
        city: "Columbus",
        state: "OH",
        zip: "43215",
        setting_preference: "remote",
        credential_codes: ["CPC", "CRC"],
        specialty_slugs: ["risk-adjustment-hcc", "evaluation-management"],
      })
      .execute();

    const companies = await trx
      .insertInto("companies")
      .values(
        demoCompanies.map((c) => ({
          slug: c.slug,
          name: c.name,
          kind: c.kind,
          website: c.website,
          description: c.description,
          size: c.size,
          headquarters: c.headquarters,
          verified_at: c.verified ? now : null,
          created_at: new Date(now.getTime() - 400 * 86_400_000),
        })),
      )
      .returning(["id", "slug", "name"])
      .execute();
    await trx
      .insertInto("company_members")
      .values({
        company_id: companies[0].id,
        user_id: userId("employer@example.com"),
        role: "owner",
      })
      .execute();

    const jobs = Array.from({ length: DEMO_JOBS }, (_, i) => {
      const company = demoCompanies[i % demoCompanies.length];
      const row = companies[i % companies.length];
      const focus = faker.datatype.boolean({ probability: 0.75 });
      // 85% of postings are from the last 30 days (open); the rest ran out (expired).
      const postedDaysAgo = faker.datatype.boolean({ probability: 0.85 })
        ? faker.number.float({ min: 0.05, max: 29.5 })
        : faker.number.float({ min: 30.5, max: 60 });
      const job = buildJob(faker, {
        companyName: company.name,
        specialty: focus ? faker.helpers.arrayElement(company.focusSpecialties) : undefined,
        now,
        postedDaysAgo,
        featured: faker.datatype.boolean({ probability: 0.07 }),
      });
      return {
        companyId: row.id,
        createdBy: i % companies.length === 0 ? userId("employer@example.com") : null,
        job,
      };
    });
    await insertBuiltJobs(trx, jobs);
    await seedDemoApplicants(trx, {
      faker,
      companyId: companies[0].id,
      employer: { id: userId("employer@example.com"), name: "Erin Employer" },
      passwordHash,
      now,
    });
    await tagAllJobs(trx);
    await refreshSearchVectors(trx);
    await sql`analyze`.execute(trx);
  });
  log(`demo data seeded in ${Date.now() - started} ms`);
  return true;
}
