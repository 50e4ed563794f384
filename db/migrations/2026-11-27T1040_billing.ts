import { type Kysely, sql } from "kysely";

// Billing: plans, orders paid through Stripe Checkout, post credits, the Stripe events
// already processed, job edit history and per-day job stats. See 011-fulfillment.md.
export async function up(db: Kysely<any>): Promise<void> {
  // What can be bought. Prices are settings (PRICE_*_CENTS), not rows: the Stripe price
  // columns only remember what `npm run stripe:sync` last created, since Stripe prices are immutable.
  await db.schema
    .createTable("plans")
    .addColumn("code", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) =>
      c.notNull().check(sql`kind in ('post', 'upgrade', 'credits')`),
    )
    .addColumn("days", "integer", (c) => c.check(sql`days > 0`))
    .addColumn("featured", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("credits", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("credit_months", "integer")
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("active", "boolean", (c) => c.notNull().defaultTo(true))
    .addColumn("stripe_product_id", "text")
    .addColumn("stripe_price_id", "text")
    .addColumn("stripe_price_cents", "integer")
    .execute();
  await db
    .insertInto("plans")
    .values([
      {
        code: "standard",
        name: "Standard",
        summary: "One job, live for 30 days in search, alerts, feeds and its specialty pages.",
        kind: "post",
        days: 30,
        featured: false,
        credits: 0,
        position: 1,
      },
      {
        code: "featured",
        name: "Featured",
        summary:
          "30 days pinned above matching non-featured jobs, highlighted, and first in alert emails.",
        kind: "post",
        days: 30,
        featured: true,
        credits: 0,
        position: 2,
      },
      {
        code: "bundle5",
        name: "5-post bundle",
        summary: "Five Standard posts to use within 12 months, published without checkout.",
        kind: "credits",
        days: null,
        featured: false,
        credits: 5,
        credit_months: 12,
        position: 3,
      },
      {
        code: "featured_upgrade",
        name: "Featured upgrade",
        summary: "Makes a live Standard job Featured for the rest of its run.",
        kind: "upgrade",
        days: null,
        featured: true,
        credits: 0,
        position: 4,
      },
    ])
    .execute();

  await db.schema
    .createTable("orders")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("company_id", "integer", (c) =>
      c.notNull().references("companies.id").onDelete("cascade"),
    )
    .addColumn("user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("job_id", "integer", (c) => c.references("jobs.id").onDelete("set null"))
    .addColumn("plan_code", "text", (c) => c.notNull().references("plans.code"))
    .addColumn("purpose", "text", (c) =>
      c.notNull().check(sql`purpose in ('publish', 'renew', 'upgrade', 'credits')`),
    )
    .addColumn("amount_cents", "integer", (c) => c.notNull().check(sql`amount_cents >= 0`))
    .addColumn("amount_paid_cents", "integer")
    .addColumn("currency", "text", (c) => c.notNull().defaultTo("usd"))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("pending")
        .check(sql`status in ('pending', 'processing', 'paid', 'failed', 'refunded', 'disputed')`),
    )
    .addColumn("stripe_checkout_session_id", "text", (c) => c.unique())
    .addColumn("stripe_payment_intent_id", "text")
    .addColumn("paid_at", "timestamptz")
    .addColumn("refunded_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index orders_company_idx on orders (company_id, created_at desc)`.execute(db);
  await sql`create index orders_job_idx on orders (job_id) where job_id is not null`.execute(db);
  await sql`create index orders_payment_intent_idx on orders (stripe_payment_intent_id) where stripe_payment_intent_id is not null`.execute(
    db,
  );

  // One grant per paid bundle; `remaining` only goes down, one row lock at a time.
  await db.schema
    .createTable("credits")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("company_id", "integer", (c) =>
      c.notNull().references("companies.id").onDelete("cascade"),
    )
    .addColumn("order_id", "integer", (c) =>
      c.notNull().unique().references("orders.id").onDelete("cascade"),
    )
    .addColumn("total", "integer", (c) => c.notNull().check(sql`total > 0`))
    .addColumn("remaining", "integer", (c) =>
      c.notNull().check(sql`remaining >= 0 and remaining <= total`),
    )
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index credits_company_idx on credits (company_id, expires_at) where remaining > 0`.execute(
    db,
  );
  await db.schema
    .createTable("credit_uses")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("credit_id", "integer", (c) =>
      c.notNull().references("credits.id").onDelete("cascade"),
    )
    .addColumn("job_id", "integer", (c) => c.references("jobs.id").onDelete("set null"))
    .addColumn("user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("purpose", "text", (c) => c.notNull().check(sql`purpose in ('publish', 'renew')`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("credit_uses_credit_idx")
    .on("credit_uses")
    .column("credit_id")
    .execute();

  // Each Stripe event is acted on once: the id is inserted in the transaction that acts on it.
  await db.schema
    .createTable("stripe_events")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("order_id", "integer", (c) => c.references("orders.id").onDelete("set null"))
    .addColumn("outcome", "text", (c) => c.notNull())
    .addColumn("received_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // Edits of a job after it was first published (no payment needed, but logged).
  await db.schema
    .createTable("job_edits")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("job_id", "integer", (c) => c.notNull().references("jobs.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("changes", "jsonb", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("job_edits_job_idx").on("job_edits").column("job_id").execute();

  // One row per job and day: views and apply clicks counted as they happen, applications
  // counted by the worker's roll-up.
  await db.schema
    .createTable("job_stats_daily")
    .addColumn("job_id", "integer", (c) => c.notNull().references("jobs.id").onDelete("cascade"))
    .addColumn("day", "date", (c) => c.notNull())
    .addColumn("views", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("apply_clicks", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("applications", "integer", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("job_stats_daily_pkey", ["job_id", "day"])
    .execute();

  // The validity end a warning was last sent for: a renewal moves valid_through, so the next
  // period gets its own warning.
  await db.schema.alterTable("jobs").addColumn("expiry_warned_for", "timestamptz").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("jobs").dropColumn("expiry_warned_for").execute();
  for (const table of [
    "job_stats_daily",
    "job_edits",
    "stripe_events",
    "credit_uses",
    "credits",
    "orders",
    "plans",
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
