// The demo seed: reference facts plus a realistic market (12 verified employers and one new
// one waiting for review, ~380 jobs, demo accounts, applicants for the demo employer at every stage). Runs once per database (recorded in seed_runs); refuses to run in production.
import { en, Faker } from "@faker-js/faker";
import { type Kysely, sql } from "kysely";
import { normalizeDomain } from "../../app/admin/spam-rules";
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
        specialty_slugs: ["risk-adjustment-hcc", "evaluation-management"],
      })
      .execute();
    // One credential checked by the demo operator, one waiting for a check.
    const credentialIds = await trx
      .selectFrom("credentials")
      .select(["id", "code"])
      .where("code", "in", ["CPC", "CRC"])
      .execute();
    const credentialId = (code: string) => credentialIds.find((c) => c.code === code)!.id;
    await trx
      .insertInto("candidate_credentials")
      .values([
        {
          user_id: userId("coder@example.com"),
          credential_id: credentialId("CPC"),
          member_number: "01234567",
          expires_on: new Date(now.getTime() + 200 * 86_400_000),
          verified_at: now,
          verified_by: userId("admin@example.com"),
          verification_method: "issuer_directory",
          verification_note: "Demo data: not a real member number.",
        },
        {
          user_id: userId("coder@example.com"),
          credential_id: credentialId("CRC"),
          member_number: "07654321",
          expires_on: new Date(now.getTime() + 20 * 86_400_000),
        },
      ])
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
          // The demo employers are verified, so the demo employer posts without waiting.
          verified_at: now,
          verified_domain: normalizeDomain(c.website),
          verified_by: userId("admin@example.com"),
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
      operatorId: userId("admin@example.com"),
      passwordHash,
      now,
    });
    await seedReviewQueue(trx, { faker, now, passwordHash });
    await tagAllJobs(trx);
    await refreshSearchVectors(trx);
    await sql`analyze`.execute(trx);
  });
  log(`demo data seeded in ${Date.now() - started} ms`);
  return true;
}

/**
 * A new, unverified employer whose first paid job waits in the review queue, so the demo
 * operator has something to decide (rejecting it refunds the test-mode order).
 */
async function seedReviewQueue(
  trx: Kysely<DB>,
  { faker, now, passwordHash }: { faker: Faker; now: Date; passwordHash: string },
) {
  const owner = await trx
    .insertInto("users")
    .values({
      email: "new-employer@example.com",
      name: "Noah Newcomer",
      role: "employer",
      password_hash: passwordHash,
      email_verified_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const company = await trx
    .insertInto("companies")
    .values({
      slug: "brightwell-coding-partners",
      name: "Brightwell Coding Partners",
      kind: "coding_vendor",
      website: "https://brightwell-coding.example.com",
      headquarters: "Tulsa, OK",
      size: "11-50",
      created_at: new Date(now.getTime() - 2 * 86_400_000),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx
    .insertInto("company_members")
    .values({ company_id: company.id, user_id: owner.id, role: "owner" })
    .execute();
  const job = buildJob(faker, { companyName: "Brightwell Coding Partners", now, status: "draft" });
  const [jobId] = await insertBuiltJobs(trx, [{ companyId: company.id, createdBy: owner.id, job }]);
  const paidAt = new Date(now.getTime() - 5 * 3_600_000);
  const order = await trx
    .insertInto("orders")
    .values({
      company_id: company.id,
      user_id: owner.id,
      job_id: jobId,
      plan_code: "standard",
      purpose: "publish",
      amount_cents: 9900,
      amount_paid_cents: 9900,
      status: "paid",
      paid_at: paidAt,
      created_at: paidAt,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx
    .updateTable("orders")
    .set({
      stripe_checkout_session_id: `cs_local_${order.id}`,
      stripe_payment_intent_id: `pi_local_${order.id}`,
    })
    .where("id", "=", order.id)
    .execute();
  await trx.updateTable("jobs").set({ status: "pending_review" }).where("id", "=", jobId).execute();
  await trx
    .insertInto("job_reviews")
    .values({
      job_id: jobId,
      company_id: company.id,
      order_id: order.id,
      days: 30,
      triggers: JSON.stringify([
        { code: "unverified_company", detail: "The company is not verified yet" },
      ]),
      created_at: paidAt,
    })
    .execute();
}
