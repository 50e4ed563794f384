// Each hostile request of issue 10, over HTTP against the production build: a clear 4xx or
// cleaned data, never a 500, never a redirect off the site, never a leak into caches or logs.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sendEmail } from "../../app/email/email.server";
import * as applyRoute from "../../app/routes/jobs.$id.apply";
import { getDb } from "../../app/utils/db.server";
import { createApp } from "../../server/app";
import { logger } from "../../server/logger";
import { tinyPdf } from "../factories/files";
import { createUser, TEST_PASSWORD } from "../factories/users";
import { applyWithUpload, createJob, createMarket, useTempUploads } from "./applications-helpers";

useTempUploads();
let base = "";
const servers: http.Server[] = [];
let market: Awaited<ReturnType<typeof createMarket>>;
let jobId = 0;
let applicationId = 0;
let fileId = 0;
const socketPath = path.join(tmpdir(), `medcode-hostile-${process.pid}.sock`);

const NUL = "\u0000";

function send(
  url: string,
  init: RequestInit & { cookie?: string } = {},
): Promise<{ status: number; headers: Headers; body: string }> {
  const { cookie, ...rest } = init;
  return fetch(`${base}${url}`, {
    redirect: "manual",
    ...rest,
    headers: { origin: base, ...(cookie ? { cookie } : {}), ...(rest.headers ?? {}) },
  }).then(async (r) => ({ status: r.status, headers: r.headers, body: await r.text() }));
}

const form = (fields: Record<string, string>, cookie?: string) => ({
  method: "POST",
  body: new URLSearchParams(fields),
  cookie,
});

beforeAll(async () => {
  market = await createMarket();
  ({ jobId } = await createJob(market.companyX));
  await applyWithUpload(applyRoute.action, jobId, market.coderA.cookie);
  const row = await getDb()
    .selectFrom("applications")
    .select(["id", "resume_file_id"])
    .executeTakeFirstOrThrow();
  applicationId = row.id;
  fileId = row.resume_file_id!;
  const build = await import(pathToFileURL(path.resolve("build/server/index.js")).href);
  const app = createApp({ build });
  const tcp = app.listen(0, "127.0.0.1");
  const unix = app.listen(socketPath);
  servers.push(tcp, unix);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.once("listening", resolve))));
  base = `http://127.0.0.1:${(tcp.address() as AddressInfo).port}`;
});
afterAll(() => {
  for (const server of servers) server.close();
});

describe("characters Postgres refuses, in any text field", () => {
  const noNul = (value: unknown) => expect(JSON.stringify(value)).not.toMatch(/\\u0000/);

  it("are cleaned from a sign-up name and company", async () => {
    const email = `nul-${process.pid}@example.com`;
    const answer = await send(
      "/signup",
      form({
        name: `Dana${NUL} Coder`,
        email,
        password: "icd10-and-cpt-for-life",
        role: "employer",
        companyName: `Acme${NUL} Coding\ud800`,
      }),
    );
    expect(answer.status).toBe(200);
    const user = await getDb()
      .selectFrom("users")
      .innerJoin("company_members", "company_members.user_id", "users.id")
      .innerJoin("companies", "companies.id", "company_members.company_id")
      .select(["users.name", "companies.name as company"])
      .where("users.email", "=", email)
      .executeTakeFirstOrThrow();
    expect(user).toEqual({ name: "Dana Coder", company: "Acme Coding\ufffd" });
  });

  it("are cleaned from profile fields, company fields, a job title, a note and a cover letter", async () => {
    const coder = await createUser({ role: "candidate" });
    expect(
      (
        await send(
          "/me/profile",
          form({ headline: `Coder${NUL}`, city: `Mia${NUL}mi` }, coder.cookie),
        )
      ).status,
    ).toBe(302);
    noNul(
      await getDb()
        .selectFrom("candidate_profiles")
        .select(["headline", "city"])
        .where("user_id", "=", coder.id)
        .executeTakeFirst(),
    );

    const owner = market.ownerX.cookie;
    expect(
      (
        await send(
          "/employer/company",
          form({ name: `Company${NUL} X`, description: `A${NUL}B` }, owner),
        )
      ).status,
    ).toBeLessThan(500);
    noNul(await getDb().selectFrom("companies").select(["name", "description"]).execute());

    expect(
      (await send("/employer/jobs/new", form({ intent: "draft", title: `Coder${NUL} II` }, owner)))
        .status,
    ).toBe(302);
    noNul(await getDb().selectFrom("jobs").select("title").execute());

    const note = await send(
      `/employer/jobs/${jobId}/applicants/${applicationId}`,
      form({ intent: "note", body: `Call${NUL} back\r\ntomorrow` }, owner),
    );
    expect(note.status).toBe(302);
    const notes = await getDb().selectFrom("application_notes").select("body").execute();
    expect(notes.map((n) => n.body)).toContain("Call back\ntomorrow");

    const other = await createJob(market.companyX);
    const applied = await applyWithUpload(applyRoute.action, other.jobId, coder.cookie, {
      coverLetter: `Dear${NUL} team \udc00`,
    });
    expect(applied.status).toBe(302);
    noNul(await getDb().selectFrom("applications").select("cover_letter").execute());
  });

  it("are ignored in search filters", async () => {
    for (const query of [
      "q=%00",
      "location=%00",
      "specialty=%00",
      "credential=a%00b",
      "q=%ED%A0%80",
    ]) {
      expect((await send(`/jobs?${query}`)).status, query).toBe(200);
    }
  });

  it("refuse fractional and non-numeric ids as validation errors", async () => {
    const coder = market.coderA.cookie;
    for (const id of ["1.5", "1e3", "abc", "-1"]) {
      const answer = await send("/me/profile", form({ defaultResume: id }, coder));
      expect(answer.status, id).toBe(400);
      expect(answer.body).toContain("Choose one of your files.");
    }
  });

  it("refuse a 1 MB field with a 4xx", async () => {
    const answer = await send("/login", form({ email: "a".repeat(1_000_000), password: "x" }));
    expect(answer.status).toBe(400);
    const tooBig = await send("/login", form({ email: "a".repeat(1_100_000), password: "x" }));
    expect(tooBig.status).toBe(413);
  });
});

