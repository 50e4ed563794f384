// The access matrix as code: roles × resources × operations, every loader, action and
// resource route that touches applications called directly. Only the coder who applied and
// the company the application was sent to get anything; every other cell is refused.
import { beforeAll, describe, expect, it } from "vitest";
import * as credentialChecks from "../../app/routes/admin.credentials";
import * as list from "../../app/routes/employer.jobs.$id_.applicants._index";
import * as detail from "../../app/routes/employer.jobs.$id_.applicants.$applicationId";
import * as resume from "../../app/routes/employer.jobs.$id_.applicants.$applicationId_.resume";
import * as csv from "../../app/routes/employer.jobs.$id_.applicants.export";
import * as settings from "../../app/routes/employer.settings";
import * as apply from "../../app/routes/jobs.$id.apply";
import * as myApplications from "../../app/routes/me.applications";
import * as myFile from "../../app/routes/me.files.$id";
import * as deleteFile from "../../app/routes/me.files.$id.delete";
import * as profile from "../../app/routes/me.profile";
import { getDb } from "../../app/utils/db.server";
import { call, get, type Outcome, post } from "../routes";
import {
  applicationOf,
  applyWithUpload,
  createJob,
  createMarket,
  useTempUploads,
} from "./applications-helpers";

useTempUploads();

type Role = "visitor" | "coderA" | "coderB" | "ownerX" | "recruiterX" | "memberY" | "operator";
const ROLES: Role[] = [
  "visitor",
  "coderA",
  "coderB",
  "ownerX",
  "recruiterX",
  "memberY",
  "operator",
];

let market: Awaited<ReturnType<typeof createMarket>>;
let jobId: number;
let applicationId: number;
let fileId: number;
let credentialId: number;
const cookie = (role: Role) => (role === "visitor" ? undefined : market[role].cookie);

function refused(outcome: Outcome) {
  const toLogin =
    outcome.status === 302 && (outcome.location ?? "").startsWith("/login?redirectTo=");
  return toLogin || outcome.status === 403 || outcome.status === 404;
}

