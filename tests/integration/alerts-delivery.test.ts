// Alert emails leave the outbox as the worker renders them: through the real Resend SDK to a
// local stand-in, several at once in a batch send, with the one-click unsubscribe headers.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { pauseAlert } from "../../app/alerts/alerts.server";
import { deliverEmails } from "../../app/email/outbox.server";
import { flushJobViews, getJobTotals } from "../../app/jobs/posting-stats.server";
import * as jobPage from "../../app/routes/jobs.$id.$slug";
import { getDb } from "../../app/utils/db.server";
import { getEnv, initEnv } from "../../app/utils/env.server";
import { startResendStandIn } from "../../scripts/lib/resend-stand-in";
import { call } from "../routes";
import { alertEmails, createAlert, createCompany, publishNewJob } from "./alerts-helpers";

let resend: Awaited<ReturnType<typeof startResendStandIn>>;
let company: number;
const saved = { key: process.env.RESEND_API_KEY, url: process.env.RESEND_BASE_URL };

beforeAll(async () => {
  resend = await startResendStandIn();
  process.env.RESEND_API_KEY = "re_test_alerts";
  process.env.RESEND_BASE_URL = resend.url;
  initEnv();
  company = (await createCompany("Riverbend Health")).id;
});
afterAll(async () => {
  await resend.close();
  for (const [name, value] of [
    ["RESEND_API_KEY", saved.key],
    ["RESEND_BASE_URL", saved.url],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  initEnv();
});
beforeEach(async () => {
  resend.requests.length = 0;
  await getDb().updateTable("jobs").set({ status: "closed" }).execute();
  await getDb().deleteFrom("alerts").execute();
  await getDb().deleteFrom("emails").execute();
});

type SentEmail = {
  to: string[];
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
};

describe("delivering alert emails", () => {
  it("renders each at delivery, featured first, with List-Unsubscribe headers, in one batch send", async () => {
    const alerts = await Promise.all(
      ["one@example.com", "two@example.com", "three@example.com"].map((email) =>
        createAlert({ query: "specialty=cardiology", frequency: "instant", email }),
      ),
    );
    const jobId = await publishNewJob(
      company,
      {
        title: "Remote Cardiology Coder",
        specialties: ["cardiology"],
        credentials: ["CPC"],
        salary_period: "year",
        salary_min_cents: 5_800_000,
        salary_max_cents: 6_600_000,
      },
      { featured: true },
    );
    const queued = await alertEmails();
    expect(queued).toHaveLength(3);
    const results = await deliverEmails(queued.map((e) => e.id));
    expect([...results.values()].map((r) => r.outcome)).toEqual(["sent", "sent", "sent"]);

    expect(resend.requests.map((r) => r.path)).toEqual(["/emails/batch"]);
    expect(resend.requests[0].headers["idempotency-key"]).toMatch(/^batch-[0-9a-f]{64}$/);
    const sent = resend.requests[0].body as SentEmail[];
    const appUrl = getEnv().APP_URL;
    for (const [i, email] of sent.entries()) {
      const alert = alerts.find((a) => a.id === queued[i].props.alertId)!;
      expect(email.to).toEqual([queued[i].to_address]);
      expect(email.subject).toBe("MedCode Jobs: Remote Cardiology Coder at Riverbend Health");
      expect(email.headers).toEqual({
        "List-Unsubscribe": `<${appUrl}/alerts/unsubscribe/${alert.token}>`,
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      });
      for (const part of [email.html, email.text]) {
        expect(part).toContain(`/jobs/${jobId}/remote-cardiology-coder?utm_source=alert`);
        expect(part).toContain("$58,000–$66,000 a year");
        expect(part).toContain("Requires CPC");
        expect(part).toContain(`${appUrl}/alerts/manage/${alert.token}`);
      }
      expect(email.html).toContain("Featured");
    }
    // What was sent is what the outbox keeps.
    const row = await getDb()
      .selectFrom("emails")
      .select(["state", "subject", "provider_id", "headers"])
      .where("id", "=", queued[0].id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: "sent", subject: sent[0].subject });
    expect(row.provider_id).toMatch(/^stand-in-/);
  });

  it("cancels an email whose alert was paused, or whose jobs all closed, before it left", async () => {
    const paused = await createAlert({ query: "q=auditor", frequency: "instant" });
    const closedJob = await createAlert({
      query: "q=auditor",
      frequency: "instant",
      email: "closed@example.com",
    });
    const jobId = await publishNewJob(company, { title: "Coding Auditor" });
    await pauseAlert({ token: paused.token });
    const queued = await alertEmails();
    const forClosed = queued.find((e) => e.props.alertId === closedJob.id)!;
    await deliverEmails(queued.filter((e) => e !== forClosed).map((e) => e.id));
    await getDb().updateTable("jobs").set({ status: "closed" }).where("id", "=", jobId).execute();
    await deliverEmails([forClosed.id]);
    expect((await alertEmails()).map((e) => e.state)).toEqual(["cancelled", "cancelled"]);
    expect(resend.requests).toEqual([]);
  });

  it("keeps the rendered message when no Resend key is set, so /dev/emails can show it", async () => {
    await createAlert({ query: "q=denials", frequency: "instant" });
    await publishNewJob(company, { title: "Denials Coder" });
    const [queued] = await alertEmails();
    const env = { ...getEnv(), RESEND_API_KEY: undefined };
    const results = await deliverEmails([queued.id], env);
    expect(results.get(queued.id)?.outcome).toBe("captured");
    const row = await getDb()
      .selectFrom("emails")
      .select(["text", "headers"])
      .where("id", "=", queued.id)
      .executeTakeFirstOrThrow();
    expect(row.text).toContain("Denials Coder");
    expect(row.headers).toMatchObject({ "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
  });

  it("counts a visit from an alert email's link as a view from alerts in the employer's numbers", async () => {
    const jobId = await publishNewJob(company, { title: "Telehealth Coder" });
    const path = `/jobs/${jobId}/telehealth-coder`;
    const browser = { "user-agent": "Mozilla/5.0 (Macintosh) Chrome/130" };
    for (const url of [`${path}?utm_source=alert&utm_medium=email&utm_campaign=daily`, path]) {
      const request = new Request(`http://localhost${url}`, { headers: browser });
      expect(
        (await call(jobPage.loader, request, { id: String(jobId), slug: "telehealth-coder" }))
          .status,
      ).toBe(200);
    }
    // Views are counted in memory and written in batches: write this process's batch now.
    await flushJobViews();
    expect(await getJobTotals({ companyId: company, jobId })).toMatchObject({
      views: 2,
      alert_views: 1,
    });
  });
});
