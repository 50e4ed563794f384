// What operators see of companies and people: history, members, jobs, suspension.
import { sql } from "kysely";
import { getDb } from "~/utils/db.server";

const escapeLike = (text: string) => text.replace(/[\\%_]/g, "\\$&");

/** A company's track record: jobs by status, money in and back, reports, past reviews. */
export async function getCompanyHistory(companyId: number) {
  const db = getDb();
  const [company, jobs, orders, reports, reviews] = await Promise.all([
    db
      .selectFrom("companies")
      .select([
        "id",
        "name",
        "slug",
        "website",
        "created_at",
        "verified_at",
        "verified_domain",
        "suspended_at",
        "suspended_reason",
      ])
      .where("id", "=", companyId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("jobs")
      .select(["status", (eb) => eb.fn.countAll<number>().as("count")])
      .where("company_id", "=", companyId)
      .groupBy("status")
      .execute(),
    db
      .selectFrom("orders")
      .select([
        sql<number>`count(*) filter (where status = 'paid')::int`.as("paid"),
        sql<number>`count(*) filter (where status = 'refunded')::int`.as("refunded"),
        sql<number>`count(*) filter (where status = 'disputed')::int`.as("disputed"),
        sql<number>`coalesce(sum(amount_paid_cents) filter (where status = 'paid'), 0)::int`.as(
          "paid_cents",
        ),
      ])
      .where("company_id", "=", companyId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("reports")
      .innerJoin("jobs", "jobs.id", "reports.job_id")
      .select([
        sql<number>`count(*)::int`.as("total"),
        sql<number>`count(*) filter (where reports.status = 'open')::int`.as("open"),
        sql<number>`count(*) filter (where reports.status = 'upheld')::int`.as("upheld"),
      ])
      .where("jobs.company_id", "=", companyId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("job_reviews")
      .select(["status", (eb) => eb.fn.countAll<number>().as("count")])
      .where("company_id", "=", companyId)
      .groupBy("status")
      .execute(),
  ]);
  const counts = (rows: { status: string; count: number }[]) =>
    Object.fromEntries(rows.map((r) => [r.status, r.count])) as Record<string, number>;
  return { company, jobs: counts(jobs), orders, reports, reviews: counts(reviews) };
}

export async function listCompaniesForAdmin({ q }: { q?: string }) {
  let query = getDb()
    .selectFrom("companies")
    .select([
      "id",
      "name",
      "slug",
      "website",
      "verified_at",
      "suspended_at",
      "created_at",
      (eb) =>
        eb
          .selectFrom("jobs")
          .select((j) => j.fn.countAll<number>().as("n"))
          .whereRef("jobs.company_id", "=", "companies.id")
          .as("job_count"),
    ])
    .orderBy("created_at", "desc")
    .limit(100);
  const term = q?.trim();
  if (term) query = query.where("name", "ilike", `%${escapeLike(term)}%`);
  return query.execute();
}

export async function getCompanyForAdmin(companyId: number) {
  const db = getDb();
  const exists = await db
    .selectFrom("companies")
    .select("id")
    .where("id", "=", companyId)
    .executeTakeFirst();
  if (!exists) return null;
  const [history, members, jobs, verifications] = await Promise.all([
    getCompanyHistory(companyId),
    db
      .selectFrom("company_members")
      .innerJoin("users", "users.id", "company_members.user_id")
      .select([
        "users.id",
        "users.name",
        "users.email",
        "users.suspended_at",
        "company_members.role",
      ])
      .where("company_members.company_id", "=", companyId)
      .orderBy("company_members.created_at")
      .execute(),
    db
      .selectFrom("jobs")
      .select(["id", "title", "slug", "status", "valid_through", "held_since", "published_at"])
      .where("company_id", "=", companyId)
      .orderBy("id", "desc")
      .limit(50)
      .execute(),
    db
      .selectFrom("company_verifications")
      .leftJoin("users", "users.id", "company_verifications.decided_by")
      .select([
        "company_verifications.id",
        "company_verifications.domain",
        "company_verifications.work_email",
        "company_verifications.status",
        "company_verifications.email_confirmed_at",
        "company_verifications.decision_note",
        "company_verifications.decided_at",
        "company_verifications.created_at",
        "users.name as decided_by_name",
      ])
      .where("company_verifications.company_id", "=", companyId)
      .orderBy("company_verifications.id", "desc")
      .limit(10)
      .execute(),
  ]);
  return { ...history, members, jobList: jobs, verifications };
}

export async function listUsersForAdmin({ q }: { q?: string }) {
  let query = getDb()
    .selectFrom("users")
    .select(["id", "name", "email", "role", "created_at", "suspended_at", "email_verified_at"])
    .orderBy("id", "desc")
    .limit(100);
  const term = q?.trim();
  if (term) {
    const like = `%${escapeLike(term)}%`;
    query = query.where((eb) => eb.or([eb("email", "ilike", like), eb("name", "ilike", like)]));
  }
  return query.execute();
}

export async function getUserForAdmin(userId: number) {
  const db = getDb();
  const user = await db
    .selectFrom("users")
    .leftJoin("users as by", "by.id", "users.suspended_by")
    .select([
      "users.id",
      "users.name",
      "users.email",
      "users.role",
      "users.created_at",
      "users.email_verified_at",
      "users.suspended_at",
      "users.suspended_reason",
      "by.name as suspended_by_name",
    ])
    .where("users.id", "=", userId)
    .executeTakeFirst();
  if (!user) return null;
  const [companies, jobs, sessions] = await Promise.all([
    db
      .selectFrom("company_members")
      .innerJoin("companies", "companies.id", "company_members.company_id")
      .select(["companies.id", "companies.name", "companies.suspended_at", "company_members.role"])
      .where("company_members.user_id", "=", userId)
      .execute(),
    db
      .selectFrom("jobs")
      .select(["id", "title", "status", "held_since"])
      .where("created_by", "=", userId)
      .orderBy("id", "desc")
      .limit(50)
      .execute(),
    db
      .selectFrom("sessions")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("user_id", "=", userId)
      .executeTakeFirstOrThrow(),
  ]);
  return { user, companies, jobs, sessions: sessions.n };
}
