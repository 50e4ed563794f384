import { type Kysely, sql } from "kysely";

// Resumes, applications and the employer's pipeline. Applications outlive the candidate's
// account (candidate_id goes null, personal snapshot columns are cleared) so the company's
// history stays consistent; see docs/decisions/012-files-and-applications.md.
export async function up(db: Kysely<any>): Promise<void> {
  // Uploaded files: the bytes live in storage (disk or S3) under storage_key, never under the
  // name the user gave. user_id is null only for an upload made on the apply page before the
  // visitor had an account; claim_token_hash lets the same visitor attach it after signing up.
  await db.schema
    .createTable("files")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("user_id", "integer", (c) => c.references("users.id").onDelete("cascade"))
    .addColumn("storage_key", "text", (c) => c.notNull().unique())
    .addColumn("original_name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('pdf', 'docx')`))
    .addColumn("content_type", "text", (c) => c.notNull())
    .addColumn("size_bytes", "integer", (c) => c.notNull().check(sql`size_bytes > 0`))
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("claim_token_hash", "text", (c) => c.unique())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("files_user_idx").on("files").column("user_id").execute();
  await sql`create index files_unclaimed_idx on files (created_at) where user_id is null`.execute(
    db,
  );

  await db.schema
    .alterTable("candidate_profiles")
    .addColumn("default_resume_file_id", "integer", (c) =>
      c.references("files.id").onDelete("set null"),
    )
    .addColumn("phone", "text")
    .execute();

  // Per-company notification choices.
  await db.schema
    .alterTable("companies")
    .addColumn("notify_candidate_on_status", "boolean", (c) => c.notNull().defaultTo(true))
    .addColumn("new_application_email", "text", (c) =>
      c
        .notNull()
        .defaultTo("instant")
        .check(sql`new_application_email in ('instant', 'daily', 'off')`),
    )
    .execute();

  await db.schema
    .createTable("applications")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("job_id", "integer", (c) => c.notNull().references("jobs.id").onDelete("cascade"))
    // Denormalised from the job so every employer query can put ownership in its WHERE clause.
    .addColumn("company_id", "integer", (c) =>
      c.notNull().references("companies.id").onDelete("cascade"),
    )
    .addColumn("candidate_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    // Snapshot at apply time: what the employer received. Cleared when the account is deleted.
    .addColumn("candidate_name", "text")
    .addColumn("candidate_email", "text")
    .addColumn("candidate_phone", "text")
    .addColumn("headline", "text")
    .addColumn("years_experience", "integer")
    .addColumn("location", "text")
    .addColumn("cover_letter", "text", (c) => c.check(sql`length(cover_letter) <= 10000`))
    .addColumn("credential_codes", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("aapc_member_number", "text")
    .addColumn("ahima_member_number", "text")
    // [{ question_id, prompt, kind, answer }]: prompts are copied so later edits to the job
    // do not change what the candidate answered.
    .addColumn("answers", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("resume_file_id", "integer", (c) => c.references("files.id").onDelete("set null"))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("new")
        .check(
          sql`status in ('new', 'reviewing', 'interview', 'offer', 'hired', 'rejected', 'withdrawn')`,
        ),
    )
    .addColumn("candidate_deleted_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("applications_job_candidate_key", ["job_id", "candidate_id"])
    .execute();
  await sql`create index applications_company_job_idx on applications (company_id, job_id, created_at desc)`.execute(
    db,
  );
  await sql`create index applications_candidate_idx on applications (candidate_id, created_at desc)`.execute(
    db,
  );
  await sql`create index applications_resume_idx on applications (resume_file_id) where resume_file_id is not null`.execute(
    db,
  );

  // Every status change: who (actor null for the system or a deleted user), when, from, to.
  await db.schema
    .createTable("application_events")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("application_id", "integer", (c) =>
      c.notNull().references("applications.id").onDelete("cascade"),
    )
    .addColumn("actor_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("actor_kind", "text", (c) =>
      c.notNull().check(sql`actor_kind in ('candidate', 'employer', 'system')`),
    )
    .addColumn("actor_name", "text")
    .addColumn("from_status", "text")
    .addColumn("to_status", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("application_events_application_idx")
    .on("application_events")
    .columns(["application_id", "id"])
    .execute();

  // Company-internal notes: company_id is repeated so reads filter by it directly.
  await db.schema
    .createTable("application_notes")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("application_id", "integer", (c) =>
      c.notNull().references("applications.id").onDelete("cascade"),
    )
    .addColumn("company_id", "integer", (c) =>
      c.notNull().references("companies.id").onDelete("cascade"),
    )
    .addColumn("author_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("author_name", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull().check(sql`length(body) between 1 and 5000`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("application_notes_application_idx")
    .on("application_notes")
    .columns(["application_id", "company_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["application_notes", "application_events", "applications"]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await db.schema
    .alterTable("companies")
    .dropColumn("new_application_email")
    .dropColumn("notify_candidate_on_status")
    .execute();
  await db.schema
    .alterTable("candidate_profiles")
    .dropColumn("phone")
    .dropColumn("default_resume_file_id")
    .execute();
  await db.schema.dropTable("files").ifExists().execute();
}
