// Job alerts: create (one click for an account, double opt-in for an address), confirm,
// manage by token or by account, unsubscribe. Answers about an address never reveal whether
// it is subscribed. Matching and sending are in matching.server.ts.
import { type Kysely, sql, type UpdateObject } from "kysely";
import type { DB } from "#db/types";
import { hitAll, LIMITS } from "~/auth/rate-limit.server";
import { generateToken } from "~/auth/tokens.server";
import { sendEmail } from "~/email/email.server";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { type Frequency, MAX_ALERT_NAME, MAX_ALERTS } from "./alerts-schemas";
import { checkAlertFilters } from "./match-columns.server";
import { digestPeriod } from "./schedule.server";

/** Which alert a request may touch: the bearer of its token, or the account that owns it. */
export type AlertOwner = { token: string } | { id: number; userId: number };

const TOKEN_PATTERN = /^[a-z2-7]{32}$/;

/** A token from a URL that could be one of ours (anything else is not looked up at all). */
export function isAlertToken(token: string | undefined): token is string {
  return Boolean(token && TOKEN_PATTERN.test(token));
}

function owned(owner: AlertOwner) {
  return "token" in owner
    ? sql<boolean>`alerts.token = ${owner.token}`
    : sql<boolean>`alerts.id = ${owner.id} and alerts.user_id = ${owner.userId}`;
}

/** The alert as its manage page shows it. */
export async function getAlert(owner: AlertOwner, db: Kysely<DB> = getDb()) {
  if ("token" in owner && !isAlertToken(owner.token)) return undefined;
  return db
    .selectFrom("alerts")
    .leftJoin("users", "users.id", "alerts.user_id")
    .select([
      "alerts.id",
      "alerts.name",
      "alerts.description",
      "alerts.query",
      "alerts.filters",
      "alerts.frequency",
      "alerts.time_zone",
      "alerts.token",
      "alerts.confirmed_at",
      "alerts.paused_at",
      "alerts.paused_reason",
      "alerts.user_id",
      "alerts.created_at",
      sql<string>`coalesce(users.email, alerts.email)`.as("recipient"),
    ])
    .where(owned(owner))
    .executeTakeFirst();
}

export type AlertView = NonNullable<Awaited<ReturnType<typeof getAlert>>>;

/** The account's alert for exactly this search, if it has one. */
export async function findAccountAlert({ userId, query }: { userId: number; query: string }) {
  return getDb()
    .selectFrom("alerts")
    .select(["id", "name"])
    .where("user_id", "=", userId)
    .where("query", "=", query)
    .executeTakeFirst();
}

