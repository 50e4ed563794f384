import { describe, expect, it } from "vitest";
import { getDb } from "../../app/utils/db.server";
import { createAlert } from "./alerts-helpers";
import { useBuiltSite } from "./built-site";

const site = useBuiltSite();

const pausedReason = async (id: number) =>
  (
    await getDb()
      .selectFrom("alerts")
      .select("paused_reason")
      .where("id", "=", id)
      .executeTakeFirstOrThrow()
  ).paused_reason;

describe("/alerts/unsubscribe/:token over HTTP", () => {
  it("a GET shows a button and unsubscribes nothing, however often a scanner opens it", async () => {
    const alert = await createAlert({ query: "q=coder", frequency: "daily" });
    for (let i = 0; i < 3; i++) {
      const page = await fetch(`${site.base}/alerts/unsubscribe/${alert.token}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(">Unsubscribe</button>");
    }
    expect(await pausedReason(alert.id)).toBeNull();
  });

  it("a cookieless one-click POST with no Origin header unsubscribes at once and answers 200", async () => {
    const alert = await createAlert({ query: "q=coder", frequency: "daily" });
    const response = await fetch(`${site.base}/alerts/unsubscribe/${alert.token}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
      redirect: "manual",
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("You are unsubscribed");
    expect(await pausedReason(alert.id)).toBe("unsubscribed");
    // A second POST (providers retry) is still a success.
    const again = await fetch(`${site.base}/alerts/unsubscribe/${alert.token}`, {
      method: "POST",
      body: "List-Unsubscribe=One-Click",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(again.status).toBe(200);
  });

  it("answers 404, not 500, for a token that is not an alert's, malformed ones included", async () => {
    for (const token of ["nope", "1", "a".repeat(32), "%E2%9C%93", "%FF%FE"]) {
      expect((await fetch(`${site.base}/alerts/unsubscribe/${token}`)).status).toBe(404);
      const post = await fetch(`${site.base}/alerts/unsubscribe/${token}`, {
        method: "POST",
        body: "List-Unsubscribe=One-Click",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          // Some mail clients send their own origin: still a 404 here, never a 500.
          origin: "https://mail.example",
        },
      });
      expect(post.status).toBe(404);
      expect((await fetch(`${site.base}/alerts/manage/${token}`)).status).toBe(404);
    }
  });

  it("the other alert forms still refuse a POST from another site", async () => {
    const alert = await createAlert({ query: "q=coder", frequency: "daily" });
    const response = await fetch(`${site.base}/alerts/manage/${alert.token}`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: "https://evil.example",
      },
      body: "intent=delete&confirmed=yes",
    });
    expect(response.status).toBe(403);
    expect(await pausedReason(alert.id)).toBeNull();
  });
});
