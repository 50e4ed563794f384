import type { Kysely } from "kysely";

// A company's logo: the storage key of its resized WebP, and when it last changed (the
// public URL carries it as ?v= so browsers can cache the image for a day).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("companies")
    .addColumn("logo_key", "text")
    .addColumn("logo_updated_at", "timestamptz")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("companies")
    .dropColumn("logo_key")
    .dropColumn("logo_updated_at")
    .execute();
}
