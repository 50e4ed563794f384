import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { verifyEmail } from "../../app/auth/accounts.server";
import { hashToken } from "../../app/auth/tokens.server";
import { suppressEmailAddress } from "../../app/email/outbox.server";
import * as alertsPage from "../../app/routes/alerts._index";
import * as confirmPage from "../../app/routes/alerts.confirm.$token";
import * as managePage from "../../app/routes/alerts.manage.$token";
import * as accountAlerts from "../../app/routes/me.alerts._index";
import * as accountAlert from "../../app/routes/me.alerts.$id";
import { getDb } from "../../app/utils/db.server";
import { createUser } from "../factories/users";
import { call, flashOf, get, post, testContext } from "../routes";
import { alertEmails, createAlert, createCompany, publishNewJob } from "./alerts-helpers";

let company: number;
let ip = 0;
// Each test asks from its own network, so the per-network limit is tested only where meant.
const fromNewNetwork = () => ({ ...testContext, clientIp: `198.51.100.${++ip}` });

beforeAll(async () => {
  company = (await createCompany()).id;
});
beforeEach(async () => {
  await getDb().updateTable("jobs").set({ status: "closed" }).execute();
});

const alertRow = (email: string) =>
  getDb()
    .selectFrom("alerts")
    .selectAll()
    .where("email", "=", email)
    .orderBy("id", "desc")
    .executeTakeFirstOrThrow();

async function confirmationsTo(email: string) {
  return getDb()
    .selectFrom("emails")
    .select(["text", "subject"])
    .where("template", "=", "alert-confirm")
    .where("to_address", "=", email)
    .execute();
}

function subscribe(
  query: string,
  fields: Record<string, string>,
  cookie?: string,
  context = fromNewNetwork(),
) {
  return call(
    alertsPage.action,
    post(`/alerts?${query}`, { redirectTo: `/jobs?${query}`, ...fields }, cookie),
    {},
    context,
  );
}

