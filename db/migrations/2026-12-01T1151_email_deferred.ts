import { type Kysely, sql } from "kysely";

// The outbox learns three things for alert emails (docs/decisions/016-alert-email-delivery.md):
// rows queued by reference (props only, rendered by the worker at delivery), extra headers
// (List-Unsubscribe), and a `cancelled` end state for messages with nothing left to say.
// Resend's bounce and complaint events are kept per message.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("emails")
    .addColumn("props", "jsonb")
    .addColumn("headers", "jsonb")
    .alterColumn("subject", (c) => c.dropNotNull())
    .alterColumn("html", (c) => c.dropNotNull())
    .alterColumn("text", (c) => c.dropNotNull())
    .execute();
  await sql`alter table emails add constraint emails_rendered_or_deferred check (
    (subject is not null and html is not null and text is not null) or (props is not null and state in ('queued', 'cancelled', 'failed'))
  )`.execute(db);
  await sql`alter table emails drop constraint emails_state_check`.execute(db);
  await sql`alter table emails add constraint emails_state_check check (state in ('queued', 'sent', 'failed', 'suppressed', 'captured', 'cancelled'))`.execute(
    db,
  );
  // Per-template counts (alert emails sent, their bounce rate) read by template and state.
  await db.schema
    .createIndex("emails_template_idx")
    .on("emails")
    .columns(["template", "state"])
    .execute();
  await sql`create index emails_provider_idx on emails (provider_id) where provider_id is not null`.execute(
    db,
  );

  await db.schema
    .createTable("email_events")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    // The webhook delivery's svix-id: a retried delivery records nothing twice.
    .addColumn("provider_event_id", "text", (c) => c.notNull().unique())
    .addColumn("type", "text", (c) =>
      c.notNull().check(sql`type in ('bounced', 'complained', 'soft_bounced')`),
    )
    .addColumn("email_id", "integer", (c) => c.references("emails.id").onDelete("set null"))
    .addColumn("address", "text", (c) => c.notNull())
    .addColumn("detail", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("email_events_email_idx")
    .on("email_events")
    .column("email_id")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("email_events").ifExists().execute();
  await sql`drop index if exists emails_provider_idx`.execute(db);
  await sql`drop index if exists emails_template_idx`.execute(db);
  await sql`delete from emails where html is null or state = 'cancelled'`.execute(db);
  await sql`alter table emails drop constraint emails_state_check`.execute(db);
  await sql`alter table emails add constraint emails_state_check check (state in ('queued', 'sent', 'failed', 'suppressed', 'captured'))`.execute(
    db,
  );
  await sql`alter table emails drop constraint emails_rendered_or_deferred`.execute(db);
  await db.schema
    .alterTable("emails")
    .dropColumn("props")
    .dropColumn("headers")
    .alterColumn("subject", (c) => c.setNotNull())
    .alterColumn("html", (c) => c.setNotNull())
    .alterColumn("text", (c) => c.setNotNull())
    .execute();
}
