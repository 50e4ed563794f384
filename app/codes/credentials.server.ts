import { getDb } from "~/utils/db.server";
import { listOpenJobCards, withCredential } from "./job-lists.server";

/** Every credential with its issuer, for the credential index. */
export async function listCredentials() {
  return getDb()
    .selectFrom("credentials")
    .select(["code", "slug", "name", "issuer", "focus"])
    .orderBy("issuer")
    .orderBy("code")
    .execute();
}

/** A credential page: what it is, who issues it, the specialties it fits, jobs requiring or preferring it. */
export async function getCredentialPage(slug: string) {
  const db = getDb();
  const credential = await db
    .selectFrom("credentials")
    .select(["id", "code", "slug", "name", "issuer", "focus", "verify_note"])
    .where("slug", "=", slug)
    .executeTakeFirst();
  if (!credential) return null;
  const [specialties, required, preferred] = await Promise.all([
    db
      .selectFrom("credential_specialties")
      .innerJoin("specialties", "specialties.id", "credential_specialties.specialty_id")
      .select(["specialties.slug", "specialties.name"])
      .where("credential_specialties.credential_id", "=", credential.id)
      .orderBy("specialties.name")
      .execute(),
    listOpenJobCards(db, { filter: withCredential(credential.id, true), limit: 10 }),
    listOpenJobCards(db, { filter: withCredential(credential.id, false), limit: 10 }),
  ]);
  return { credential, specialties, required, preferred };
}