describe("a visitor's alert (double opt-in)", () => {
  it("sends nothing but a confirmation until the link is followed; the link's GET confirms nothing, its POST does", async () => {
    const email = "dana.visitor@example.com";
    const answer = await subscribe("specialty=cardiology", { email, frequency: "instant" });
    expect(answer.status).toBe(302);
    expect(answer.location).toBe("/jobs?specialty=cardiology");
    expect((await flashOf(answer))?.message).toMatch(
      /we sent a link to dana\.visitor@example\.com/,
    );
    const alert = await alertRow(email);
    expect(alert.confirmed_at).toBeNull();
    const [mail] = await confirmationsTo(email);
    expect(mail.text).toContain(`/alerts/confirm/${alert.token}`);
    expect(mail.text).toContain("Cardiology jobs");

    await publishNewJob(company, { title: "Cardiology Coder", specialties: ["cardiology"] });
    expect(await alertEmails()).toEqual([]);

    const page = await call(confirmPage.loader, get(`/alerts/confirm/${alert.token}`), {
      token: alert.token,
    });
    expect(page.status).toBe(200);
    expect((await alertRow(email)).confirmed_at).toBeNull();
    const confirmed = await call(confirmPage.action, post(`/alerts/confirm/${alert.token}`, {}), {
      token: alert.token,
    });
    expect(confirmed.location).toBe(`/alerts/manage/${alert.token}`);
    expect((await alertRow(email)).confirmed_at).not.toBeNull();

    const jobId = await publishNewJob(company, {
      title: "Cardiology Coder II",
      specialties: ["cardiology"],
    });
    const emails = await alertEmails();
    expect(emails.map((e) => [e.to_address, e.props.jobIds])).toEqual([[email, [jobId]]]);
  });

  it("answers the same for a new address, one already subscribed, a suppressed one and one that asked too often", async () => {
    await createAlert({ query: "q=auditor", frequency: "daily", email: "taken@example.com" });
    await suppressEmailAddress({ email: "gone@example.com", reason: "bounce" });
    const flood = "flood@example.com";
    for (let i = 0; i < 3; i++) await subscribe("q=auditor", { email: flood, frequency: "daily" });
    const answers = await Promise.all(
      ["fresh@example.com", "taken@example.com", "gone@example.com", flood].map(async (email) => {
        const answer = await subscribe("q=auditor", { email, frequency: "daily" });
        return {
          status: answer.status,
          location: answer.location,
          message: (await flashOf(answer))?.message.replace(email, "ADDRESS"),
        };
      }),
    );
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0].status).toBe(302);
    // The address that asked too often got three confirmations, not four.
    expect(await confirmationsTo(flood)).toHaveLength(3);
  });

  it("tells a network that sends a flood of requests to wait, keeping what was typed", async () => {
    const context = fromNewNetwork();
    let last = await subscribe(
      "q=coder",
      { email: "a0@example.com", frequency: "daily" },
      undefined,
      context,
    );
    for (let i = 1; i <= 20; i++)
      last = await subscribe(
        "q=coder",
        { email: `a${i}@example.com`, frequency: "daily" },
        undefined,
        context,
      );
    expect(last.status).toBe(429);
    const reply = (
      last.body as {
        result: { error: Record<string, string[]>; initialValue: Record<string, string> };
      }
    ).result;
    expect(reply.error[""]).toEqual([expect.stringMatching(/Too many alert requests/)]);
    expect(reply.initialValue.email).toBe("a20@example.com");
  });

  it("refuses filters it cannot save, saying why, and a malformed address", async () => {
    const unknown = await subscribe("specialty=basket-weaving", {
      email: "x@example.com",
      frequency: "daily",
    });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toMatch(/no specialty called “basket-weaving”/);
    const bad = await subscribe("q=coder", { email: "not-an-address", frequency: "daily" });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/Enter an email address/);
    const badFrequency = await subscribe("q=coder", {
      email: "y@example.com",
      frequency: "hourly",
    });
    expect(badFrequency.status).toBe(400);
  });

  it("finds its confirmed alerts in /me/alerts after signing up with the same address", async () => {
    const email = "later.member@example.com";
    await subscribe("setting=remote", { email, frequency: "weekly" });
    const alert = await alertRow(email);
    await call(confirmPage.action, post(`/alerts/confirm/${alert.token}`, {}), {
      token: alert.token,
    });
    const user = await createUser({ email, verified: false });
    const token = "a".repeat(32);
    await getDb()
      .insertInto("email_verifications")
      .values({
        user_id: user.id,
        email,
        token_hash: hashToken(token),
        expires_at: new Date(Date.now() + 3_600_000),
      })
      .execute();
    expect((await verifyEmail(token)).ok).toBe(true);
    const list = await call(accountAlerts.loader, get("/me/alerts", user.cookie));
    expect((list.body as { alerts: { id: number; description: string }[] }).alerts).toEqual([
      expect.objectContaining({ id: alert.id, description: "Remote jobs" }),
    ]);
  });
});

describe("an account's alert (one click)", () => {
  it("is live at once, and a second click finds the same alert", async () => {
    const coder = await createUser();
    const first = await subscribe(
      "credential=crc&setting=remote",
      { frequency: "daily" },
      coder.cookie,
    );
    expect(first.status).toBe(302);
    expect((await flashOf(first))?.message).toMatch(/^Alert created: “Remote CRC jobs”/);
    const again = await subscribe(
      "credential=crc&setting=remote",
      { frequency: "daily" },
      coder.cookie,
    );
    expect((await flashOf(again))?.message).toMatch(/^You already have this alert/);
    const rows = await getDb()
      .selectFrom("alerts")
      .selectAll()
      .where("user_id", "=", coder.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0].confirmed_at).not.toBeNull();
    expect(await confirmationsTo(coder.email)).toEqual([]);
  });

  it("asks an account whose address is not confirmed to confirm it first", async () => {
    const coder = await createUser({ verified: false });
    const answer = await subscribe("q=coder", { frequency: "daily" }, coder.cookie);
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toMatch(/Confirm your email address first/);
  });
});

