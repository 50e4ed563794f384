// A coder's profile: what they tell employers once and every application starts from.
import { sql } from "kysely";
import { getDb } from "~/utils/db.server";
import {
  type CredentialEntry,
  listCandidateCredentials,
  saveCandidateCredentials,
} from "./credentials.server";

export async function listProfileOptions() {
  const db = getDb();
  const [credentials, specialties] = await Promise.all([
    db.selectFrom("credentials").select(["code", "name", "issuer"]).orderBy("code").execute(),
    db.selectFrom("specialties").select(["slug", "name"]).orderBy("name").execute(),
  ]);
  // The code families a coder can say they work in: the CPT sections, in code order.
  const codeFamilies = await db
    .selectFrom("code_ranges")
    .select(["ref", "label", "from_code", "to_code"])
    .where("system", "=", "CPT")
    .where("section", "is", null)
    .orderBy(sql`from_code collate "C"`)
    .execute();
  return { credentials, specialties, codeFamilies };
}

export async function getProfile(userId: number) {
  const [profile, files, credentials] = await Promise.all([
    getDb()
      .selectFrom("candidate_profiles")
      .select([
        "headline",
        "summary",
        "years_experience",
        "phone",
        "city",
        "state",
        "zip",
        "setting_preference",
        "specialty_slugs",
        "code_families",
        "default_resume_file_id",
      ])
      .where("user_id", "=", userId)
      .executeTakeFirst(),
    getDb()
      .selectFrom("files")
      .select(["id", "original_name", "kind", "size_bytes", "created_at"])
      .where("user_id", "=", userId)
      .orderBy("created_at", "desc")
      .execute(),
    listCandidateCredentials(userId),
  ]);
  return { profile: profile ?? null, files, credentials };
}

export type ProfileInput = {
  headline?: string;
  summary?: string;
  yearsExperience?: number;
  phone?: string;
  city?: string;
  state?: string;
  zip?: string;
  settingPreference?: "remote" | "hybrid" | "onsite" | "any";
  credentials: CredentialEntry[];
  specialties: string[];
  codeFamilies?: string[];
  defaultResumeFileId?: number | null;
};

/** Saves the profile; unknown credential codes and specialty slugs are dropped, files must be the user's. */
export async function saveProfile(userId: number, input: ProfileInput) {
  const db = getDb();
  const [specialties, families, resume] = await Promise.all([
    input.specialties.length
      ? db.selectFrom("specialties").select("slug").where("slug", "in", input.specialties).execute()
      : [],
    input.codeFamilies?.length
      ? db.selectFrom("code_ranges").select("ref").where("ref", "in", input.codeFamilies).execute()
      : [],
    input.defaultResumeFileId
      ? db
          .selectFrom("files")
          .select("id")
          .where("id", "=", input.defaultResumeFileId)
          .where("user_id", "=", userId)
          .executeTakeFirst()
      : undefined,
  ]);
  const values = {
    headline: input.headline || null,
    summary: input.summary || null,
    years_experience: input.yearsExperience ?? null,
    phone: input.phone || null,
    city: input.city || null,
    state: input.state?.toUpperCase() || null,
    zip: input.zip || null,
    setting_preference: input.settingPreference ?? null,
    specialty_slugs: specialties.map((s) => s.slug).sort(),
    ...(input.codeFamilies !== undefined
      ? { code_families: families.map((f) => f.ref).sort() }
      : {}),
    ...(input.defaultResumeFileId !== undefined
      ? { default_resume_file_id: resume?.id ?? null }
      : {}),
    updated_at: sql<Date>`now()`,
  };
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("candidate_profiles")
      .values({ user_id: userId, ...values })
      .onConflict((oc) => oc.column("user_id").doUpdateSet(values))
      .execute();
    await saveCandidateCredentials(trx, userId, input.credentials);
  });
}

export async function setDefaultResume(userId: number, fileId: number) {
  await getDb()
    .insertInto("candidate_profiles")
    .values({ user_id: userId, default_resume_file_id: fileId })
    .onConflict((oc) =>
      oc.column("user_id").doUpdateSet({ default_resume_file_id: fileId, updated_at: sql`now()` }),
    )
    .execute();
}