export async function listAccountAlerts({ userId }: { userId: number }) {
  return getDb()
    .selectFrom("alerts")
    .select([
      "id",
      "name",
      "description",
      "query",
      "frequency",
      "token",
      "confirmed_at",
      "paused_at",
      "paused_reason",
      "created_at",
    ])
    .where("user_id", "=", userId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
}

/** An account's alerts for its data export (tokens stay out: they are credentials). */
export async function exportAccountAlerts(userId: number) {
  return getDb()
    .selectFrom("alerts")
    .select([
      "name",
      "description",
      "query",
      "frequency",
      "time_zone",
      "confirmed_at",
      "paused_at",
      "paused_reason",
      "created_at",
    ])
    .where("user_id", "=", userId)
    .orderBy("id")
    .execute();
}

function defaultName(description: string) {
  return description.length <= MAX_ALERT_NAME
    ? description
    : `${description.slice(0, MAX_ALERT_NAME - 1).trimEnd()}…`;
}

type Invalid = { ok: false; reason: "invalid"; problems: string[] };
type Checked = Extract<Awaited<ReturnType<typeof checkAlertFilters>>, { ok: true }>;

/**
 * Writes a new alert from checked filters. Confirmed at once for an account (its address is
 * verified); an address's alert waits for its link. Undefined when the same person already
 * follows the same search (a concurrent request made it first).
 */
export async function insertAlert(
  trx: Kysely<DB>,
  input: {
    userId?: number;
    email: string;
    checked: Checked;
    frequency: Frequency;
    timeZone: string;
    confirmedAt?: Date;
  },
) {
  const confirmed = input.confirmedAt ?? null;
  return trx
    .insertInto("alerts")
    .values({
      user_id: input.userId ?? null,
      email: input.email.trim().toLowerCase(),
      name: defaultName(input.checked.description),
      description: input.checked.description,
      filters: JSON.stringify(input.checked.filters),
      query: input.checked.query,
      frequency: input.frequency,
      time_zone: input.timeZone,
      token: generateToken(),
      confirmed_at: confirmed,
      // The first digest is the next period's: nothing from before the alert existed.
      digest_period: confirmed
        ? digestPeriod(sql.val(input.frequency), sql.val(input.timeZone), sql.val(confirmed))
        : null,
      digest_cursor: confirmed,
      ...input.checked.columns,
    })
    .onConflict((oc) => oc.doNothing())
    .returning(["id", "name", "token", "frequency", "description"])
    .executeTakeFirst();
}
type TooMany = { ok: false; reason: "too_many" };

async function countAlerts(db: Kysely<DB>, where: { userId: number } | { email: string }) {
  const row = await db
    .selectFrom("alerts")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where((eb) =>
      "userId" in where
        ? eb("user_id", "=", where.userId)
        : eb.and([eb("email", "=", where.email), eb("user_id", "is", null)]),
    )
    .executeTakeFirstOrThrow();
  return row.n;
}

/**
 * One click for a signed-in person with a confirmed address: the alert is live at once. The
 * same search twice finds the first alert (`created: false`).
 */
export async function createAccountAlert(input: {
  userId: number;
  query: string;
  frequency: Frequency;
  timeZone: string;
}): Promise<{ ok: true; id: number; created: boolean; name: string } | Invalid | TooMany> {
  const checked = await checkAlertFilters(new URLSearchParams(input.query));
  if (!checked.ok) return { ok: false, reason: "invalid", problems: checked.problems };
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const user = await trx
        .selectFrom("users")
        .select(["id", "email"])
        .where("id", "=", input.userId)
        .where("email_verified_at", "is not", null)
        // Two tabs subscribing at once count against the cap one after the other.
        .forUpdate()
        .executeTakeFirstOrThrow();
      const existing = await trx
        .selectFrom("alerts")
        .select(["id", "name"])
        .where("user_id", "=", user.id)
        .where("query", "=", checked.query)
        .executeTakeFirst();
      if (existing) return { ok: true, id: existing.id, created: false, name: existing.name };
      if ((await countAlerts(trx, { userId: user.id })) >= MAX_ALERTS)
        return { ok: false, reason: "too_many" };
      const row = await insertAlert(trx, {
        userId: user.id,
        email: user.email,
        checked,
        frequency: input.frequency,
        timeZone: input.timeZone,
        confirmedAt: new Date(),
      });
      // The user row lock above serializes this person's requests: no concurrent twin exists.
      if (!row) throw new Error(`alert for user ${user.id} conflicted under its lock`);
      return { ok: true, id: row.id, created: true, name: row.name };
    });
}

/**
 * An alert for an address that is not signed in: nothing is sent until the link in the
 * confirmation email is followed. The answer is the same whether or not the address already
 * has alerts, is suppressed, or has asked too often (then no email goes out); only a flood
 * from one network is told to wait.
 */
export async function requestVisitorAlert(
  input: { email: string; query: string; frequency: Frequency; timeZone: string; ip: string },
  now = new Date(),
): Promise<
  { ok: true } | Invalid | { ok: false; reason: "rate_limited"; retryAfterSeconds: number }