describe("managing an alert", () => {
  it("renames it, changes its filters and frequency, pauses, resumes and deletes it by its token", async () => {
    const alert = await createAlert({ query: "q=coder", frequency: "daily" });
    const here = `/alerts/manage/${alert.token}`;
    const params = { token: alert.token };
    const act = (fields: Record<string, string>) =>
      call(managePage.action, post(here, fields), params);

    const blank = await act({ intent: "settings", name: "  ", frequency: "weekly" });
    expect(blank.status).toBe(400);
    expect(JSON.stringify(blank.body)).toMatch(/Give the alert a name/);
    const saved = await act({
      intent: "settings",
      name: "Weekly coder jobs",
      frequency: "weekly",
      timeZone: "America/Chicago",
    });
    expect(saved.location).toBe(here);

    const wrong = await act({ intent: "filters", q: "coder", specialty: "nope-nope" });
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body)).toMatch(/no specialty called “nope-nope”/);
    await act({ intent: "filters", q: "auditor", setting: "remote" });

    let row = await getDb()
      .selectFrom("alerts")
      .selectAll()
      .where("id", "=", alert.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      name: "Weekly coder jobs",
      frequency: "weekly",
      time_zone: "America/Chicago",
      query: "q=auditor&setting=remote",
      description: "Remote “auditor” jobs",
      match_settings: ["remote"],
    });
    expect(row.match_tsquery).toBe("'auditor'");

    await act({ intent: "pause" });
    row = await getDb()
      .selectFrom("alerts")
      .selectAll()
      .where("id", "=", alert.id)
      .executeTakeFirstOrThrow();
    expect(row.paused_reason).toBe("user");
    await act({ intent: "resume" });
    row = await getDb()
      .selectFrom("alerts")
      .selectAll()
      .where("id", "=", alert.id)
      .executeTakeFirstOrThrow();
    expect(row.paused_reason).toBeNull();

    const asked = await act({ intent: "delete" });
    expect(asked.status).toBe(200);
    expect(asked.body).toHaveProperty("confirmation.confirmLabel", "Yes, delete it");
    expect(
      await getDb().selectFrom("alerts").select("id").where("id", "=", alert.id).execute(),
    ).toHaveLength(1);
    const deleted = await act({ intent: "delete", confirmed: "yes" });
    expect(deleted.location).toBe("/jobs");
    expect(
      await getDb().selectFrom("alerts").select("id").where("id", "=", alert.id).execute(),
    ).toEqual([]);
  });

  it("will not resume an alert whose address bounced", async () => {
    const alert = await createAlert({
      query: "q=coder",
      frequency: "daily",
      email: "bounce@example.com",
    });
    await suppressEmailAddress({ email: "bounce@example.com", reason: "bounce" });
    await call(managePage.action, post(`/alerts/manage/${alert.token}`, { intent: "pause" }), {
      token: alert.token,
    });
    const answer = await call(
      managePage.action,
      post(`/alerts/manage/${alert.token}`, { intent: "resume" }),
      {
        token: alert.token,
      },
    );
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toMatch(/cannot send to this address/);
  });

  it("answers 404, never 500, for unknown or tampered tokens, another person's alert id and nonsense ids", async () => {
    const mine = await createUser();
    const theirs = await createUser();
    const alert = await createAlert({
      query: "q=coder",
      frequency: "daily",
      userId: theirs.id,
      email: theirs.email,
    });
    for (const token of [
      "x",
      "a".repeat(32),
      // The real token with its last character changed (to one it is not).
      `${alert.token.slice(0, -1)}${alert.token.endsWith("a") ? "b" : "a"}`,
      "'; drop table alerts; --",
    ]) {
      expect((await call(managePage.loader, get(`/alerts/manage/x`), { token })).status).toBe(404);
      expect(
        (
          await call(
            managePage.action,
            post("/alerts/manage/x", { intent: "delete", confirmed: "yes" }),
            { token },
          )
        ).status,
      ).toBe(404);
      expect(
        (await call(confirmPage.action, post("/alerts/confirm/x", {}), { token })).status,
      ).toBe(404);
    }
    for (const id of [String(alert.id), "0", "abc", "99999999999"]) {
      expect(
        (await call(accountAlert.loader, get(`/me/alerts/${id}`, mine.cookie), { id })).status,
      ).toBe(404);
      expect(
        (
          await call(
            accountAlert.action,
            post(`/me/alerts/${id}`, { intent: "delete", confirmed: "yes" }, mine.cookie),
            { id },
          )
        ).status,
      ).toBe(404);
    }
    expect(
      (
        await call(
          accountAlerts.action,
          post("/me/alerts", { alertId: String(alert.id), intent: "pause" }, mine.cookie),
        )
      ).status,
    ).toBe(404);
    const row = await getDb()
      .selectFrom("alerts")
      .selectAll()
      .where("id", "=", alert.id)
      .executeTakeFirstOrThrow();
    expect(row.paused_at).toBeNull();
    expect(
      (
        await call(managePage.action, post(`/alerts/manage/${alert.token}`, { intent: "fly" }), {
          token: alert.token,
        })
      ).status,
    ).toBe(400);
  });
});
