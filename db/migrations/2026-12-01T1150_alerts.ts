import { type Kysely, sql } from "kysely";

// Job alerts: a saved /jobs search emailed instantly, daily or weekly, and the jobs each alert
// has already sent. See docs/decisions/015-alerts.md.
export async function up(db: Kysely<any>): Promise<void> {
  // The moment a job first went live: alerts look at it once; renewals keep it.
  await db.schema.alterTable("jobs").addColumn("first_published_at", "timestamptz").execute();
  await sql`update jobs set first_published_at = published_at where published_at is not null`.execute(
    db,
  );
  // A digest's window of new jobs, read from this index alone: it carries every column the
  // matching reads (decision 015).
  await sql`create index jobs_open_first_published_idx on jobs (first_published_at)
    include (id, valid_through, company_id, setting, employment_type, level, salary_max_annual,
             published_at, featured_until, latitude, longitude, remote_states)
    where status = 'published'`.execute(db);

  await db.schema
    .createTable("alerts")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("user_id", "integer", (c) => c.references("users.id").onDelete("cascade"))
    // Who confirmed it; for an account's alert the account's current address is used instead.
    .addColumn("email", "text", (c) => c.notNull().check(sql`email = lower(email)`))
    .addColumn("name", "text", (c) => c.notNull().check(sql`length(name) between 1 and 120`))
    // The filters in words ("Remote CPC jobs within 50 miles of 43215"), for pages and emails.
    .addColumn("description", "text", (c) => c.notNull())
    // The normalized SearchFilters, and their canonical /jobs query string.
    .addColumn("filters", "jsonb", (c) => c.notNull())
    .addColumn("query", "text", (c) => c.notNull())
    .addColumn("frequency", "text", (c) =>
      c.notNull().check(sql`frequency in ('instant', 'daily', 'weekly')`),
    )
    .addColumn("time_zone", "text", (c) => c.notNull().defaultTo("America/New_York"))
    // Bearer token of the confirm, manage and unsubscribe links (160 random bits).
    .addColumn("token", "text", (c) => c.notNull().unique())
    .addColumn("confirmed_at", "timestamptz")
    .addColumn("paused_at", "timestamptz")
    .addColumn("paused_reason", "text", (c) =>
      c.check(sql`paused_reason in ('user', 'unsubscribed', 'bounced', 'complained')`),
    )
    // What the database matches on, derived from `filters` by one function (alertMatchColumns).
    .addColumn("match_tsquery", sql`tsquery`)
    .addColumn("match_specialty_ids", sql`integer[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("match_credential_ids", sql`integer[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("match_settings", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("match_types", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("match_levels", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("match_salary_min", "integer")
    .addColumn("match_posted_days", "integer")
    .addColumn("match_company_id", "integer", (c) =>
      c.references("companies.id").onDelete("cascade"),
    )
    .addColumn("match_latitude", "double precision")
    .addColumn("match_longitude", "double precision")
    .addColumn("match_state", "text")
    .addColumn("match_radius", "integer")
    .addColumn("match_box", sql`box`)
    // The last digest period sent (a local date: the day, or the Monday of the week) and the
    // moment of that run: the next digest looks at jobs first published after it.
    .addColumn("digest_period", "date")
    .addColumn("digest_cursor", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      "alerts_place",
      sql`(match_latitude is null) = (match_longitude is null) and (match_latitude is null) = (match_box is null)`,
    )
    .execute();
  await db.schema.createIndex("alerts_user_idx").on("alerts").column("user_id").execute();
  await db.schema.createIndex("alerts_email_idx").on("alerts").column("email").execute();
  await db.schema
    .createIndex("alerts_company_idx")
    .on("alerts")
    .column("match_company_id")
    .execute();
  // One alert per search and person: a second click finds the first.
  await sql`create unique index alerts_user_query_key on alerts (user_id, query) where user_id is not null`.execute(
    db,
  );
  await sql`create unique index alerts_email_query_key on alerts (email, query) where user_id is null`.execute(
    db,
  );
  // The digest run walks each frequency and zone's live alerts in search order, a batch at a
  // time (alerts that share a search are matched together).
  await sql`create index alerts_digest_due_idx on alerts (frequency, time_zone, query collate "C", id) include (digest_period) where confirmed_at is not null and paused_at is null and frequency <> 'instant'`.execute(
    db,
  );

  await db.schema
    .createTable("alert_deliveries")
    .addColumn("alert_id", "integer", (c) =>
      c.notNull().references("alerts.id").onDelete("cascade"),
    )
    .addColumn("job_id", "integer", (c) => c.notNull().references("jobs.id").onDelete("cascade"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("alert_deliveries_pkey", ["alert_id", "job_id"])
    .execute();
  await db.schema
    .createIndex("alert_deliveries_job_idx")
    .on("alert_deliveries")
    .column("job_id")
    .execute();

  // Job page views that arrived from an alert email (utm_source=alert), a source in the stats.
  await db.schema
    .alterTable("job_stats_daily")
    .addColumn("alert_views", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("job_stats_daily").dropColumn("alert_views").execute();
  await db.schema.dropTable("alert_deliveries").ifExists().execute();
  await db.schema.dropTable("alerts").ifExists().execute();
  await sql`drop index if exists jobs_open_first_published_idx`.execute(db);
  await db.schema.alterTable("jobs").dropColumn("first_published_at").execute();
}