> {
  const checked = await checkAlertFilters(new URLSearchParams(input.query));
  if (!checked.ok) return { ok: false, reason: "invalid", problems: checked.problems };
  const email = input.email.trim().toLowerCase();
  const perIp = await hitAll([[`alert-confirm:ip:${input.ip}`, LIMITS.alertConfirmPerIp]], now);
  if (!perIp.allowed)
    return { ok: false, reason: "rate_limited", retryAfterSeconds: perIp.retryAfterSeconds };
  const perAddress = await hitAll(
    [[`alert-confirm:email:${email}`, LIMITS.alertConfirmPerEmail]],
    now,
  );
  if (!perAddress.allowed) return { ok: true };
  await getDb()
    .transaction()
    .execute(async (trx) => {
      let alert = await trx
        .selectFrom("alerts")
        .select(["id", "token", "frequency", "description"])
        .where("email", "=", email)
        .where("user_id", "is", null)
        .where("query", "=", checked.query)
        .executeTakeFirst();
      if (!alert) {
        if ((await countAlerts(trx, { email })) >= MAX_ALERTS) return;
        alert = await insertAlert(trx, {
          email,
          checked,
          frequency: input.frequency,
          timeZone: input.timeZone,
        });
        if (!alert) return;
      }
      await sendEmail(
        {
          to: email,
          template: "alert-confirm",
          props: {
            description: alert.description,
            frequency: alert.frequency,
            confirmUrl: `${getEnv().APP_URL}/alerts/confirm/${alert.token}`,
          },
          dedupeKey: `alert-confirm:${alert.id}:${generateToken()}`,
        },
        trx,
      );
    });
  return { ok: true };
}

/**
 * Confirms an alert from its emailed link (idempotent). A confirmed address that belongs to a
 * verified account joins that account's alerts.
 */
export async function confirmAlert(token: string, now = new Date()) {
  if (!isAlertToken(token)) return { ok: false as const };
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const alert = await trx
        .updateTable("alerts")
        .set({
          confirmed_at: sql`coalesce(alerts.confirmed_at, ${now})`,
          digest_period: sql`case when alerts.confirmed_at is null then ${digestPeriod(sql.ref("alerts.frequency"), sql.ref("alerts.time_zone"), sql.val(now))} else alerts.digest_period end`,
          digest_cursor: sql`coalesce(alerts.digest_cursor, ${now})`,
          updated_at: now,
        })
        .where("token", "=", token)
        .returning(["id", "email", "user_id"])
        .executeTakeFirst();
      if (!alert) return { ok: false as const };
      if (!alert.user_id) {
        const owner = await trx
          .selectFrom("users")
          .select("id")
          .where(sql<boolean>`lower(users.email) = ${alert.email}`)
          .where("email_verified_at", "is not", null)
          .where("role", "=", "candidate")
          .executeTakeFirst();
        if (owner) await adoptAlerts(trx, { userId: owner.id, email: alert.email });
      }
      return { ok: true as const };
    });
}

/**
 * A coder who signs up (or confirms a new address) finds the alerts they confirmed for that
 * address: each joins the account unless the account already follows the same search.
 * Employer and operator accounts have no alerts page: their addresses' alerts stay as they are.
 */
export async function adoptAlerts(trx: Kysely<DB>, input: { userId: number; email: string }) {
  const email = input.email.trim().toLowerCase();
  const coder = await trx
    .selectFrom("users")
    .select("id")
    .where("id", "=", input.userId)
    .where("role", "=", "candidate")
    .executeTakeFirst();
  if (!coder) return;
  await trx
    .updateTable("alerts")
    .set({ user_id: input.userId, updated_at: new Date() })
    .where("email", "=", email)
    .where("user_id", "is", null)
    .where("confirmed_at", "is not", null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("alerts as mine")
            .select("mine.id")
            .where("mine.user_id", "=", input.userId)
            .whereRef("mine.query", "=", "alerts.query"),
        ),
      ),
    )
    .execute();
}

type Changed = { ok: true } | { ok: false; reason: "not_found" };

async function change(
  owner: AlertOwner,
  values: UpdateObject<DB, "alerts", "alerts">,
): Promise<Changed> {
  if ("token" in owner && !isAlertToken(owner.token)) return { ok: false, reason: "not_found" };
  const row = await getDb()
    .updateTable("alerts")
    .set({ ...values, updated_at: new Date() })
    .where(owned(owner))
    .returning("id")
    .executeTakeFirst();
  return row ? { ok: true } : { ok: false, reason: "not_found" };
}

