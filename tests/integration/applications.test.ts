// Applying and tracking: the apply route with uploads and inline sign-up, one application per
// coder and job under load, withdrawal, the employer pipeline, notes, CSV, emails, deletion.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { sendApplicationDigests } from "../../app/applications/pipeline.server";
import { deleteAccount } from "../../app/auth/account-data.server";
import { MAX_RESUME_BYTES } from "../../app/files/sniff";
import * as list from "../../app/routes/employer.jobs.$id_.applicants._index";
import * as detail from "../../app/routes/employer.jobs.$id_.applicants.$applicationId";
import * as resume from "../../app/routes/employer.jobs.$id_.applicants.$applicationId_.resume";
import * as csv from "../../app/routes/employer.jobs.$id_.applicants.export";
import * as settings from "../../app/routes/employer.settings";
import * as apply from "../../app/routes/jobs.$id.apply";
import * as go from "../../app/routes/jobs.$id.go";
import * as myApplications from "../../app/routes/me.applications";
import * as exportJson from "../../app/routes/me.export[.json]";
import { getDb } from "../../app/utils/db.server";
import { bombDocx, multipartPost, tinyDocx, tinyPdf } from "../factories/files";
import { createUser, TEST_PASSWORD } from "../factories/users";
import { call, flashOf, get, post } from "../routes";
import {
  applicationOf,
  applyWithUpload,
  createJob,
  createMarket,
  useTempUploads,
} from "./applications-helpers";

const uploads = useTempUploads();
let market: Awaited<ReturnType<typeof createMarket>>;

function storedFiles(): string[] {
  const walk = (dir: string): string[] =>
    existsSync(dir)
      ? readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
          d.isDirectory() ? walk(path.join(dir, d.name)) : [path.join(dir, d.name)],
        )
      : [];
  return walk(uploads);
}

async function emailsTo(address: string) {
  return getDb()
    .selectFrom("emails")
    .select(["template", "subject", "dedupe_key", "text"])
    .where("to_address", "=", address)
    .orderBy("id")
    .execute();
}

beforeAll(async () => {
  market = await createMarket();
});

