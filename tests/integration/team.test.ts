import { describe, expect, it } from "vitest";
import * as employerHome from "../../app/routes/employer._index";
import * as team from "../../app/routes/employer.team";
import * as invites from "../../app/routes/invites.$token";
import { getDb } from "../../app/utils/db.server";
import { createUser } from "../factories/users";
import { call, flashOf, get, post } from "../routes";

async function inviteToken(email: string) {
  const mail = await getDb()
    .selectFrom("emails")
    .select(["text", "template"])
    .where("to_address", "=", email)
    .orderBy("id", "desc")
    .executeTakeFirstOrThrow();
  expect(mail.template).toBe("team-invite");
  return /\/invites\/([a-z2-7]+)/.exec(mail.text ?? "")![1];
}

describe("team invites", () => {
  it("lets an owner invite a recruiter who joins once through the emailed link", async () => {
    const owner = await createUser({ role: "employer" });
    const email = `recruiter-${Date.now()}@example.com`;
    const sent = await call(
      team.action,
      post("/employer/team", { intent: "invite", email, role: "recruiter" }, owner.cookie),
    );
    expect(sent.status).toBe(302);
    expect(await flashOf(sent)).toMatchObject({ message: `Invite sent to ${email}.` });
    const token = await inviteToken(email);

    const joined = await call(
      invites.action,
      post(`/invites/${token}`, { name: "Riley Recruiter", password: "recruits-good-coders" }),
      { token },
    );
    expect(joined.status).toBe(302);
    const cookie = ((joined.body as Response).headers.get("set-cookie") ?? "").split(";")[0];
    const home = await call(employerHome.loader, get("/employer", cookie));
    expect(home.status).toBe(200);
    expect((home.body as { role: string; company: { id: number } }).role).toBe("recruiter");
    expect((home.body as { company: { id: number } }).company.id).toBe(owner.companyId);

    const again = await call(
      invites.action,
      post(`/invites/${token}`, { name: "Mallory", password: "second-use-of-link" }),
      { token },
    );
    expect(again.status).toBe(400);
  });

  it("does not let a recruiter invite or remove anyone", async () => {
    const owner = await createUser({ role: "employer" });
    const recruiter = await createUser({
      role: "employer",
      company: { id: owner.companyId!, role: "recruiter" },
    });
    const outcome = await call(
      team.action,
      post(
        "/employer/team",
        { intent: "invite", email: "y@example.com", role: "owner" },
        recruiter.cookie,
      ),
    );
    expect(outcome.status).toBe(403);
  });

  it("cuts a removed member off on their next request", async () => {
    const owner = await createUser({ role: "employer" });
    const recruiter = await createUser({
      role: "employer",
      company: { id: owner.companyId!, role: "recruiter" },
    });
    expect((await call(employerHome.loader, get("/employer", recruiter.cookie))).status).toBe(200);
    // Without JavaScript one click only asks; nothing changes until it is confirmed.
    const asked = await call(
      team.action,
      post("/employer/team", { intent: "remove", userId: String(recruiter.id) }, owner.cookie),
    );
    expect(asked.body).toMatchObject({ confirmation: { confirmLabel: "Yes, remove them" } });
    expect((await call(employerHome.loader, get("/employer", recruiter.cookie))).status).toBe(200);
    const removed = await call(
      team.action,
      post(
        "/employer/team",
        { intent: "remove", userId: String(recruiter.id), confirmed: "yes" },
        owner.cookie,
      ),
    );
    expect(removed.status).toBe(302);
    expect((await call(employerHome.loader, get("/employer", recruiter.cookie))).status).toBe(403);
    expect((await call(team.loader, get("/employer/team", recruiter.cookie))).status).toBe(403);
  });

  it("keeps at least one owner", async () => {
    const owner = await createUser({ role: "employer" });
    const outcome = await call(
      team.action,
      post(
        "/employer/team",
        { intent: "remove", userId: String(owner.id), confirmed: "yes" },
        owner.cookie,
      ),
    );
    expect(outcome.status).toBe(400);
  });

  it("does not let one company remove another company's member", async () => {
    const a = await createUser({ role: "employer" });
    const b = await createUser({ role: "employer" });
    const outcome = await call(
      team.action,
      post(
        "/employer/team",
        { intent: "remove", userId: String(b.id), confirmed: "yes" },
        a.cookie,
      ),
    );
    expect(outcome.status).toBe(400);
    expect((await call(employerHome.loader, get("/employer", b.cookie))).status).toBe(200);
  });
});
