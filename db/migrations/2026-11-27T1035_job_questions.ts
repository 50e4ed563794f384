import { type Kysely, sql } from "kysely";

// Screening questions an employer asks with a job (at most five): yes/no or short text.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("job_questions")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("job_id", "integer", (c) => c.notNull().references("jobs.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull().check(sql`position between 1 and 5`))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('yes_no', 'text')`))
    .addColumn("prompt", "text", (c) => c.notNull().check(sql`length(prompt) between 1 and 300`))
    .addColumn("required", "boolean", (c) => c.notNull().defaultTo(true))
    .addUniqueConstraint("job_questions_position_key", ["job_id", "position"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("job_questions").ifExists().execute();
}
