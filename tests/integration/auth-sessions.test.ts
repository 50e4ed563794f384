import { describe, expect, it } from "vitest";
import {
  createSession,
  generateSessionToken,
  invalidateSession,
  SESSION_IDLE_MS,
  sessionCookie,
  validateSessionToken,
} from "../../app/auth/session.server";
import { hashToken } from "../../app/auth/tokens.server";
import { getDb } from "../../app/utils/db.server";
import { initEnv } from "../../app/utils/env.server";
import { createUser } from "../factories/users";
import { productionSettings } from "../setup/production-env";

const DAY = 86_400_000;
const at = (start: Date, days: number) => new Date(start.getTime() + days * DAY);

async function storedExpiry(token: string) {
  const row = await getDb()
    .selectFrom("sessions")
    .select("expires_at")
    .where("id", "=", hashToken(token))
    .executeTakeFirst();
  return row?.expires_at ?? null;
}

describe("session lifecycle (controlled clock)", () => {
  it("writes nothing before day 15, slides the expiry after, and never past 90 days from login", async () => {
    const user = await createUser();
    const start = new Date("2026-01-01T00:00:00Z");
    const token = generateSessionToken();
    await createSession(token, user.id, start);
    const initial = await storedExpiry(token);
    expect(initial?.getTime()).toBe(start.getTime() + SESSION_IDLE_MS);

    expect((await validateSessionToken(token, at(start, 14))).user?.id).toBe(user.id);
    expect((await storedExpiry(token))?.getTime()).toBe(initial?.getTime());

    await validateSessionToken(token, at(start, 16));
    expect((await storedExpiry(token))?.getTime()).toBe(at(start, 46).getTime());

    // Used every couple of weeks, it keeps sliding until the 90-day cap, then ends.
    for (const day of [40, 60, 75, 89])
      expect((await validateSessionToken(token, at(start, day))).user).not.toBeNull();
    expect((await storedExpiry(token))?.getTime()).toBe(at(start, 90).getTime());
    expect((await validateSessionToken(token, at(start, 90))).user).toBeNull();
    expect(await storedExpiry(token)).toBeNull();
  });

  it("expires after 30 idle days", async () => {
    const user = await createUser();
    const start = new Date("2026-02-01T00:00:00Z");
    const token = generateSessionToken();
    await createSession(token, user.id, start);
    expect((await validateSessionToken(token, at(start, 29.9))).user).not.toBeNull();
    const renewedUntil = await storedExpiry(token);
    expect(
      (await validateSessionToken(token, new Date(renewedUntil!.getTime() + 1))).user,
    ).toBeNull();
  });

  it("ends at logout", async () => {
    const user = await createUser();
    const token = generateSessionToken();
    const session = await createSession(token, user.id);
    await invalidateSession(session.id);
    expect((await validateSessionToken(token)).session).toBeNull();
  });
});

describe("tokens and cookies", () => {
  it("uses 160-bit random tokens and stores only their SHA-256", async () => {
    const user = await createUser();
    const tokens = new Set(Array.from({ length: 200 }, () => generateSessionToken()));
    expect(tokens.size).toBe(200);
    for (const token of tokens) expect(token).toMatch(/^[a-z2-7]{32}$/); // 32 base32 chars = 160 bits
    const token = [...tokens][0];
    await createSession(token, user.id);
    const rows = await getDb()
      .selectFrom("sessions")
      .selectAll()
      .where("user_id", "=", user.id)
      .execute();
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(token);
    expect(rows.some((row) => row.id === hashToken(token))).toBe(true);
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("sets an HttpOnly, SameSite=Lax, Secure, __Host- cookie in production", async () => {
    const saved = { ...process.env };
    Object.assign(process.env, productionSettings);
    try {
      initEnv();
      const now = new Date();
      const cookie = sessionCookie("abc", {
        id: "x",
        user_id: 1,
        created_at: now,
        expires_at: now,
      });
      expect(cookie).toMatch(/^__Host-session=abc; /);
      for (const part of ["Path=/", "HttpOnly", "SameSite=Lax", "Secure"])
        expect(cookie).toContain(part);
      expect(cookie).not.toContain("Domain=");
    } finally {
      process.env = saved;
      initEnv();
    }
    const local = sessionCookie("abc", {
      id: "x",
      user_id: 1,
      created_at: new Date(),
      expires_at: new Date(),
    });
    expect(local).toMatch(/^session=abc; /);
    expect(local).not.toContain("Secure");
  });
});