describe("applying", () => {
  it("a coder applies with a new PDF, answers and credentials; both sides are emailed", async () => {
    const { jobId, questions } = await createJob(market.companyX, {
      questions: [
        { kind: "yes_no", prompt: "Do you hold an active CPC?" },
        { kind: "text", prompt: "Which EHR have you used?", required: false },
      ],
    });
    const outcome = await applyWithUpload(apply.action, jobId, market.coderA.cookie, {
      coverLetter: "I code E/M every day.",
      credentials: ["CPC", "CRC"],
      aapcNumber: "01234567",
      [`answers.q${questions[0].id}`]: "yes",
      [`answers.q${questions[1].id}`]: "Epic",
    });
    expect(outcome.status).toBe(302);
    expect(outcome.location).toMatch(/^\/me\/applications#application-\d+$/);
    expect(await flashOf(outcome)).toEqual({
      kind: "success",
      message: "Application sent. We emailed you a copy of the confirmation.",
    });
    const row = (await applicationOf(jobId, market.coderA.id))!;
    expect(row).toMatchObject({
      status: "new",
      candidate_name: "Ana Coder",
      candidate_email: market.coderA.email,
      cover_letter: "I code E/M every day.",
      credential_codes: ["CPC", "CRC"],
      aapc_member_number: "01234567",
      company_id: market.companyX,
    });
    expect(row.answers).toEqual([
      {
        question_id: questions[0].id,
        kind: "yes_no",
        prompt: "Do you hold an active CPC?",
        answer: "yes",
      },
      {
        question_id: questions[1].id,
        kind: "text",
        prompt: "Which EHR have you used?",
        answer: "Epic",
      },
    ]);
    expect(row.resume_file_id).toBeTruthy();
    const events = await getDb()
      .selectFrom("application_events")
      .selectAll()
      .where("application_id", "=", row.id)
      .execute();
    expect(events).toMatchObject([
      { from_status: null, to_status: "new", actor_kind: "candidate", actor_id: market.coderA.id },
    ]);
    expect((await emailsTo(market.coderA.email)).map((e) => e.dedupe_key)).toContain(
      `application-received:${row.id}`,
    );
    for (const member of [market.ownerX, market.recruiterX]) {
      expect((await emailsTo(member.email)).map((e) => e.dedupe_key)).toContain(
        `new-application:${row.id}:${member.id}`,
      );
    }
    expect(
      (await emailsTo(market.memberY.email)).some((e) => e.template === "new-application"),
    ).toBe(false);
    // The first upload becomes the profile's default resume: the next application is pre-filled.
    const profile = await getDb()
      .selectFrom("candidate_profiles")
      .select("default_resume_file_id")
      .where("user_id", "=", market.coderA.id)
      .executeTakeFirst();
    expect(profile?.default_resume_file_id).toBe(row.resume_file_id);

    const again = await call(apply.loader, get(`/jobs/${jobId}/apply`, market.coderA.cookie), {
      id: String(jobId),
    });
    expect(again.body).toMatchObject({ kind: "applied", existing: { id: row.id, status: "new" } });
    const second = await applyWithUpload(apply.action, jobId, market.coderA.cookie);
    expect(second).toMatchObject({ status: 302, location: `/jobs/${jobId}/apply` });
  });

  it("a missing required answer is refused and the uploaded resume is kept for the next try", async () => {
    const coder = await createUser({ role: "candidate" });
    const { jobId } = await createJob(market.companyX, {
      questions: [{ kind: "yes_no", prompt: "Can you work Eastern hours?" }],
    });
    const outcome = await applyWithUpload(apply.action, jobId, coder.cookie, {
      coverLetter: "Kept text",
    });
    expect(outcome.status).toBe(400);
    const body = outcome.body as {
      result: { error: Record<string, string[]>; initialValue: Record<string, unknown> };
      kept: { fileId: number };
    };
    expect(Object.values(body.result.error).flat().join(" ")).toMatch(/Choose yes or no/);
    expect(body.result.initialValue.coverLetter).toBe("Kept text");
    expect(body.kept.fileId).toBeTruthy();
    expect(await applicationOf(jobId, coder.id)).toBeUndefined();
  });

  it("50 identical applications sent at once make one row and no 5xx", async () => {
    const coder = await createUser({ role: "candidate" });
    const first = await createJob(market.companyX);
    await applyWithUpload(apply.action, first.jobId, coder.cookie);
    const fileId = (await applicationOf(first.jobId, coder.id))!.resume_file_id!;
    const { jobId } = await createJob(market.companyX);
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, () =>
        call(
          apply.action,
          post(
            `/jobs/${jobId}/apply`,
            { resumeFile: String(fileId), coverLetter: "Same" },
            coder.cookie,
          ),
          { id: String(jobId) },
        ),
      ),
    );
    expect(outcomes.filter((o) => o.status >= 500)).toEqual([]);
    expect(outcomes.every((o) => o.status === 302)).toBe(true);
    const rows = await getDb()
      .selectFrom("applications")
      .select("id")
      .where("job_id", "=", jobId)
      .execute();
    expect(rows).toHaveLength(1);
    const received = (await emailsTo(coder.email)).filter(
      (e) => e.dedupe_key === `application-received:${rows[0].id}`,
    );
    expect(received).toHaveLength(1);
  });

  describe("uploads refused with a clear message", () => {
    let jobId: number;
    beforeAll(async () => {
      ({ jobId } = await createJob(market.companyX));
    });
    it.each([
      [
        "5 MiB + 1 byte",
        "big.pdf",
        () => new Uint8Array(MAX_RESUME_BYTES + 1).fill(0x25),
        413,
        /larger than 5 MiB/,
      ],
      [
        "an SVG renamed .pdf",
        "cv.pdf",
        () =>
          new TextEncoder().encode(
            '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
          ),
        400,
        /PDF or a Word/,
      ],
      [
        "HTML renamed .pdf",
        "cv.pdf",
        () => new TextEncoder().encode("<html><script>alert(1)</script></html>"),
        400,
        /PDF or a Word/,
      ],
      [
        "an ELF executable renamed .docx",
        "cv.docx",
        () => new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0]),
        400,
        /program/,
      ],
      [
        "a Windows executable renamed .docx",
        "cv.docx",
        () => new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]),
        400,
        /program/,
      ],
      ["a DOCX that expands past the bound", "cv.docx", () => bombDocx(), 400, /expands/],
      ["an empty file", "cv.pdf", () => new Uint8Array(0), 400, /empty|Choose your resume/],
    ])("%s", async (_label, name, bytes, status, message) => {
      const coder = await createUser({ role: "candidate" });
      const before = storedFiles().length;
      const outcome = await applyWithUpload(
        apply.action,
        jobId,
        coder.cookie,
        { coverLetter: "Still here" },
        { name, bytes: bytes() },
      );
      expect(outcome.status).toBe(status);
      const body = outcome.body as {
        result: { error: Record<string, string[]>; initialValue: Record<string, unknown> };
      };
      expect(body.result.error.resumeFile?.join(" ")).toMatch(message);
      expect(body.result.initialValue.coverLetter).toBe("Still here");
      expect(await applicationOf(jobId, coder.id)).toBeUndefined();
      expect(storedFiles().length).toBe(before);
      expect(
        await getDb().selectFrom("files").select("id").where("user_id", "=", coder.id).execute(),
      ).toEqual([]);
    });

    it("a real DOCX is accepted", async () => {
      const coder = await createUser({ role: "candidate" });
      const outcome = await applyWithUpload(
        apply.action,
        jobId,
        coder.cookie,
        {},
        { name: "cv.docx", bytes: tinyDocx() },
      );
      expect(outcome.status).toBe(302);
    });
  });

  it("file names with ../, CR/LF and right-to-left marks are stored safely and downloaded escaped", async () => {
    const coder = await createUser({ role: "candidate" });
    const { jobId } = await createJob(market.companyX);
    const outcome = await applyWithUpload(
      apply.action,
      jobId,
      coder.cookie,
      {},
      { name: "..\\..\\x\r\ny\u202Efdp.exe.pdf", bytes: tinyPdf() },
    );
    expect(outcome.status).toBe(302);
    const row = (await applicationOf(jobId, coder.id))!;
    const file = await getDb()
      .selectFrom("files")
      .selectAll()
      .where("id", "=", row.resume_file_id!)
      .executeTakeFirstOrThrow();
    expect(file.original_name).not.toMatch(/[\r\n\u202E/\\]|\.\./);
    expect(file.storage_key).toMatch(/^[a-f0-9]{2}\/[a-f0-9]{32}$/);
    const download = await call(resume.loader, get(`/x`, market.ownerX.cookie), {
      id: String(jobId),
      applicationId: String(row.id),
    });
    const response = download.body as Response;
    const disposition = response.headers.get("content-disposition")!;
    expect(disposition).toMatch(
      /^attachment; filename="[A-Za-z0-9 ._()-]+"; filename\*=UTF-8''[A-Za-z0-9%._~!-]+$/,
    );
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(tinyPdf());
  });

  it("a visitor creates an account inside the apply form, keeps what they wrote and is signed in", async () => {
    const { jobId } = await createJob(market.companyX);
    const email = `apply-signup-${Date.now()}@example.com`;
    const outcome = await applyWithUpload(apply.action, jobId, undefined, {
      accountMode: "signup",
      name: "Vera Visitor",
      email,
      password: "coding-charts-all-day",
      coverLetter: "Hello from a new account",
    });
    expect(outcome.status).toBe(302);
    const cookie = (outcome.body as Response).headers.get("set-cookie");
    expect(cookie).toMatch(/^session=/);
    const user = await getDb()
      .selectFrom("users")
      .select(["id", "role", "email_verified_at"])
      .where("email", "=", email)
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({ role: "candidate", email_verified_at: null });
    expect(await applicationOf(jobId, user.id)).toMatchObject({
      cover_letter: "Hello from a new account",
      candidate_name: "Vera Visitor",
    });
    const templates = (await emailsTo(email)).map((e) => e.template);
    expect(templates).toEqual(expect.arrayContaining(["verify-email", "application-received"]));
  });

  it("a visitor who mistypes their password keeps the upload and the text, then logs in and applies", async () => {
    const coder = await createUser({ role: "candidate" });
    const { jobId } = await createJob(market.companyX);
    const wrong = await applyWithUpload(apply.action, jobId, undefined, {
      accountMode: "login",
      email: coder.email,
      password: "not the password",
      coverLetter: "Keep me",
    });
    expect(wrong.status).toBe(400);
    const body = wrong.body as {
      result: { initialValue: Record<string, unknown>; error: Record<string, string[]> };
      kept: { token: string; name: string };
    };
    expect(body.result.initialValue.coverLetter).toBe("Keep me");
    expect(body.result.initialValue.password).toBeUndefined();
    expect(body.kept).toMatchObject({ name: "resume.pdf", token: expect.any(String) });
    const right = await call(
      apply.action,
      multipartPost(
        `/jobs/${jobId}/apply`,
        {
          resumeFile: "pending",
          pendingResume: body.kept.token,
          accountMode: "login",
          email: coder.email,
          password: TEST_PASSWORD,
          coverLetter: "Keep me",
        },
        {},
      ),
      { id: String(jobId) },
    );
    expect(right.status).toBe(302);
    const row = (await applicationOf(jobId, coder.id))!;
    const file = await getDb()
      .selectFrom("files")
      .select(["user_id", "claim_token_hash"])
      .where("id", "=", row.resume_file_id!)
      .executeTakeFirstOrThrow();
    expect(file).toEqual({ user_id: coder.id, claim_token_hash: null });
  });

  it("an employer cannot apply; a closed job refuses", async () => {
    const { jobId } = await createJob(market.companyY);
    expect((await applyWithUpload(apply.action, jobId, market.ownerX.cookie)).status).toBe(403);
    await getDb()
      .updateTable("jobs")
      .set({ status: "closed", closed_at: new Date() })
      .where("id", "=", jobId)
      .execute();
    expect((await applyWithUpload(apply.action, jobId, market.coderB.cookie)).status).toBe(410);
    expect(
      (await call(apply.loader, get(`/jobs/${jobId}/apply`), { id: String(jobId) })).status,
    ).toBe(410);
  });

  it("a coder withdraws; the employer can no longer move the application", async () => {
    const coder = await createUser({ role: "candidate" });
    const { jobId } = await createJob(market.companyX);
    await applyWithUpload(apply.action, jobId, coder.cookie);
    const row = (await applicationOf(jobId, coder.id))!;
    const other = await call(
      myApplications.action,
      post(
        "/me/applications",
        { intent: "withdraw", applicationId: String(row.id), confirmed: "yes" },
        market.coderB.cookie,
      ),
    );
    expect(other.status).toBe(404);
    // One click (no JavaScript, so no second step in place) only asks.
    const asked = await call(
      myApplications.action,
      post("/me/applications", { intent: "withdraw", applicationId: String(row.id) }, coder.cookie),
    );
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({
      confirmation: {
        confirmLabel: "Yes, withdraw it for good",
        fields: [
          ["intent", "withdraw"],
          ["applicationId", String(row.id)],
        ],
      },
    });
    expect((await applicationOf(jobId, coder.id))!.status).toBe("new");
    const outcome = await call(
      myApplications.action,
      post(
        "/me/applications",
        { intent: "withdraw", applicationId: String(row.id), confirmed: "yes" },
        coder.cookie,
      ),
    );
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe(`/me/applications#application-${row.id}`);
    expect((await applicationOf(jobId, coder.id))!.status).toBe("withdrawn");
    await call(
      list.action,
      post("/x", { intent: "move", to: "interview", ids: String(row.id) }, market.ownerX.cookie),
      { id: String(jobId) },
    );
    expect((await applicationOf(jobId, coder.id))!.status).toBe("withdrawn");
    const mine = await call(myApplications.loader, get("/me/applications", coder.cookie));
    const app = (
      mine.body as { applications: { id: number; events: { to_status: string }[] }[] }
    ).applications.find((a) => a.id === row.id)!;
    expect(app.events.map((e) => e.to_status)).toEqual(["new", "withdrawn"]);
  });

  it("jobs that apply elsewhere go through a counted redirect; crawlers are not counted", async () => {
    const { jobId } = await createJob(market.companyX, { applyMethod: "url" });
    const page = await call(apply.loader, get(`/jobs/${jobId}/apply`), { id: String(jobId) });
    expect(page.body).toMatchObject({ kind: "external" });
    const browser = new Request(`http://localhost/jobs/${jobId}/go`, {
      headers: { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0" },
    });
    const out = await call(go.loader, browser, { id: String(jobId) });
    expect(out).toMatchObject({ status: 302, location: "https://careers.example.com/apply?id=9" });
    const bot = new Request(`http://localhost/jobs/${jobId}/go`, {
      headers: { "user-agent": "Googlebot/2.1 (+http://www.google.com/bot.html)" },
    });
    await call(go.loader, bot, { id: String(jobId) });
    const stats = await getDb()
      .selectFrom("job_stats_daily")
      .select("apply_clicks")
      .where("job_id", "=", jobId)
      .executeTakeFirst();
    expect(stats?.apply_clicks).toBe(1);
    const email = await createJob(market.companyX, { applyMethod: "email" });
    expect(
      (await call(go.loader, get(`/jobs/${email.jobId}/go`), { id: String(email.jobId) })).location,
    ).toMatch(/^mailto:jobs@example\.com\?subject=/);
  });
});

