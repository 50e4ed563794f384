import { type Kysely, sql } from "kysely";
import { refreshJobCodes } from "../../app/codes/job-codes.server";

// The codes each job's posting names, with the family each belongs to (the narrowest range, or
// the three-character category for ICD-10-CM): what a code page ranks its jobs by. Filled when a
// job is tagged (every save of its text); existing jobs are read once here.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("job_codes")
    .addColumn("job_id", "integer", (c) => c.notNull().references("jobs.id").onDelete("cascade"))
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("system", "text", (c) => c.notNull())
    .addColumn("family", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("job_codes_pkey", ["job_id", "code"])
    .execute();
  await db.schema
    .createIndex("job_codes_code_idx")
    .on("job_codes")
    .columns(["code", "job_id"])
    .execute();
  await db.schema
    .createIndex("job_codes_family_idx")
    .on("job_codes")
    .columns(["family", "job_id"])
    .execute();
  // Range pages read codes between two bounds in byte order.
  await sql`create index job_codes_system_code_idx on job_codes (system, code collate "C", job_id)`.execute(
    db,
  );
  await refreshJobCodes(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("job_codes").ifExists().execute();
}
