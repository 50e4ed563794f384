import { type Kysely, sql } from "kysely";
import type { DB } from "#db/types";
import { atCompany, listOpenJobCards } from "~/codes/job-lists.server";
import { getDb } from "~/utils/db.server";
import { logoVersion } from "./logo.server";

/** A public company profile with its newest open jobs; null for an unknown slug. */
export async function getCompanyPage(slug: string) {
  const db = getDb();
  const company = await db
    .selectFrom("companies")
    .select([
      "id",
      "slug",
      "name",
      "kind",
      "website",
      "description",
      "size",
      "headquarters",
      "verified_at",
      "verified_domain",
      logoVersion("companies").as("logo_version"),
    ])
    .where("slug", "=", slug)
    .executeTakeFirst();
  if (!company) return null;
  const { jobs, total } = await listOpenJobCards(db, { filter: atCompany(company.id), limit: 50 });
  return { company, jobs, totalJobs: total };
}

/** Who hears about a company's job: the member who posted it, else the first owner. */
export async function companyContact(
  db: Kysely<DB>,
  { companyId, preferUserId }: { companyId: number; preferUserId?: number | null },
) {
  return db
    .selectFrom("company_members")
    .innerJoin("users", "users.id", "company_members.user_id")
    .select(["users.id", "users.email", "users.name"])
    .where("company_members.company_id", "=", companyId)
    .orderBy(sql`company_members.user_id = ${preferUserId ?? 0}`, "desc")
    .orderBy(sql`company_members.role = 'owner'`, "desc")
    .orderBy("company_members.created_at")
    .executeTakeFirst();
}
