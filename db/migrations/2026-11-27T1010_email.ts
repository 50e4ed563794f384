import { type Kysely, sql } from "kysely";

// The email outbox (one row per message, rendered when queued) and the addresses we must
// never write to again. See docs/decisions/007-email-outbox.md.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("emails")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("dedupe_key", "text", (c) =>
      c.notNull().unique().check(sql`length(dedupe_key) between 1 and 256`),
    )
    .addColumn("template", "text", (c) => c.notNull())
    .addColumn("to_address", "text", (c) => c.notNull())
    .addColumn("from_address", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("html", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) =>
      c
        .notNull()
        .defaultTo("queued")
        .check(sql`state in ('queued', 'sent', 'failed', 'suppressed', 'captured')`),
    )
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("provider_id", "text")
    .addColumn("last_error", "text")
    .addColumn("last_attempt_at", "timestamptz")
    .addColumn("finished_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // The sweep looks only at queued rows; the /dev/emails list reads newest first.
  await sql`create index emails_queued_idx on emails (created_at) where state = 'queued'`.execute(
    db,
  );
  await db.schema.createIndex("emails_created_at_idx").on("emails").column("created_at").execute();

  await db.schema
    .createTable("email_suppressions")
    .addColumn("email", "text", (c) => c.primaryKey().check(sql`email = lower(email)`))
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("email_suppressions").execute();
  await db.schema.dropTable("emails").execute();
}
