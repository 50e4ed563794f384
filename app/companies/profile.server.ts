import type { z } from "zod";
import type { Actor } from "~/admin/audit.server";
import { logoVersion } from "~/companies/logo.server";
import { refreshSearchVectors } from "~/jobs/search-vector.server";
import { getDb } from "~/utils/db.server";
import type { CompanyProfileSchema } from "./profile-schemas";
import { lapseVerificationOnNewDomain } from "./verification.server";

export async function getCompanyProfile(companyId: number) {
  return getDb()
    .selectFrom("companies")
    .select([
      "id",
      "name",
      "slug",
      "kind",
      "website",
      "description",
      "size",
      "headquarters",
      "verified_at",
      "verified_domain",
      logoVersion("companies").as("logo_version"),
    ])
    .where("id", "=", companyId)
    .executeTakeFirstOrThrow();
}

/**
 * The company's public profile; its name is part of every job's search document. A new
 * website on another domain ends the verification (it vouched for the old one): returns
 * whether it did.
 */
export async function updateCompanyProfile(
  companyId: number,
  values: z.infer<typeof CompanyProfileSchema>,
  { actor }: { actor: Actor },
) {
  const db = getDb();
  return db.transaction().execute(async (trx) => {
    const lapsed = await lapseVerificationOnNewDomain(trx, {
      companyId,
      website: values.website ?? null,
      actor,
    });
    const before = await trx
      .selectFrom("companies")
      .select("name")
      .where("id", "=", companyId)
      .executeTakeFirstOrThrow();
    await trx
      .updateTable("companies")
      .set({
        name: values.name,
        kind: values.kind ?? null,
        website: values.website ?? null,
        description: values.description ?? null,
        size: values.size ?? null,
        headquarters: values.headquarters ?? null,
        updated_at: new Date(),
      })
      .where("id", "=", companyId)
      .execute();
    if (before.name !== values.name) {
      const jobs = await trx
        .selectFrom("jobs")
        .select("id")
        .where("company_id", "=", companyId)
        .execute();
      await refreshSearchVectors(
        trx,
        jobs.map((j) => j.id),
      );
    }
    return { verificationLapsed: lapsed };
  });
}