describe("employer pipeline", () => {
  let jobId: number;
  let ids: { a: number; b: number };
  beforeAll(async () => {
    ({ jobId } = await createJob(market.companyX, {
      questions: [{ kind: "text", prompt: "Favourite code?" }],
    }));
    const q = (
      await getDb()
        .selectFrom("job_questions")
        .select("id")
        .where("job_id", "=", jobId)
        .executeTakeFirstOrThrow()
    ).id;
    await applyWithUpload(apply.action, jobId, market.coderA.cookie, {
      credentials: ["CPC"],
      [`answers.q${q}`]: '=HYPERLINK("http://evil")',
      coverLetter: "+1 great coder",
    });
    await applyWithUpload(apply.action, jobId, market.coderB.cookie, {
      credentials: ["CCS"],
      [`answers.q${q}`]: "99213",
    });
    ids = {
      a: (await applicationOf(jobId, market.coderA.id))!.id,
      b: (await applicationOf(jobId, market.coderB.id))!.id,
    };
  });

  it("lists applicants with credentials, answers and status; filters by status and credential; sorts by date", async () => {
    const all = await call(
      list.loader,
      get(`/employer/jobs/${jobId}/applicants`, market.recruiterX.cookie),
      { id: String(jobId) },
    );
    const body = all.body as {
      applicants: {
        id: number;
        candidate_name: string;
        credential_codes: string[];
        answers: { answer: string }[];
      }[];
    };
    expect(body.applicants.map((a) => a.id)).toEqual([ids.b, ids.a]);
    expect(body.applicants[1]).toMatchObject({
      candidate_name: "Ana Coder",
      credential_codes: ["CPC"],
    });
    const oldest = await call(
      list.loader,
      get(`/employer/jobs/${jobId}/applicants?sort=oldest`, market.ownerX.cookie),
      { id: String(jobId) },
    );
    expect((oldest.body as typeof body).applicants.map((a) => a.id)).toEqual([ids.a, ids.b]);
    const ccs = await call(
      list.loader,
      get(`/employer/jobs/${jobId}/applicants?credential=ccs`, market.ownerX.cookie),
      { id: String(jobId) },
    );
    expect((ccs.body as typeof body).applicants.map((a) => a.id)).toEqual([ids.b]);
    // The board shows every stage; the table view narrows to one.
    const reviewing = await call(
      list.loader,
      get(`/employer/jobs/${jobId}/applicants?view=table&status=reviewing`, market.ownerX.cookie),
      { id: String(jobId) },
    );
    expect((reviewing.body as typeof body).applicants).toEqual([]);
  });

  it("bulk moves record who and when, and email the candidate on interview when the company allows", async () => {
    const moved = await call(
      list.action,
      post("/x", { intent: "move", to: "reviewing", ids: String(ids.a) }, market.recruiterX.cookie),
      { id: String(jobId) },
    );
    expect(moved.status).toBe(302);
    expect(await flashOf(moved)).toEqual({
      kind: "success",
      message: "Moved 1 applicant to Reviewing.",
    });
    // Moving someone to the stage they are in says so, instead of claiming a move.
    const again = await call(
      list.action,
      post("/x", { intent: "move", to: "reviewing", ids: String(ids.a) }, market.recruiterX.cookie),
      { id: String(jobId) },
    );
    expect(await flashOf(again)).toEqual({
      kind: "info",
      message: "Nothing changed: this applicant is already in Reviewing or withdrew.",
    });
    const form = new URLSearchParams([
      ["intent", "move"],
      ["to", "interview"],
      ["ids", String(ids.a)],
      ["ids", String(ids.b)],
    ]);
    const request = new Request("http://localhost/x", {
      method: "POST",
      body: form,
      headers: { cookie: market.ownerX.cookie, origin: "http://localhost" },
    });
    await call(list.action, request, { id: String(jobId) });
    const events = await getDb()
      .selectFrom("application_events")
      .selectAll()
      .where("application_id", "=", ids.a)
      .orderBy("id")
      .execute();
    expect(events.map((e) => [e.from_status, e.to_status, e.actor_id])).toEqual([
      [null, "new", market.coderA.id],
      ["new", "reviewing", market.recruiterX.id],
      ["reviewing", "interview", market.ownerX.id],
    ]);
    expect(events.every((e) => e.created_at instanceof Date)).toBe(true);
    const statusMails = (await emailsTo(market.coderA.email)).filter(
      (e) => e.template === "application-status",
    );
    expect(statusMails.map((e) => e.dedupe_key)).toEqual([`application-status:${ids.a}:interview`]);
    expect(
      (await emailsTo(market.coderB.email)).some(
        (e) => e.dedupe_key === `application-status:${ids.b}:interview`,
      ),
    ).toBe(true);
  });

  it("a company that turned candidate emails off moves silently; only owners change the setting", async () => {
    const byRecruiter = await call(
      settings.action,
      post("/employer/settings", { newApplicationEmail: "instant" }, market.recruiterX.cookie),
    );
    expect(byRecruiter.status).toBe(403);
    const saved = await call(
      settings.action,
      post("/employer/settings", { newApplicationEmail: "instant" }, market.ownerX.cookie),
    );
    expect(saved.status).toBe(302);
    expect(await flashOf(saved)).toMatchObject({ message: "Notification settings saved." });
    await call(
      detail.action,
      post("/x", { intent: "move", to: "rejected" }, market.ownerX.cookie),
      { id: String(jobId), applicationId: String(ids.b) },
    );
    expect((await applicationOf(jobId, market.coderB.id))!.status).toBe("rejected");
    expect(
      (await emailsTo(market.coderB.email)).some(
        (e) => e.dedupe_key === `application-status:${ids.b}:rejected`,
      ),
    ).toBe(false);
    await call(
      settings.action,
      post(
        "/employer/settings",
        { newApplicationEmail: "instant", notifyCandidateOnStatus: "on" },
        market.ownerX.cookie,
      ),
    );
  });

  it("notes are visible inside the company only, never to the candidate", async () => {
    const added = await call(
      detail.action,
      post("/x", { intent: "note", body: "Strong E/M background" }, market.recruiterX.cookie),
      { id: String(jobId), applicationId: String(ids.a) },
    );
    expect(added.status).toBe(302);
    expect(await flashOf(added)).toMatchObject({ message: "Note added." });
    const seen = await call(detail.loader, get("/x", market.ownerX.cookie), {
      id: String(jobId),
      applicationId: String(ids.a),
    });
    expect(
      (seen.body as { applicant: { notes: { body: string; author_name: string }[] } }).applicant
        .notes,
    ).toMatchObject([{ body: "Strong E/M background" }]);
    const mine = await call(myApplications.loader, get("/me/applications", market.coderA.cookie));
    expect(JSON.stringify(mine.body)).not.toContain("Strong E/M background");
    const exported = await call(exportJson.loader, get("/me/export.json", market.coderA.cookie));
    expect(await (exported.body as Response).text()).not.toContain("Strong E/M background");
  });

  it("exports CSV with formula cells neutralised", async () => {
    const outcome = await call(csv.loader, get("/x", market.recruiterX.cookie), {
      id: String(jobId),
    });
    const response = outcome.body as Response;
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="applicants-/,
    );
    const text = await response.text();
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(text).toContain(`"'+1 great coder"`);
    expect(text).toContain('"Ana Coder"');
    expect(text).not.toMatch(/(^|,)"[=+\-@]/m);
  });
});

