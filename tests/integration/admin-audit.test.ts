// The audit log is append-only and filterable; operators are made on the command line; the
// overview's figures come from the data, not from invented numbers.
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { recordAudit } from "../../app/admin/audit.server";
import { grantOperator } from "../../app/admin/operators.server";
import * as overview from "../../app/routes/admin._index";
import * as audit from "../../app/routes/admin.audit";
import * as adminCompany from "../../app/routes/admin.companies.$id";
import { getDb } from "../../app/utils/db.server";
import { createUser } from "../factories/users";
import { call, get, post } from "../routes";
import { auditRows, employerWithJob, operator } from "./admin-helpers";

describe("audit log", () => {
  it("refuses every update, delete and truncate, even from the database owner", async () => {
    const admin = await operator();
    const { employer } = await employerWithJob();
    await call(
      adminCompany.action,
      post(
        `/admin/companies/${employer.companyId}`,
        { intent: "suspend", reason: "Audit test", confirmed: "yes" },
        admin.cookie,
      ),
      { id: String(employer.companyId) },
    );
    const [row] = await auditRows({ type: "company", id: employer.companyId! });
    expect(row.action).toBe("company.suspend");
    await expect(sql`update audit_log set note = 'edited'`.execute(getDb())).rejects.toThrow(
      /never updated or deleted/,
    );
    await expect(sql`delete from audit_log`.execute(getDb())).rejects.toThrow(
      /never updated or deleted/,
    );
    await expect(sql`truncate audit_log`.execute(getDb())).rejects.toThrow(
      /never updated or deleted/,
    );
    expect(await auditRows({ type: "company", id: employer.companyId! })).toHaveLength(1);
  });

  it("filters by action, company and who, pages back in time, and ignores nonsense filters", async () => {
    const admin = await operator();
    const companies: number[] = [];
    for (let i = 0; i < 3; i++) {
      const { employer } = await employerWithJob();
      companies.push(employer.companyId!);
      for (const intent of ["suspend", "unsuspend"])
        await call(
          adminCompany.action,
          post(
            `/admin/companies/${employer.companyId}`,
            { intent, reason: "Filter test", confirmed: "yes" },
            admin.cookie,
          ),
          { id: String(employer.companyId) },
        );
    }
    type Page = {
      rows: { action: string; company_id: number | null }[];
      nextBefore: number | null;
    };
    const load = async (query: string) =>
      (await call(audit.loader, get(`/admin/audit?${query}`, admin.cookie))).body as Page;

    const byCompany = await load(`companyId=${companies[1]}`);
    expect(byCompany.rows.map((r) => r.action)).toEqual(["company.unsuspend", "company.suspend"]);
    const suspensions = await load(`action=company.suspend&actor=${admin.id}`);
    expect(suspensions.rows).toHaveLength(3);
    expect(suspensions.rows.every((r) => r.action === "company.suspend")).toBe(true);
    const byName = await load(`actor=${encodeURIComponent(admin.name)}&action=company.unsuspend`);
    expect(byName.rows.map((r) => r.company_id)).toEqual([...companies].reverse());

    // Paging: 60 entries about one rule come back 50, then 10, with no overlap.
    for (let i = 0; i < 60; i++)
      await recordAudit(getDb(), {
        actor: admin,
        action: "spam_rule.add",
        subject: { type: "spam_rule", id: 999_999 },
        after: { n: i },
      });
    const first = await load("subjectType=spam_rule&subjectId=999999");
    expect(first.rows).toHaveLength(50);
    const second = await load(`subjectType=spam_rule&subjectId=999999&before=${first.nextBefore}`);
    expect(second.rows).toHaveLength(10);
    expect(second.nextBefore).toBeNull();
    const seen = [...first.rows, ...second.rows].map(
      (r) => (r as unknown as { after: { n: number } }).after.n,
    );
    expect(new Set(seen).size).toBe(60);

    const nonsense = await call(
      audit.loader,
      get("/admin/audit?action=drop+table&companyId=-4&from=yesterday&before=x", admin.cookie),
    );
    expect(nonsense.status).toBe(200);
  });

  it("keeps who did it after their account is deleted", async () => {
    const admin = await operator();
    const { employer } = await employerWithJob();
    await call(
      adminCompany.action,
      post(
        `/admin/companies/${employer.companyId}`,
        { intent: "suspend", reason: "Before leaving", confirmed: "yes" },
        admin.cookie,
      ),
      { id: String(employer.companyId) },
    );
    await getDb().deleteFrom("users").where("id", "=", admin.id).execute();
    const [row] = await getDb()
      .selectFrom("audit_log")
      .select(["actor_id", "actor_name"])
      .where("subject_type", "=", "company")
      .where("subject_id", "=", employer.companyId!)
      .execute();
    expect(row).toEqual({ actor_id: admin.id, actor_name: admin.name });
  });
});

