import { sql } from "kysely";
import { isOpen } from "~/jobs/jobs.server";
import { getDb } from "~/utils/db.server";

/** Every specialty with its number of open jobs, for the home page and the specialty index. */
export async function listSpecialtiesWithCounts() {
  return getDb()
    .selectFrom("specialties")
    .select(["specialties.slug", "specialties.name", "specialties.group"])
    .select((eb) =>
      eb.fn
        .coalesce(
          eb
            .selectFrom("job_specialties")
            .innerJoin("jobs", "jobs.id", "job_specialties.job_id")
            .whereRef("job_specialties.specialty_id", "=", "specialties.id")
            .where(isOpen)
            .select(sql<number>`count(*)::int`.as("n")),
          sql<number>`0`,
        )
        .as("open_jobs"),
    )
    .orderBy("specialties.name")
    .execute();
}
