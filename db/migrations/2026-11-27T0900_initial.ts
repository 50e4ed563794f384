import { type Kysely, sql } from "kysely";

// Migrations take Kysely<any>: they are frozen in time and must not follow db/types.ts.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`create extension if not exists unaccent`.execute(db);

  await db.schema
    .createTable("users")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) =>
      c.notNull().check(sql`role in ('candidate', 'employer', 'admin')`),
    )
    .addColumn("password_hash", "text")
    .addColumn("email_verified_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index users_email_key on users (lower(email))`.execute(db);

  await db.schema
    .createTable("candidate_profiles")
    .addColumn("user_id", "integer", (c) =>
      c.primaryKey().references("users.id").onDelete("cascade"),
    )
    .addColumn("headline", "text")
    .addColumn("summary", "text")
    .addColumn("years_experience", "integer", (c) =>
      c.check(sql`years_experience between 0 and 60`),
    )
    .addColumn("city", "text")
    .addColumn("state", "text")
    .addColumn("zip", "text")
    .addColumn("setting_preference", "text", (c) =>
      c.check(sql`setting_preference in ('remote', 'hybrid', 'onsite', 'any')`),
    )
    .addColumn("credential_codes", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("specialty_slugs", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("companies")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) =>
      c.check(
        sql`kind in ('hospital_system', 'physician_group', 'coding_vendor', 'payer', 'health_tech', 'other')`,
      ),
    )
    .addColumn("website", "text")
    .addColumn("description", "text")
    .addColumn("size", "text")
    .addColumn("headquarters", "text")
    .addColumn("verified_at", "timestamptz")
    .addColumn("stripe_customer_id", "text", (c) => c.unique())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("company_members")
    .addColumn("company_id", "integer", (c) =>
      c.notNull().references("companies.id").onDelete("cascade"),
    )
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('owner', 'recruiter')`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("company_members_pkey", ["company_id", "user_id"])
    .execute();
  await db.schema
    .createIndex("company_members_user_idx")
    .on("company_members")
    .column("user_id")
    .execute();

  await db.schema
    .createTable("specialties")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("group", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull())
    .addColumn("verify_note", "text")
    .execute();

  await db.schema
    .createTable("specialty_code_ranges")
    .addColumn("specialty_id", "integer", (c) =>
      c.notNull().references("specialties.id").onDelete("cascade"),
    )
    .addColumn("system", "text", (c) => c.notNull())
    .addColumn("from_code", "text", (c) => c.notNull())
    .addColumn("to_code", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("specialty_code_ranges_pkey", [
      "specialty_id",
      "system",
      "from_code",
      "to_code",
    ])
    .execute();

  await db.schema
    .createTable("credentials")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("issuer", "text", (c) => c.notNull())
    .addColumn("focus", "text")
    .addColumn("verify_note", "text")
    .execute();

  await db.schema
    .createTable("credential_specialties")
    .addColumn("credential_id", "integer", (c) =>
      c.notNull().references("credentials.id").onDelete("cascade"),
    )
    .addColumn("specialty_id", "integer", (c) =>
      c.notNull().references("specialties.id").onDelete("cascade"),
    )
    .addPrimaryKeyConstraint("credential_specialties_pkey", ["credential_id", "specialty_id"])
    .execute();

  // Ranges of every code system we resolve; the narrowest range containing a code wins.
  await db.schema
    .createTable("code_ranges")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("ref", "text", (c) => c.notNull().unique())
    .addColumn("system", "text", (c) =>
      c.notNull().check(sql`system in ('CPT', 'HCPCS', 'ICD-10-CM', 'ICD-10-PCS')`),
    )
    .addColumn("category", "text")
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("section", "text")
    .addColumn("from_code", "text", (c) => c.notNull())
    .addColumn("to_code", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("confidence", "text", (c) => c.notNull().defaultTo("high"))
    .addColumn("verified", "boolean", (c) => c.notNull().defaultTo(true))
    .execute();
  await db.schema
    .createIndex("code_ranges_lookup_idx")
    .on("code_ranges")
    .columns(["system", "from_code", "to_code"])
    .execute();

  await db.schema
    .createTable("code_range_specialties")
    .addColumn("code_range_id", "integer", (c) =>
      c.notNull().references("code_ranges.id").onDelete("cascade"),
    )
    .addColumn("specialty_id", "integer", (c) =>
      c.notNull().references("specialties.id").onDelete("cascade"),
    )
    .addPrimaryKeyConstraint("code_range_specialties_pkey", ["code_range_id", "specialty_id"])
    .execute();

  // Curated single codes (e.g. Category III) with a status; never AMA descriptor text.
  await db.schema
    .createTable("codes")
    .addColumn("code", "text", (c) => c.primaryKey())
    .addColumn("system", "text", (c) => c.notNull())
    .addColumn("topic", "text", (c) => c.notNull())
    .addColumn("status", "text")
    .addColumn("replaced_by", "text")
    .addColumn("confidence", "text", (c) => c.notNull().defaultTo("medium"))
    .execute();
  await db.schema
    .createTable("code_specialties")
    .addColumn("code", "text", (c) => c.notNull().references("codes.code").onDelete("cascade"))
    .addColumn("specialty_id", "integer", (c) =>
      c.notNull().references("specialties.id").onDelete("cascade"),
    )
    .addPrimaryKeyConstraint("code_specialties_pkey", ["code", "specialty_id"])
    .execute();

  await db.schema
    .createTable("jobs")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("company_id", "integer", (c) =>
      c.notNull().references("companies.id").onDelete("cascade"),
    )
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("slug", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("setting", "text", (c) =>
      c.notNull().check(sql`setting in ('remote', 'hybrid', 'onsite')`),
    )
    .addColumn("employment_type", "text", (c) =>
      c
        .notNull()
        .check(
          sql`employment_type in ('full_time', 'part_time', 'contract', 'per_diem', 'temporary')`,
        ),
    )
    .addColumn("level", "text", (c) =>
      c.notNull().check(sql`level in ('entry', 'mid', 'senior', 'lead')`),
    )
    .addColumn("years_experience", "integer", (c) =>
      c.check(sql`years_experience between 0 and 40`),
    )
    .addColumn("city", "text")
    .addColumn("state", "text")
    .addColumn("zip", "text")
    .addColumn("latitude", "double precision")
    .addColumn("longitude", "double precision")
    .addColumn("remote_states", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("salary_period", "text", (c) => c.check(sql`salary_period in ('hour', 'year')`))
    .addColumn("salary_min_cents", "integer", (c) => c.check(sql`salary_min_cents > 0`))
    .addColumn("salary_max_cents", "integer", (c) => c.check(sql`salary_max_cents > 0`))
    // Annual equivalents (2,080 hours a year) so hourly and salaried pay compare and index alike.
    .addColumn("salary_min_annual", "integer", (c) =>
      c
        .generatedAlwaysAs(
          sql`case when salary_period = 'hour' then salary_min_cents * 2080 / 100 else salary_min_cents / 100 end`,
        )
        .stored(),
    )
    .addColumn("salary_max_annual", "integer", (c) =>
      c
        .generatedAlwaysAs(
          sql`case when salary_period = 'hour' then salary_max_cents * 2080 / 100 else salary_max_cents / 100 end`,
        )
        .stored(),
    )
    .addColumn("charts_per_day", "integer", (c) => c.check(sql`charts_per_day > 0`))
    .addColumn("accuracy_pct", sql`numeric(5,2)`, (c) =>
      c.check(sql`accuracy_pct > 0 and accuracy_pct <= 100`),
    )
    .addColumn("apply_method", "text", (c) =>
      c.notNull().defaultTo("site").check(sql`apply_method in ('site', 'url', 'email')`),
    )
    .addColumn("apply_url", "text")
    .addColumn("apply_email", "text")
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("draft")
        .check(
          sql`status in ('draft', 'pending_payment', 'pending_review', 'published', 'expired', 'closed', 'removed')`,
        ),
    )
    .addColumn("published_at", "timestamptz")
    .addColumn("valid_through", "timestamptz")
    .addColumn("featured_until", "timestamptz")
    .addColumn("closed_at", "timestamptz")
    .addColumn("search_vector", sql`tsvector`)
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      "jobs_salary_order",
      sql`salary_max_cents is null or salary_min_cents is null or salary_max_cents >= salary_min_cents`,
    )
    .addCheckConstraint(
      "jobs_published_dates",
      sql`status <> 'published' or (published_at is not null and valid_through is not null)`,
    )
    .execute();
  // Listing indexes cover only what is ever listed: published jobs.
  await sql`create index jobs_published_date_idx on jobs (published_at desc, id desc) where status = 'published'`.execute(
    db,
  );
  await sql`create index jobs_published_valid_idx on jobs (valid_through) where status = 'published'`.execute(
    db,
  );
  await sql`create index jobs_company_idx on jobs (company_id, status)`.execute(db);
  await sql`create index jobs_search_idx on jobs using gin (search_vector)`.execute(db);
  await sql`create index jobs_title_trgm_idx on jobs using gin (title gin_trgm_ops)`.execute(db);

  await db.schema
    .createTable("job_specialties")
    .addColumn("job_id", "integer", (c) => c.notNull().references("jobs.id").onDelete("cascade"))
    .addColumn("specialty_id", "integer", (c) =>
      c.notNull().references("specialties.id").onDelete("cascade"),
    )
    .addColumn("source", "text", (c) =>
      c.notNull().defaultTo("picked").check(sql`source in ('picked', 'inferred')`),
    )
    .addPrimaryKeyConstraint("job_specialties_pkey", ["job_id", "specialty_id"])
    .execute();
  await db.schema
    .createIndex("job_specialties_specialty_idx")
    .on("job_specialties")
    .columns(["specialty_id", "job_id"])
    .execute();

  await db.schema
    .createTable("job_credentials")
    .addColumn("job_id", "integer", (c) => c.notNull().references("jobs.id").onDelete("cascade"))
    .addColumn("credential_id", "integer", (c) =>
      c.notNull().references("credentials.id").onDelete("cascade"),
    )
    .addColumn("required", "boolean", (c) => c.notNull().defaultTo(false))
    .addPrimaryKeyConstraint("job_credentials_pkey", ["job_id", "credential_id"])
    .execute();
  await db.schema
    .createIndex("job_credentials_credential_idx")
    .on("job_credentials")
    .columns(["credential_id", "job_id"])
    .execute();

  // Seed bookkeeping: one row per seed that has run, so a second start never seeds twice.
  await db.schema
    .createTable("seed_runs")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("ran_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "seed_runs",
    "job_credentials",
    "job_specialties",
    "jobs",
    "code_specialties",
    "codes",
    "code_range_specialties",
    "code_ranges",
    "credential_specialties",
    "credentials",
    "specialty_code_ranges",
    "specialties",
    "company_members",
    "companies",
    "candidate_profiles",
    "users",
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
