import { type Kysely, sql } from "kysely";

// Verification: companies prove their website's domain with a work email on it, and coders'
// credentials get a row each (number, expiry, who checked it and how) instead of a text[].
// See docs/decisions/018-verification.md.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("companies")
    .addColumn("verified_domain", "text")
    .addColumn("verified_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .execute();
  // Companies verified before this migration keep their badge, on their website's domain.
  await sql`
    update companies
       set verified_domain = lower(regexp_replace(substring(website from '^https?://([^/:?#]+)'), '^www\\.', ''))
     where verified_at is not null and website is not null
  `.execute(db);

  await db.schema
    .createTable("company_verifications")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("company_id", "integer", (c) =>
      c.notNull().references("companies.id").onDelete("cascade"),
    )
    .addColumn("requested_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("domain", "text", (c) => c.notNull())
    .addColumn("website", "text", (c) => c.notNull())
    .addColumn("work_email", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("token_expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("email_confirmed_at", "timestamptz")
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("awaiting_email")
        .check(
          sql`status in ('awaiting_email', 'awaiting_review', 'granted', 'refused', 'withdrawn')`,
        ),
    )
    .addColumn("decided_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("decided_at", "timestamptz")
    .addColumn("decision_note", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("company_verifications_company_idx")
    .on("company_verifications")
    .columns(["company_id", "created_at"])
    .execute();
  await sql`create index company_verifications_queue_idx on company_verifications (email_confirmed_at) where status = 'awaiting_review'`.execute(
    db,
  );

  // One row per credential a coder holds. Changing the number or the expiry clears the
  // verification: what was checked is no longer what is shown.
  await db.schema
    .createTable("candidate_credentials")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("credential_id", "integer", (c) =>
      c.notNull().references("credentials.id").onDelete("cascade"),
    )
    .addColumn("member_number", "text", (c) => c.check(sql`length(member_number) <= 40`))
    .addColumn("expires_on", "date")
    .addColumn("verified_at", "timestamptz")
    .addColumn("verified_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("verification_method", "text")
    .addColumn("verification_note", "text")
    .addColumn("expiry_warned_for", "date")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("candidate_credentials_user_credential_key", ["user_id", "credential_id"])
    .addCheckConstraint(
      "candidate_credentials_verified_how",
      sql`verified_at is null or verification_method is not null`,
    )
    .execute();
  // "Jobs that fit you" joins job_credentials to this by credential.
  await db.schema
    .createIndex("candidate_credentials_credential_idx")
    .on("candidate_credentials")
    .columns(["credential_id", "user_id"])
    .execute();
  await sql`create index candidate_credentials_expiry_idx on candidate_credentials (expires_on) where expires_on is not null`.execute(
    db,
  );
  await sql`
    insert into candidate_credentials (user_id, credential_id)
    select p.user_id, c.id
      from candidate_profiles p
      cross join lateral unnest(p.credential_codes) as u(code)
      join credentials c on c.code = u.code
    on conflict do nothing
  `.execute(db);
  await db.schema.alterTable("candidate_profiles").dropColumn("credential_codes").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("candidate_profiles")
    .addColumn("credential_codes", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .execute();
  await sql`
    update candidate_profiles p
       set credential_codes = coalesce((
         select array_agg(c.code order by c.code)
           from candidate_credentials cc join credentials c on c.id = cc.credential_id
          where cc.user_id = p.user_id), '{}')
  `.execute(db);
  await db.schema.dropTable("candidate_credentials").execute();
  await db.schema.dropTable("company_verifications").execute();
  await db.schema
    .alterTable("companies")
    .dropColumn("verified_domain")
    .dropColumn("verified_by")
    .execute();
}
