import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { verifyPassword } from "../../app/auth/password.server";
import { getDb } from "../../app/utils/db.server";
import { migrateAllDown, migrateToLatest } from "../../db/migrate";
import { DEMO_PASSWORD, seedDemo } from "../../db/seed/seed";
import { titleAgreesWithSetting } from "../factories/jobs";

describe("demo seed", () => {
  it("loads the reference facts: 40 specialties, 51 credentials and the code ranges", async () => {
    const db = getDb();
    const count = async (table: "specialties" | "credentials" | "code_ranges") =>
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n;
    expect(await count("specialties")).toBe(40);
    expect(await count("credentials")).toBe(51);
    expect(await count("code_ranges")).toBeGreaterThan(150);
    // HCPCS D codes belong to the ADA and must not be published.
    const dental = await db
      .selectFrom("code_ranges")
      .select("ref")
      .where("from_code", "like", "D%")
      .where("system", "=", "HCPCS")
      .execute();
    expect(dental).toEqual([]);
  });

  it("builds a realistic market once, and a second run adds nothing", async () => {
    const db = getDb();
    expect(await seedDemo(db)).toBe(true);
    const totals = () =>
      sql<{
        jobs: number;
        open: number;
        companies: number;
        users: number;
        featured: number;
        expired: number;
        hourly: number;
      }>`
        select (select count(*) from jobs)::int as jobs,
               (select count(*) from jobs where status = 'published' and valid_through > now())::int as open,
               (select count(*) from jobs where status = 'expired' or valid_through <= now())::int as expired,
               (select count(*) from jobs where featured_until > now())::int as featured,
               (select count(*) from jobs where salary_period = 'hour')::int as hourly,
               (select count(*) from companies)::int as companies,
               (select count(*) from users)::int as users`
        .execute(db)
        .then((r) => r.rows[0]);
    const first = await totals();
    expect(first.open).toBeGreaterThanOrEqual(300);
    expect(first.expired).toBeGreaterThan(0);
    expect(first.featured).toBeGreaterThan(0);
    expect(first.hourly).toBeGreaterThan(0);
    // Twelve verified demo employers and one new company whose first job waits for review.
    expect(first.companies).toBe(13);
    const unverified = await db
      .selectFrom("companies")
      .select("slug")
      .where("verified_at", "is", null)
      .execute();
    expect(unverified.map((c) => c.slug)).toEqual(["brightwell-coding-partners"]);
    const queue = await db
      .selectFrom("job_reviews")
      .innerJoin("jobs", "jobs.id", "job_reviews.job_id")
      .select(["job_reviews.status", "jobs.status as job_status"])
      .execute();
    expect(queue).toEqual([{ status: "open", job_status: "pending_review" }]);

    expect(await seedDemo(db)).toBe(false);
    expect(await totals()).toEqual(first);
  });

  it("spreads jobs over settings, specialties and 60 days of posting dates", async () => {
    const db = getDb();
    await seedDemo(db);
    const { rows } = await sql<{
      settings: number;
      specialties: number;
      oldest_days: number;
      newest_days: number;
    }>`
      select count(distinct setting)::int as settings,
             (select count(distinct specialty_id) from job_specialties)::int as specialties,
             extract(day from now() - min(published_at))::int as oldest_days,
             extract(day from now() - max(published_at))::int as newest_days
      from jobs`.execute(db);
    expect(rows[0].settings).toBe(3);
    expect(rows[0].specialties).toBeGreaterThanOrEqual(30);
    expect(rows[0].oldest_days).toBeGreaterThanOrEqual(50);
    expect(rows[0].newest_days).toBeLessThanOrEqual(1);
  });

  it("titles demo jobs only with their own work setting (no “Remote …” on-site job)", async () => {
    const db = getDb();
    await seedDemo(db);
    const jobs = await db.selectFrom("jobs").select(["id", "title", "setting"]).execute();
    expect(jobs.filter((j) => !titleAgreesWithSetting(j.title, j.setting))).toEqual([]);
    expect(
      jobs.filter((j) => j.setting === "remote" && /^Remote /.test(j.title)).length,
    ).toBeGreaterThan(20);
  });

  it("creates the demo accounts with the demo password", async () => {
    const db = getDb();
    await seedDemo(db);
    const users = await db
      .selectFrom("users")
      .select(["email", "role", "password_hash"])
      .where("email", "not like", "applicant%")
      .orderBy("email")
      .execute();
    expect(users.map((u) => [u.email, u.role])).toEqual([
      ["admin@example.com", "admin"],
      ["coder@example.com", "candidate"],
      ["employer@example.com", "employer"],
      ["new-employer@example.com", "employer"],
    ]);
    expect(await verifyPassword(users[1].password_hash!, DEMO_PASSWORD)).toBe(true);
    const owner = await db
      .selectFrom("company_members")
      .innerJoin("users", "users.id", "company_members.user_id")
      .select("company_members.role")
      .where("users.email", "=", "employer@example.com")
      .executeTakeFirst();
    expect(owner?.role).toBe("owner");
  });

  it("gives the demo employer applicants at every stage, with resumes, timelines and notes", async () => {
    const db = getDb();
    await seedDemo(db);
    const rows = await db
      .selectFrom("applications")
      .innerJoin("company_members", "company_members.company_id", "applications.company_id")
      .innerJoin("users", "users.id", "company_members.user_id")
      .select([
        "applications.status",
        "applications.resume_file_id",
        (eb) =>
          eb
            .selectFrom("application_events")
            .select((e) => e.fn.countAll<number>().as("n"))
            .whereRef("application_events.application_id", "=", "applications.id")
            .as("events"),
      ])
      .where("users.email", "=", "employer@example.com")
      .execute();
    expect(new Set(rows.map((r) => r.status))).toEqual(
      new Set(["new", "reviewing", "interview", "offer", "hired", "rejected"]),
    );
    expect(rows.every((r) => r.resume_file_id != null)).toBe(true);
    expect(rows.find((r) => r.status === "hired")?.events).toBe(5);
  });

  it("refuses to run in production", async () => {
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = "production";
    try {
      await expect(seedDemo(getDb())).rejects.toThrow(/production/);
    } finally {
      process.env.NODE_ENV = previous;
    }
  });
});

describe("migrations", () => {
  const tables = async () =>
    (
      await sql<{ table_name: string }>`
        select table_name from information_schema.tables
        where table_schema = 'public' and table_name not like 'kysely_%' order by table_name`.execute(
        getDb(),
      )
    ).rows.map((r) => r.table_name);

  it("roll all the way down, leaving no table behind, and up again", async () => {
    const db = getDb();
    const before = await tables();
    expect(before).toContain("jobs");
    await migrateAllDown(db);
    expect(await tables()).toEqual([]);
    await migrateToLatest(db);
    expect(await tables()).toEqual(before);
  });
});