/** Name, frequency and zone. A new frequency starts its schedule now: no backlog is sent. */
export async function updateAlertSettings(
  owner: AlertOwner,
  input: { name: string; frequency: Frequency; timeZone: string },
  now = new Date(),
): Promise<Changed> {
  return change(owner, {
    name: input.name,
    frequency: input.frequency,
    time_zone: input.timeZone,
    digest_period: sql`case when alerts.frequency = ${input.frequency} and alerts.time_zone = ${input.timeZone} then alerts.digest_period else ${digestPeriod(sql.val(input.frequency), sql.val(input.timeZone), sql.val(now))} end`,
    digest_cursor: sql`case when alerts.frequency = ${input.frequency} then alerts.digest_cursor else ${now}::timestamptz end`,
  });
}

/** New filters, checked like a new alert; the match columns follow them. */
export async function updateAlertFilters(
  owner: AlertOwner,
  params: URLSearchParams,
): Promise<Changed | Invalid | { ok: false; reason: "duplicate" }> {
  const checked = await checkAlertFilters(params);
  if (!checked.ok) return { ok: false, reason: "invalid", problems: checked.problems };
  try {
    return await change(owner, {
      filters: JSON.stringify(checked.filters),
      query: checked.query,
      description: checked.description,
      ...checked.columns,
    });
  } catch (error) {
    // alerts_user_query_key / alerts_email_query_key: the person already follows that search.
    if ((error as { code?: string }).code === "23505") return { ok: false, reason: "duplicate" };
    throw error;
  }
}

export async function pauseAlert(owner: AlertOwner, now = new Date()): Promise<Changed> {
  return change(owner, {
    paused_at: sql`coalesce(alerts.paused_at, ${now})`,
    paused_reason: sql`coalesce(alerts.paused_reason, 'user')`,
  });
}

/**
 * Starts a paused alert again from now (no backlog), unless its address bounced or complained:
 * the suppression list wins, and nothing says whether that is why.
 */
export async function resumeAlert(
  owner: AlertOwner,
  now = new Date(),
): Promise<Changed | { ok: false; reason: "undeliverable" }> {
  const alert = await getAlert(owner);
  if (!alert) return { ok: false, reason: "not_found" };
  const suppressed = await getDb()
    .selectFrom("email_suppressions")
    .select("email")
    .where("email", "=", alert.recipient.toLowerCase())
    .executeTakeFirst();
  if (suppressed) return { ok: false, reason: "undeliverable" };
  return change(owner, {
    paused_at: null,
    paused_reason: null,
    digest_period: digestPeriod(
      sql.ref("alerts.frequency"),
      sql.ref("alerts.time_zone"),
      sql.val(now),
    ),
    digest_cursor: now,
  });
}

export async function deleteAlert(owner: AlertOwner): Promise<Changed> {
  if ("token" in owner && !isAlertToken(owner.token)) return { ok: false, reason: "not_found" };
  const row = await getDb()
    .deleteFrom("alerts")
    .where(owned(owner))
    .returning("id")
    .executeTakeFirst();
  return row ? { ok: true } : { ok: false, reason: "not_found" };
}

/**
 * One-click unsubscribe (RFC 8058): the alert stops at once; it can be resumed from its page.
 * A bounce or complaint already recorded stays the reason.
 */
export async function unsubscribeAlert(token: string, now = new Date()): Promise<Changed> {
  return change(
    { token },
    {
      paused_at: sql`coalesce(alerts.paused_at, ${now})`,
      paused_reason: sql`case when alerts.paused_reason in ('bounced', 'complained') then alerts.paused_reason else 'unsubscribed' end`,
    },
  );
}

/** A hard bounce or a complaint: every alert that writes to the address stops. */
export async function pauseAlertsForAddress(
  trx: Kysely<DB>,
  input: { email: string; reason: "bounced" | "complained" },
  now = new Date(),
) {
  const email = input.email.trim().toLowerCase();
  await trx
    .updateTable("alerts")
    .set({ paused_at: now, paused_reason: input.reason, updated_at: now })
    .where((eb) =>
      eb.or([
        eb.and([eb("email", "=", email), eb("user_id", "is", null)]),
        eb(
          "user_id",
          "in",
          eb
            .selectFrom("users")
            .select("users.id")
            .where(sql<boolean>`lower(users.email) = ${email}`),
        ),
      ]),
    )
    .execute();
}