describe("npm run admin:grant", () => {
  it("makes a coder an operator, ends their sessions and records it; refuses employers and strangers", async () => {
    const coder = await createUser({ role: "candidate" });
    expect(await grantOperator(getDb(), coder.email.toUpperCase())).toMatchObject({
      ok: true,
      previousRole: "candidate",
    });
    const user = await getDb()
      .selectFrom("users")
      .select("role")
      .where("id", "=", coder.id)
      .executeTakeFirstOrThrow();
    expect(user.role).toBe("admin");
    expect(
      await getDb().selectFrom("sessions").select("id").where("user_id", "=", coder.id).execute(),
    ).toEqual([]);
    expect(await auditRows({ type: "user", id: coder.id })).toMatchObject([
      { action: "admin.grant", actor_id: null, actor_role: "system", after: { role: "admin" } },
    ]);
    expect(await grantOperator(getDb(), coder.email)).toEqual({ ok: false, reason: "already" });
    const employer = await createUser({ role: "employer" });
    expect(await grantOperator(getDb(), employer.email)).toMatchObject({
      ok: false,
      reason: "company_member",
    });
    expect(await grantOperator(getDb(), "nobody@example.com")).toEqual({
      ok: false,
      reason: "not_found",
    });
  });
});

describe("operators' overview", () => {
  it("counts from the data: jobs by status, sign-ups today, and alert emails sent and bounced today", async () => {
    const admin = await operator();
    await createUser({ role: "candidate" });
    // One alert email sent and one alert confirmation (not an alert email), to an address that
    // then bounced.
    for (const template of ["alert-jobs", "alert-confirm"])
      await getDb()
        .insertInto("emails")
        .values({
          dedupe_key: `overview-${template}`,
          template,
          to_address: "gone@example.com",
          from_address: "jobs@medcode.local",
          subject: "s",
          html: "h",
          text: "t",
          state: "sent",
        })
        .execute();
    await getDb()
      .insertInto("email_suppressions")
      .values({ email: "gone@example.com", reason: "bounce" })
      .execute();
    const { body } = await call(overview.loader, get("/admin", admin.cookie));
    const metrics = (
      body as {
        metrics: {
          statuses: { status: string; count: number }[];
          signups: { day: string; coders: number }[];
          applications: unknown[];
          revenue: unknown[];
          alerts: { sent: number; bounces: number; complaints: number }[] | null;
        };
      }
    ).metrics;
    const counts = await getDb()
      .selectFrom("jobs")
      .select(["status", (eb) => eb.fn.countAll<number>().as("count")])
      .groupBy("status")
      .orderBy("status")
      .execute();
    expect(metrics.statuses).toEqual(counts);
    expect(metrics.applications).toHaveLength(90);
    expect(metrics.revenue).toHaveLength(13);
    const coders = await getDb()
      .selectFrom("users")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("role", "=", "candidate")
      .where(sql<boolean>`created_at::date = current_date`)
      .executeTakeFirstOrThrow();
    expect(metrics.signups.at(-1)?.coders).toBe(coders.n);
    expect(metrics.alerts?.at(-1)).toMatchObject({ sent: 1, bounces: 1, complaints: 0 });
  });
});
