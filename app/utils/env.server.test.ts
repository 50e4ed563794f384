import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env.server";

describe("configuration", () => {
  it("runs locally with no settings at all", () => {
    const env = parseEnv({});
    expect(env.NODE_ENV).toBe("development");
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.WORKER).toBe("on");
    expect(env.MODERATION).toBe("new-companies");
  });

  it("accepts only the three moderation settings", () => {
    expect(parseEnv({ MODERATION: "all" }).MODERATION).toBe("all");
    expect(parseEnv({ MODERATION: "off" }).MODERATION).toBe("off");
    expect(() => parseEnv({ MODERATION: "sometimes" })).toThrow(/MODERATION/);
  });

  it("listens on loopback only and trusts no proxy unless told", () => {
    const env = parseEnv({});
    expect(env.HOST).toBe("127.0.0.1");
    expect(env.TRUST_PROXY).toBe(false);
  });

  it("reads TRUST_PROXY as off, a number of hops, or addresses and subnets", () => {
    expect(parseEnv({ TRUST_PROXY: "off" }).TRUST_PROXY).toBe(false);
    expect(parseEnv({ TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    expect(parseEnv({ TRUST_PROXY: "10.0.0.0/8, loopback, ::1" }).TRUST_PROXY).toEqual([
      "10.0.0.0/8",
      "loopback",
      "::1",
    ]);
    expect(() => parseEnv({ TRUST_PROXY: "yes please" })).toThrow(/TRUST_PROXY/);
  });

  it("names the bad setting in its message", () => {
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => parseEnv({ STRIPE_SECRET_KEY: "pk_live_oops" })).toThrow(/STRIPE_SECRET_KEY/);
  });

  it("refuses production with any local stand-in, naming every missing setting", () => {
    let message = "";
    try {
      parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://db/medcode" });
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      message = (error as Error).message;
    }
    for (const key of [
      "APP_URL",
      "STRIPE_SECRET_KEY",
      "STRIPE_WEBHOOK_SECRET",
      "RESEND_API_KEY",
      "RESEND_WEBHOOK_SECRET",
      "EMAIL_FROM",
      "S3_BUCKET",
      "TRUST_PROXY",
    ]) {
      expect(message).toContain(key);
    }
    expect(message).not.toContain("DATABASE_URL");
  });
});