describe("bodies that are not forms", () => {
  it("answer 415 with a message for JSON, text/plain and no Content-Type", async () => {
    for (const [type, body] of [
      ["application/json", '{"email":"a@b.co"}'],
      ["text/plain", "email=a@b.co"],
      [null, "email=a@b.co"],
    ] as const) {
      const answer = await send("/login", {
        method: "POST",
        body: new TextEncoder().encode(body),
        headers: type ? { "content-type": type } : {},
      });
      expect(answer.status, String(type)).toBe(415);
      expect(answer.body).toMatch(/form posts/);
    }
  });

  it("answer 400 for a truncated or malformed multipart body", async () => {
    const boundary = "----medcode";
    const cut = `--${boundary}\r\nContent-Disposition: form-data; name="resumeFile"\r\n\r\nnew\r\n--${boundary}\r\nContent-Disposition: form-data; name="resume"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 half a file`;
    for (const [type, body] of [
      [`multipart/form-data; boundary=${boundary}`, cut],
      ["multipart/form-data", cut],
      [`multipart/form-data; boundary=${boundary}`, "garbage"],
    ]) {
      const answer = await send(`/jobs/${jobId}/apply`, {
        method: "POST",
        body,
        headers: { "content-type": type },
        cookie: market.coderB.cookie,
      });
      expect(answer.status, type).toBe(400);
      expect(answer.body).toMatch(/malformed or cut off/);
    }
  });

  it("refuse a raw CR/LF inside a file name with 400, and store an escaped one under a clean name", async () => {
    const coder = await createUser({ role: "candidate" });
    const boundary = "----medcode";
    const pdf = Buffer.from(tinyPdf()).toString("latin1");
    const upload = (filename: string) =>
      send("/me/profile", {
        method: "POST",
        body: Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="intent"\r\n\r\nupload\r\n--${boundary}\r\nContent-Disposition: form-data; name="resume"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n${pdf}\r\n--${boundary}--\r\n`,
          "latin1",
        ),
        headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
        cookie: coder.cookie,
      });
    const raw = await upload("cv\r\nX-Evil: 1.pdf");
    expect(raw.status).toBe(400);
    expect(raw.body).toMatch(/malformed/);
    // Browsers send CR and LF in a file name as %0D and %0A (HTML's multipart encoding).
    expect((await upload("cv%0D%0AX-Evil: 1.pdf")).status).toBe(302);
    const names = await getDb()
      .selectFrom("files")
      .select("original_name")
      .where("user_id", "=", coder.id)
      .execute();
    expect(names).toHaveLength(1);
    expect(names[0].original_name).not.toMatch(/[\r\n]/);
  });
});

describe("redirect targets", () => {
  const logIn = (redirectTo: string) =>
    send("/login", form({ email: market.coderB.email, password: TEST_PASSWORD, redirectTo }));

  it("after login stay on the site, whatever redirectTo holds", async () => {
    for (const target of [
      "/\t/evil.example/",
      "//evil.example",
      "/\\evil.example",
      "https://evil.example",
    ]) {
      const answer = await logIn(target);
      expect(answer.status, target).toBe(302);
      expect(new URL(answer.headers.get("location")!, base).origin, target).toBe(base);
    }
    expect((await logIn("/me/saved?tab=1")).headers.get("location")).toBe("/me/saved?tab=1");
  });

  it("with CR/LF never crash after the session cookie is set, at login or on /jobs/:id/save", async () => {
    const login = await logIn("/jobs\r\nSet-Cookie: evil=1");
    expect(login.status).toBe(302);
    expect(new URL(login.headers.get("location")!, base).origin).toBe(base);
    expect(login.headers.getSetCookie().join()).not.toContain("evil");
    expect(login.headers.getSetCookie().join()).toMatch(/session=/);
    const save = await send(
      `/jobs/${jobId}/save`,
      form({ intent: "save", redirectTo: "/x\r\nSet-Cookie: evil=1" }, market.coderA.cookie),
    );
    expect(save.status).toBe(302);
    expect(save.headers.get("location")).toBe(`/jobs/${jobId}`);
  });
});

describe("download routes", () => {
  it("refuse with the shared error page, logged as refusals and not as errors", async () => {
    const errors = vi.spyOn(logger, "error");
    const refusals = vi.spyOn(logger, "info");
    const other = await createUser({ role: "employer" });
    for (const [url, cookie] of [
      [`/me/files/${fileId}`, market.coderB.cookie],
      [`/employer/jobs/${jobId}/applicants/${applicationId}/resume`, other.cookie],
      [`/employer/jobs/${jobId}/applicants/export`, other.cookie],
      [`/companies/no-such-company/logo.webp`, undefined],
    ] as const) {
      const answer = await send(url, { cookie, headers: { accept: "text/html" } });
      expect(answer.status, url).toBe(404);
      expect(answer.headers.get("content-type")).toMatch(/text\/html/);
      expect(answer.body).toContain('class="error-page"');
      expect(answer.body).toContain("MedCode Jobs");
    }
    expect(errors).not.toHaveBeenCalled();
    expect(refusals).toHaveBeenCalledWith(expect.objectContaining({ status: 404 }), "refused");
    errors.mockRestore();
    refusals.mockRestore();
    const forbidden = await send(`/me/files/${fileId}`, { cookie: market.ownerX.cookie });
    expect(forbidden.status).toBe(403);
  });

  it("carry each security header once", async () => {
    const answer = await send(`/me/files/${fileId}`, { cookie: market.coderA.cookie });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
    expect(answer.headers.get("cache-control")).toBe("private, no-store");
  });
});

describe("private pages", () => {
  it("send Cache-Control: private, no-store, also on the redirect to log in", async () => {
    for (const [url, cookie] of [
      ["/me/profile", market.coderA.cookie],
      ["/employer", market.ownerX.cookie],
      ["/admin", market.operator.cookie],
      ["/me/settings", undefined],
      ["/employer/jobs/new.data", market.ownerX.cookie],
    ] as const) {
      const answer = await send(url, { cookie });
      expect(answer.status, url).toBeLessThan(400);
      expect(answer.headers.get("cache-control"), url).toBe("private, no-store");
    }
    expect((await send("/jobs")).headers.get("cache-control") ?? "").not.toContain("private");
  });
});

describe("/dev stand-ins", () => {
  function overUnixSocket(url: string, headers: Record<string, string> = {}) {
    return new Promise<{ status: number; location?: string }>((resolve, reject) => {
      http
        .get({ socketPath, path: url, headers: { host: "localhost", ...headers } }, (res) => {
          res.resume();
          res.on("end", () =>
            resolve({ status: res.statusCode ?? 0, location: res.headers.location }),
          );
        })
        .on("error", reject);
    });
  }

  it("answer a browser on this machine", async () => {
    await sendEmail({
      to: "coder@example.com",
      template: "reset-password",
      props: { name: "Dana", url: "http://localhost:3000/reset-password?token=t" },
      dedupeKey: `dev-access-${process.pid}`,
    });
    expect((await send("/dev/emails")).status).toBe(200);
  });

  it("refuse a client elsewhere, even one claiming to be 127.0.0.1 in X-Forwarded-For", async () => {
    const anonymous = await overUnixSocket("/dev/emails", { "x-forwarded-for": "127.0.0.1" });
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toMatch(/^\/login\?redirectTo=/);
    const coder = await overUnixSocket("/dev/emails", { cookie: market.coderA.cookie });
    expect(coder.status).toBe(403);
    const checkout = await overUnixSocket("/dev/checkout/1", { cookie: market.ownerX.cookie });
    expect(checkout.status).toBe(403);
  });

  it("answer a signed-in operator from elsewhere", async () => {
    const operator = await overUnixSocket("/dev/emails", { cookie: market.operator.cookie });
    expect(operator.status).toBe(200);
  });
});
