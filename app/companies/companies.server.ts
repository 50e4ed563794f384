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
      logoVersion("companies").as("logo_version"),
    ])
    .where("slug", "=", slug)
    .executeTakeFirst();
  if (!company) return null;
  const { jobs, total } = await listOpenJobCards(db, { filter: atCompany(company.id), limit: 50 });
  return { company, jobs, totalJobs: total };
}
