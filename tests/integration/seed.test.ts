import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { verifyPassword } from "../../app/auth/password.server";
import { rangeContains } from "../../app/codes/code-systems";
import { findCodes } from "../../app/codes/detect";
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

describe("demo postings a coder would believe", () => {
  it("names only codes from the ranges of the specialties each job picked", async () => {
    const db = getDb();
    await seedDemo(db);
    const [jobs, picked, ranges] = await Promise.all([
      db.selectFrom("jobs").select(["id", "title", "description"]).execute(),
      db
        .selectFrom("job_specialties")
        .innerJoin("specialties", "specialties.id", "job_specialties.specialty_id")
        .select(["job_specialties.job_id", "specialties.slug"])
        .where("job_specialties.source", "=", "picked")
        .execute(),
      // A specialty's ranges: its own (specialty_code_ranges) and the labelled ranges naming it.
      sql<{ slug: string; system: string; from_code: string; to_code: string }>`
        select s.slug, r.system, r.from_code, r.to_code
        from specialty_code_ranges r join specialties s on s.id = r.specialty_id
        union
        select s.slug, r.system, r.from_code, r.to_code
        from code_range_specialties l join code_ranges r on r.id = l.code_range_id
        join specialties s on s.id = l.specialty_id`
        .execute(db)
        .then((r) => r.rows),
    ]);
    const slugsOf = new Map<number, string[]>();
    for (const p of picked) slugsOf.set(p.job_id, [...(slugsOf.get(p.job_id) ?? []), p.slug]);
    const strays: string[] = [];
    let named = 0;
    for (const job of jobs) {
      const slugs = slugsOf.get(job.id) ?? [];
      for (const code of findCodes(`${job.title}\n${job.description}`)) {
        named++;
        const fits = ranges.some((r) => slugs.includes(r.slug) && rangeContains(code, r));
        if (!fits) strays.push(`${job.title} [${slugs.join(", ")}] names ${code.canonical}`);
      }
    }
    expect(strays).toEqual([]);
    // The check has something to check: most postings name codes.
    expect(named).toBeGreaterThan(jobs.length);
  });

  it("never repeats a description under another title, and reads like a posting", async () => {
    const db = getDb();
    await seedDemo(db);
    const jobs = await db.selectFrom("jobs").select(["title", "description", "setting"]).execute();
    const bodies = new Map<string, string>();
    const repeats: string[] = [];
    for (const job of jobs) {
      const body = job.description.replaceAll(job.title, "<title>");
      if (bodies.has(body)) repeats.push(`${job.title} repeats ${bodies.get(body)}`);
      bodies.set(body, job.title);
    }
    expect(repeats).toEqual([]);
    for (const job of jobs) {
      // No template left unfilled, no slug where a word belongs, "an" before a vowel.
      expect(job.description).not.toMatch(/\{\w+\}|[a-z]+-[a-z]+-[a-z]+ (?:coding|documentation)/);
      expect(job.description).not.toMatch(/\ba \*\*[AEIOU]/);
      // An on-site job never promises remote work, a remote one never an office.
      if (job.setting === "onsite") expect(job.description).not.toMatch(/remote(?! monitoring)/i);
      if (job.setting === "remote") expect(job.description).not.toMatch(/\bon site\b/i);
    }
  });

  it("gives a DRG validation auditor inpatient codes, never office visit codes", async () => {
    const db = getDb();
    await seedDemo(db);
    const auditors = await db
      .selectFrom("jobs")
      .select(["description"])
      .where("title", "like", "%DRG Validation Auditor%")
      .execute();
    expect(auditors.length).toBeGreaterThan(0);
    for (const { description } of auditors) {
      const codes = findCodes(description).map((c) => c.system);
      expect(codes.every((system) => system === "ICD-10-CM")).toBe(true);
    }
  });
});
