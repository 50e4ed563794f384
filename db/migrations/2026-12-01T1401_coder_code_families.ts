import { type Kysely, sql } from "kysely";

// The code families a coder works in (code_ranges refs, e.g. "cpt-em"): matched against the
// codes a posting names for "Jobs that fit you".
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("candidate_profiles")
    .addColumn("code_families", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("candidate_profiles").dropColumn("code_families").execute();
}