describe("email choices", () => {
  it("a company on the daily summary gets one digest per member instead of an email per application", async () => {
    const owner = await createUser({ role: "employer" });
    await call(
      settings.action,
      post(
        "/employer/settings",
        { newApplicationEmail: "daily", notifyCandidateOnStatus: "on" },
        owner.cookie,
      ),
    );
    const { jobId } = await createJob(owner.companyId!);
    const coder = await createUser({ role: "candidate" });
    await applyWithUpload(apply.action, jobId, coder.cookie);
    expect((await emailsTo(owner.email)).filter((e) => e.template === "new-application")).toEqual(
      [],
    );
    const tomorrow = new Date(Date.now() + 86_400_000);
    await sendApplicationDigests(tomorrow);
    await sendApplicationDigests(tomorrow);
    const digests = (await emailsTo(owner.email)).filter(
      (e) => e.template === "applications-digest",
    );
    expect(digests).toHaveLength(1);
    expect(digests[0].text).toContain(`/employer/jobs/${jobId}/applicants`);
  });
});

describe("account data", () => {
  it("the export includes the coder's applications and files", async () => {
    const coder = await createUser({ role: "candidate" });
    const { jobId } = await createJob(market.companyX);
    await applyWithUpload(apply.action, jobId, coder.cookie, { coverLetter: "Export me" });
    const outcome = await call(exportJson.loader, get("/me/export.json", coder.cookie));
    const json = JSON.parse(await (outcome.body as Response).text());
    expect(json.applications).toMatchObject([
      { cover_letter: "Export me", status: "new", history: [{ to_status: "new" }] },
    ]);
    expect(json.files).toMatchObject([{ original_name: "resume.pdf", kind: "pdf" }]);
    expect(JSON.stringify(json.files)).not.toContain("storage_key");
  });

  it("deleting a coder's account removes their files and shows a deleted candidate to employers", async () => {
    const coder = await createUser({ role: "candidate", name: "Della Deleted" });
    const { jobId } = await createJob(market.companyX);
    await applyWithUpload(apply.action, jobId, coder.cookie, { coverLetter: "Private words" });
    const row = (await applicationOf(jobId, coder.id))!;
    const { storage_key } = await getDb()
      .selectFrom("files")
      .select("storage_key")
      .where("id", "=", row.resume_file_id!)
      .executeTakeFirstOrThrow();
    expect(storedFiles().some((f) => f.endsWith(storage_key.split("/")[1]))).toBe(true);

    expect(await deleteAccount({ userId: coder.id, password: TEST_PASSWORD })).toEqual({
      ok: true,
    });
    expect(storedFiles().some((f) => f.endsWith(storage_key.split("/")[1]))).toBe(false);
    expect(
      await getDb()
        .selectFrom("files")
        .select("id")
        .where("storage_key", "=", storage_key)
        .executeTakeFirst(),
    ).toBeUndefined();

    const seen = await call(detail.loader, get("/x", market.ownerX.cookie), {
      id: String(jobId),
      applicationId: String(row.id),
    });
    const applicant = (seen.body as { applicant: Record<string, unknown> }).applicant;
    expect(applicant).toMatchObject({
      candidate_name: "Deleted candidate",
      candidate_id: null,
      candidate_email: null,
      cover_letter: null,
      resume_name: null,
    });
    const listed = await call(
      list.loader,
      get(`/employer/jobs/${jobId}/applicants`, market.ownerX.cookie),
      { id: String(jobId) },
    );
    expect(JSON.stringify(listed.body)).toContain("Deleted candidate");
    expect(JSON.stringify(listed.body)).not.toContain("Della");
    expect(
      (
        await call(resume.loader, get("/x", market.ownerX.cookie), {
          id: String(jobId),
          applicationId: String(row.id),
        })
      ).status,
    ).toBe(404);
    const text = await (
      (await call(csv.loader, get("/x", market.ownerX.cookie), { id: String(jobId) }))
        .body as Response
    ).text();
    expect(text).toContain("Deleted candidate");
    expect(text).not.toContain("Private words");
  });
});
