import { type Kysely, sql } from "kysely";

// The operators' back office: the review queue, spam rules, reports, holds on jobs,
// suspensions, refunds asked of Stripe, and the append-only audit log.
// See docs/decisions/017-moderation-and-holds.md.
export async function up(db: Kysely<any>): Promise<void> {
  // While set, a published job is out of every public list and its clock is paused: the
  // time it spends held is added back to valid_through when the hold ends.
  await db.schema.alterTable("jobs").addColumn("held_since", "timestamptz").execute();

  for (const table of ["users", "companies"]) {
    await db.schema
      .alterTable(table)
      .addColumn("suspended_at", "timestamptz")
      .addColumn("suspended_reason", "text")
      .addColumn("suspended_by", "integer", (c) => c.references("users.id").onDelete("set null"))
      .execute();
  }

  // One row per submission of a paid job for review: what it paid for (days, featured, and
  // the order or credit to give back on rejection) and why it waits.
  await db.schema
    .createTable("job_reviews")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("job_id", "integer", (c) => c.notNull().references("jobs.id").onDelete("cascade"))
    .addColumn("company_id", "integer", (c) =>
      c.notNull().references("companies.id").onDelete("cascade"),
    )
    .addColumn("order_id", "integer", (c) => c.references("orders.id").onDelete("set null"))
    .addColumn("credit_use_id", "integer", (c) =>
      c.references("credit_uses.id").onDelete("set null"),
    )
    .addColumn("days", "integer", (c) => c.notNull().check(sql`days > 0`))
    .addColumn("featured", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("triggers", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("open")
        .check(sql`status in ('open', 'approved', 'rejected', 'changes_requested', 'resubmitted')`),
    )
    .addColumn("decided_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("decided_at", "timestamptz")
    .addColumn("decision_note", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index job_reviews_open_idx on job_reviews (created_at) where status = 'open'`.execute(
    db,
  );
  await db.schema.createIndex("job_reviews_job_idx").on("job_reviews").column("job_id").execute();
  await db.schema
    .createIndex("job_reviews_company_idx")
    .on("job_reviews")
    .column("company_id")
    .execute();
  await sql`create index job_reviews_order_idx on job_reviews (order_id) where order_id is not null`.execute(
    db,
  );
  // A job waits in the queue at most once at a time.
  await sql`create unique index job_reviews_one_active on job_reviews (job_id) where status in ('open', 'changes_requested')`.execute(
    db,
  );

  // A credit given back when a posting paid with it is rejected.
  await db.schema.alterTable("credit_uses").addColumn("returned_at", "timestamptz").execute();

  // Refunds an operator asked Stripe for; the charge.refunded webhook then marks the order.
  await db.schema
    .alterTable("orders")
    .addColumn("refund_requested_at", "timestamptz")
    .addColumn("refund_requested_by", "integer", (c) =>
      c.references("users.id").onDelete("set null"),
    )
    .addColumn("refund_reason", "text")
    .addColumn("stripe_refund_id", "text")
    .addColumn("refund_error", "text")
    .execute();

  // Spam rules operators edit: blocked domains and phrases, plus the detectors' settings.
  await db.schema
    .createTable("spam_rules")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('domain', 'phrase')`))
    .addColumn("value", "text", (c) =>
      c.notNull().check(sql`length(value) between 2 and 200 and value = lower(value)`),
    )
    .addColumn("note", "text")
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("spam_rules_kind_value_key", ["kind", "value"])
    .execute();
  await db.schema
    .createTable("spam_settings")
    .addColumn("id", "boolean", (c) => c.primaryKey().defaultTo(true).check(sql`id`))
    .addColumn("max_links", "integer", (c) =>
      c.notNull().defaultTo(3).check(sql`max_links between 0 and 100`),
    )
    .addColumn("flag_offsite_contact", "boolean", (c) => c.notNull().defaultTo(true))
    .addColumn("flag_applicant_fees", "boolean", (c) => c.notNull().defaultTo(true))
    .addColumn("updated_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.insertInto("spam_settings").values({ id: true }).execute();
  const shortener = "Link shortener: hides where a link really goes.";
  await db
    .insertInto("spam_rules")
    .values([
      { kind: "domain", value: "bit.ly", note: shortener },
      { kind: "domain", value: "tinyurl.com", note: shortener },
    ])
    .execute();

  // Reports of bad postings from anyone, signed in or not. Only a hash of the address is
  // kept: enough to count distinct reporters, not to find them.
  await db.schema
    .createTable("reports")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("job_id", "integer", (c) => c.notNull().references("jobs.id").onDelete("cascade"))
    .addColumn("reason", "text", (c) =>
      c
        .notNull()
        .check(
          sql`reason in ('scam', 'fees', 'misleading', 'not_coding', 'discriminatory', 'duplicate', 'other')`,
        ),
    )
    .addColumn("note", "text", (c) => c.check(sql`length(note) <= 2000`))
    .addColumn("reporter_hash", "text", (c) => c.notNull())
    .addColumn("reporter_user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("status", "text", (c) =>
      c.notNull().defaultTo("open").check(sql`status in ('open', 'dismissed', 'upheld')`),
    )
    .addColumn("resolved_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("resolved_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index reports_open_job_idx on reports (job_id) where status = 'open'`.execute(
    db,
  );
  await db.schema.createIndex("reports_job_idx").on("reports").column("job_id").execute();

  // Who did what, when, before and after. No foreign keys (a deleted account must not rewrite
  // history) and a trigger refuses every UPDATE and DELETE: rows are only ever added.
  await db.schema
    .createTable("audit_log")
    .addColumn("id", "bigint", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("actor_id", "integer")
    .addColumn("actor_name", "text", (c) => c.notNull())
    .addColumn("actor_role", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("subject_type", "text", (c) => c.notNull())
    .addColumn("subject_id", "integer")
    .addColumn("company_id", "integer")
    .addColumn("before", "jsonb")
    .addColumn("after", "jsonb")
    .addColumn("note", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index audit_log_created_idx on audit_log (created_at desc, id desc)`.execute(db);
  await sql`create index audit_log_subject_idx on audit_log (subject_type, subject_id, id desc)`.execute(
    db,
  );
  await sql`create index audit_log_actor_idx on audit_log (actor_id, id desc)`.execute(db);
  await sql`create index audit_log_company_idx on audit_log (company_id, id desc) where company_id is not null`.execute(
    db,
  );
  await sql`
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log rows are never updated or deleted';
    end $$
  `.execute(db);
  await sql`
    create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function audit_log_append_only()
  `.execute(db);
  await sql`
    create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only()
  `.execute(db);

  // Edits of live jobs were logged in job_edits; the audit log now holds them with the rest.
  await sql`
    insert into audit_log (actor_id, actor_name, actor_role, action, subject_type, subject_id,
                           company_id, before, after, created_at)
    select e.user_id, coalesce(u.name, 'Deleted user'), 'employer', 'job.edit', 'job', e.job_id,
           j.company_id,
           (select jsonb_object_agg(key, value -> 'from') from jsonb_each(e.changes)),
           (select jsonb_object_agg(key, value -> 'to') from jsonb_each(e.changes)),
           e.created_at
      from job_edits e
      join jobs j on j.id = e.job_id
      left join users u on u.id = e.user_id
     order by e.id
  `.execute(db);
  await db.schema.dropTable("job_edits").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("job_edits")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("job_id", "integer", (c) => c.notNull().references("jobs.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("changes", "jsonb", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("job_edits_job_idx").on("job_edits").column("job_id").execute();
  await sql`
    insert into job_edits (job_id, user_id, changes, created_at)
    select a.subject_id, u.id,
           (select jsonb_object_agg(key, jsonb_build_object('from', a.before -> key, 'to', value))
              from jsonb_each(a.after)),
           a.created_at
      from audit_log a
      join jobs j on j.id = a.subject_id
      left join users u on u.id = a.actor_id
     where a.action = 'job.edit' and a.after is not null and a.after <> '{}'::jsonb
     order by a.id
  `.execute(db);
  await sql`drop table audit_log`.execute(db);
  await sql`drop function audit_log_append_only()`.execute(db);
  for (const table of ["reports", "spam_settings", "spam_rules", "job_reviews"]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema
    .alterTable("orders")
    .dropColumn("refund_requested_at")
    .dropColumn("refund_requested_by")
    .dropColumn("refund_reason")
    .dropColumn("stripe_refund_id")
    .dropColumn("refund_error")
    .execute();
  await db.schema.alterTable("credit_uses").dropColumn("returned_at").execute();
  for (const table of ["companies", "users"]) {
    await db.schema
      .alterTable(table)
      .dropColumn("suspended_at")
      .dropColumn("suspended_reason")
      .dropColumn("suspended_by")
      .execute();
  }
  await db.schema.alterTable("jobs").dropColumn("held_since").execute();
}