beforeAll(async () => {
  market = await createMarket();
  ({ jobId } = await createJob(market.companyX));
  await applyWithUpload(apply.action, jobId, market.coderA.cookie, {
    coverLetter: "A's private letter",
  });
  const row = (await applicationOf(jobId, market.coderA.id))!;
  applicationId = row.id;
  fileId = row.resume_file_id!;
  const cpc = await getDb()
    .selectFrom("credentials")
    .select("id")
    .where("code", "=", "CPC")
    .executeTakeFirstOrThrow();
  credentialId = (
    await getDb()
      .insertInto("candidate_credentials")
      .values({ user_id: market.coderA.id, credential_id: cpc.id, member_number: "01234567" })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
});

const params = () => ({ id: String(jobId), applicationId: String(applicationId) });

// resource × operation → how a role attempts it, and which roles may.
const cells: {
  resource: string;
  operation: "read" | "change" | "download";
  allowed: Role[];
  attempt: (role: Role) => Promise<Outcome>;
}[] = [
  {
    resource: "application (employer view)",
    operation: "read",
    allowed: ["ownerX", "recruiterX"],
    attempt: (r) => call(detail.loader, get("/x", cookie(r)), params()),
  },
  {
    resource: "application list (employer)",
    operation: "read",
    allowed: ["ownerX", "recruiterX"],
    attempt: (r) =>
      call(list.loader, get(`/employer/jobs/${jobId}/applicants`, cookie(r)), params()),
  },
  {
    resource: "application (withdraw)",
    operation: "change",
    allowed: ["coderA"],
    attempt: (r) =>
      call(
        myApplications.action,
        post(
          "/me/applications",
          { intent: "withdraw", applicationId: String(applicationId), confirmed: "yes" },
          cookie(r),
        ),
      ),
  },
  {
    resource: "resume file (employer download)",
    operation: "download",
    allowed: ["ownerX", "recruiterX"],
    attempt: (r) => call(resume.loader, get("/x", cookie(r)), params()),
  },
  {
    resource: "resume file (owner download)",
    operation: "download",
    allowed: ["coderA"],
    attempt: (r) =>
      call(myFile.loader, get(`/me/files/${fileId}`, cookie(r)), { id: String(fileId) }),
  },
  {
    resource: "resume file (delete)",
    operation: "change",
    allowed: ["coderA"],
    attempt: (r) =>
      call(
        deleteFile.action,
        post(`/me/files/${fileId}/delete`, { intent: "delete", confirmed: "yes" }, cookie(r)),
        { id: String(fileId) },
      ),
  },
  {
    resource: "notes",
    operation: "change",
    allowed: ["ownerX", "recruiterX"],
    attempt: (r) =>
      call(detail.action, post("/x", { intent: "note", body: "Internal" }, cookie(r)), params()),
  },
  {
    resource: "status change (detail)",
    operation: "change",
    allowed: ["ownerX", "recruiterX"],
    attempt: (r) =>
      call(detail.action, post("/x", { intent: "move", to: "interview" }, cookie(r)), params()),
  },
  {
    resource: "status change (bulk)",
    operation: "change",
    allowed: ["ownerX", "recruiterX"],
    attempt: (r) =>
      call(
        list.action,
        post("/x", { intent: "move", to: "rejected", ids: String(applicationId) }, cookie(r)),
        params(),
      ),
  },
  {
    resource: "CSV export",
    operation: "download",
    allowed: ["ownerX", "recruiterX"],
    attempt: (r) => call(csv.loader, get("/x", cookie(r)), params()),
  },
  {
    resource: "profile",
    operation: "read",
    allowed: ["coderA", "coderB"], // each their own: there is no way to name another's
    attempt: (r) => call(profile.loader, get("/me/profile", cookie(r))),
  },
  {
    resource: "profile",
    operation: "change",
    allowed: ["coderA", "coderB"],
    attempt: (r) =>
      call(
        profile.action,
        post("/me/profile", { intent: "profile", headline: `Changed by ${r}` }, cookie(r)),
      ),
  },
  {
    resource: "coder's credential (verification)",
    operation: "change",
    allowed: ["operator"],
    attempt: (r) =>
      call(
        credentialChecks.action,
        post(
          "/admin/credentials",
          { intent: "verify", credentialId: String(credentialId), method: "issuer_directory" },
          cookie(r),
        ),
      ),
  },
  {
    resource: "notification settings",
    operation: "change",
    allowed: ["ownerX", "memberY"], // each for their own company; memberY owns company Y
    attempt: (r) =>
      call(
        settings.action,
        post(
          "/employer/settings",
          { newApplicationEmail: "instant", notifyCandidateOnStatus: "on" },
          cookie(r),
        ),
      ),
  },
];

describe("every refused cell is 403, 404 or a login redirect, and changes nothing", () => {
  for (const cell of cells) {
    for (const role of ROLES.filter((r) => !cell.allowed.includes(r))) {
      it(`${role} × ${cell.resource} × ${cell.operation}`, async () => {
        const outcome = await cell.attempt(role);
        expect(refused(outcome), `answered ${outcome.status} ${outcome.location ?? ""}`).toBe(true);
      });
    }
  }

  it("after every refused attempt the application, its notes and the file are untouched", async () => {
    const row = (await applicationOf(jobId, market.coderA.id))!;
    expect(row).toMatchObject({ status: "new", resume_file_id: fileId });
    expect(
      await getDb()
        .selectFrom("application_notes")
        .select("id")
        .where("application_id", "=", applicationId)
        .execute(),
    ).toEqual([]);
    const events = await getDb()
      .selectFrom("application_events")
      .select("to_status")
      .where("application_id", "=", applicationId)
      .execute();
    expect(events).toEqual([{ to_status: "new" }]);
    const credential = await getDb()
      .selectFrom("candidate_credentials")
      .select("verified_at")
      .where("id", "=", credentialId)
      .executeTakeFirstOrThrow();
    expect(credential.verified_at).toBeNull();
  });

  it("another coder's list and the operator never see the application", async () => {
    const other = await call(myApplications.loader, get("/me/applications", market.coderB.cookie));
    expect(other.status).toBe(200);
    expect(JSON.stringify(other.body)).not.toContain("A's private letter");
    expect((other.body as { applications: unknown[] }).applications).toEqual([]);
  });
});

describe("the allowed cells work", () => {
  it("company X reads, annotates, moves, exports and downloads; the coder reads and downloads", async () => {
    for (const role of ["ownerX", "recruiterX"] as const) {
      expect((await call(detail.loader, get("/x", cookie(role)), params())).status).toBe(200);
      expect((await call(csv.loader, get("/x", cookie(role)), params())).status).toBe(200);
      expect((await call(resume.loader, get("/x", cookie(role)), params())).status).toBe(200);
    }
    expect(
      (
        await call(
          detail.action,
          post("/x", { intent: "note", body: "Call her" }, cookie("recruiterX")),
          params(),
        )
      ).status,
    ).toBe(302);
    expect(
      (
        await call(
          detail.action,
          post("/x", { intent: "move", to: "interview" }, cookie("ownerX")),
          params(),
        )
      ).status,
    ).toBe(302);
    expect(
      (
        await call(myFile.loader, get(`/me/files/${fileId}`, cookie("coderA")), {
          id: String(fileId),
        })
      ).status,
    ).toBe(200);
    const mine = await call(myApplications.loader, get("/me/applications", cookie("coderA")));
    expect(
      (mine.body as { applications: { id: number; status: string }[] }).applications,
    ).toMatchObject([{ id: applicationId, status: "interview" }]);
  });

  it("a recruiter removed from the company is refused on the next request", async () => {
    expect((await call(detail.loader, get("/x", cookie("recruiterX")), params())).status).toBe(200);
    await getDb()
      .deleteFrom("company_members")
      .where("user_id", "=", market.recruiterX.id)
      .execute();
    for (const attempt of [
      () => call(detail.loader, get("/x", cookie("recruiterX")), params()),
      () => call(resume.loader, get("/x", cookie("recruiterX")), params()),
      () => call(csv.loader, get("/x", cookie("recruiterX")), params()),
      () =>
        call(
          list.action,
          post(
            "/x",
            { intent: "move", to: "hired", ids: String(applicationId) },
            cookie("recruiterX"),
          ),
          params(),
        ),
    ]) {
      expect((await attempt()).status).toBe(403);
    }
    expect((await applicationOf(jobId, market.coderA.id))!.status).toBe("interview");
  });

  it("the coder withdraws last", async () => {
    const outcome = await call(
      myApplications.action,
      post(
        "/me/applications",
        { intent: "withdraw", applicationId: String(applicationId), confirmed: "yes" },
        cookie("coderA"),
      ),
    );
    expect(outcome.status).toBe(302);
    expect((await applicationOf(jobId, market.coderA.id))!.status).toBe("withdrawn");
  });
});
