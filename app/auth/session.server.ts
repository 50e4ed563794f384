// Sessions as the Lucia guide builds them (lucia-auth.com/sessions): the browser holds a
// random token, the database holds only its SHA-256. 30 days of idle expiry that slides
// (renewed when under 15 days are left), capped at 90 days from login.
import type { Selectable } from "kysely";
import type { Sessions, Users } from "#db/types";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { generateToken, hashToken } from "./tokens.server";

const DAY = 86_400_000;
export const SESSION_IDLE_MS = 30 * DAY;
export const SESSION_RENEW_MS = 15 * DAY;
export const SESSION_MAX_MS = 90 * DAY;

export type Session = Selectable<Sessions>;
export type SessionUser = Pick<
  Selectable<Users>,
  "id" | "email" | "name" | "role" | "email_verified_at"
>;
export type SessionValidationResult =
  | { session: Session; user: SessionUser }
  | { session: null; user: null };

export const generateSessionToken = generateToken;

export async function createSession(
  token: string,
  userId: number,
  now = new Date(),
): Promise<Session> {
  return getDb()
    .insertInto("sessions")
    .values({
      id: hashToken(token),
      user_id: userId,
      created_at: now,
      expires_at: new Date(now.getTime() + SESSION_IDLE_MS),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function validateSessionToken(
  token: string,
  now = new Date(),
): Promise<SessionValidationResult> {
  const db = getDb();
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select([
      "sessions.id",
      "sessions.user_id",
      "sessions.expires_at",
      "sessions.created_at",
      "users.email",
      "users.name",
      "users.role",
      "users.email_verified_at",
      "users.suspended_at",
    ])
    .where("sessions.id", "=", hashToken(token))
    .executeTakeFirst();
  if (!row) return { session: null, user: null };
  // Suspension ends every session; one started since (an old emailed link) ends here.
  if (row.suspended_at) {
    await db.deleteFrom("sessions").where("id", "=", row.id).execute();
    return { session: null, user: null };
  }
  const cap = row.created_at.getTime() + SESSION_MAX_MS;
  if (now.getTime() >= row.expires_at.getTime() || now.getTime() >= cap) {
    await db.deleteFrom("sessions").where("id", "=", row.id).execute();
    return { session: null, user: null };
  }
  let expiresAt = row.expires_at;
  if (row.expires_at.getTime() - now.getTime() < SESSION_RENEW_MS) {
    expiresAt = new Date(Math.min(now.getTime() + SESSION_IDLE_MS, cap));
    await db
      .updateTable("sessions")
      .set({ expires_at: expiresAt })
      .where("id", "=", row.id)
      .execute();
  }
  return {
    session: {
      id: row.id,
      user_id: row.user_id,
      created_at: row.created_at,
      expires_at: expiresAt,
    },
    user: {
      id: row.user_id,
      email: row.email,
      name: row.name,
      role: row.role,
      email_verified_at: row.email_verified_at,
    },
  };
}

export async function invalidateSession(sessionId: string): Promise<void> {
  await getDb().deleteFrom("sessions").where("id", "=", sessionId).execute();
}

/** Ends every session of a user, except the one given (the browser making the change). */
export async function invalidateUserSessions(userId: number, { except }: { except?: string } = {}) {
  let query = getDb().deleteFrom("sessions").where("user_id", "=", userId);
  if (except) query = query.where("id", "!=", except);
  await query.execute();
}

// --- cookie -----------------------------------------------------------------------------

export function sessionCookieName() {
  return getEnv().NODE_ENV === "production" ? "__Host-session" : "session";
}

/**
 * The cookie lives until the session's absolute cap; whether it is still valid (idle
 * expiry) is decided by the database on every request, so renewal needs no new cookie.
 */
export function sessionCookie(token: string, session: Session): string {
  const production = getEnv().NODE_ENV === "production";
  const expires = new Date(session.created_at.getTime() + SESSION_MAX_MS);
  return [
    `${sessionCookieName()}=${token}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Expires=${expires.toUTCString()}`,
    production ? "Secure" : "",
  ]
    .filter(Boolean)
    .join("; ");
}

export function deleteSessionCookie(): string {
  const production = getEnv().NODE_ENV === "production";
  return [
    `${sessionCookieName()}=`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    "Max-Age=0",
    production ? "Secure" : "",
  ]
    .filter(Boolean)
    .join("; ");
}

export function readSessionToken(request: Request): string | null {
  const header = request.headers.get("cookie");
  if (!header) return null;
  const name = sessionCookieName();
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) {
      const value = rest.join("=");
      return /^[a-z2-7]{32}$/.test(value) ? value : null;
    }
  }
  return null;
}

/** Starts a session for a user and returns the Set-Cookie header value. */
export async function startSession(userId: number, now = new Date()): Promise<string> {
  const token = generateSessionToken();
  const session = await createSession(token, userId, now);
  return sessionCookie(token, session);
}

/** Deletes sessions past their idle expiry or their 90-day cap (the worker, hourly). */
export async function pruneExpiredSessions(now = new Date()) {
  const result = await getDb()
    .deleteFrom("sessions")
    .where((eb) =>
      eb.or([
        eb("expires_at", "<=", now),
        eb("created_at", "<=", new Date(now.getTime() - SESSION_MAX_MS)),
      ]),
    )
    .executeTakeFirst();
  return { pruned: Number(result.numDeletedRows) };
}
