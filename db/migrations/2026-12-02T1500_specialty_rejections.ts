import { type Kysely, sql } from "kysely";

// Issue 15: a suggested specialty the employer removed from a job. The tagger never writes an
// inferred link that has a row here; picking the specialty deletes the row (decision 028).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("job_specialty_rejections")
    .addColumn("job_id", "integer", (c) => c.notNull().references("jobs.id").onDelete("cascade"))
    .addColumn("specialty_id", "integer", (c) =>
      c.notNull().references("specialties.id").onDelete("cascade"),
    )
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("job_specialty_rejections_pkey", ["job_id", "specialty_id"])
    .execute();
  await db.schema
    .createIndex("job_specialty_rejections_specialty_idx")
    .on("job_specialty_rejections")
    .column("specialty_id")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("job_specialty_rejections").execute();
}
