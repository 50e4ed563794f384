// Company logos: PNG, JPEG or WebP by content, resized to WebP, owners only, old files removed.
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { crc32 } from "node:zlib";
import { en, Faker } from "@faker-js/faker";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { getCompanyPage } from "../../app/companies/companies.server";
import { getJobPage } from "../../app/jobs/jobs.server";
import { loader as logoLoader } from "../../app/routes/companies.$slug.logo[.]webp";
import { action, loader } from "../../app/routes/employer.company";
import { getDb } from "../../app/utils/db.server";
import { initEnv } from "../../app/utils/env.server";
import { multipartPost } from "../factories/files";
import { buildJob, insertBuiltJobs } from "../factories/jobs";
import { createUser } from "../factories/users";
import { call, flashOf, get, post } from "../routes";

const uploads = mkdtempSync(path.join(tmpdir(), "medcode-logos-"));
process.env.UPLOADS_DIR = uploads;
process.env.S3_BUCKET = "";
initEnv();

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? allFiles(path.join(dir, d.name)) : [path.join(dir, d.name)],
  );
}

async function png(width: number, height: number, color = { r: 20, g: 120, b: 200 }) {
  return new Uint8Array(
    await sharp({ create: { width, height, channels: 3, background: color } })
      .png()
      .toBuffer(),
  );
}

const profile = { name: "Logo Health", website: "https://logo.example", headquarters: "Tampa, FL" };

function upload(cookie: string, bytes: Uint8Array, name = "logo.png", type = "image/png") {
  return multipartPost("/employer/company", profile, { logo: { name, bytes, type } }, cookie);
}

async function companyRow(companyId: number) {
  return getDb()
    .selectFrom("companies")
    .select(["slug", "name", "logo_key", "logo_updated_at"])
    .where("id", "=", companyId)
    .executeTakeFirstOrThrow();
}

async function serveLogo(slug: string) {
  return call(logoLoader, get(`/companies/${slug}/logo.webp`), { slug });
}

let owner: Awaited<ReturnType<typeof createUser>>;
beforeAll(async () => {
  owner = await createUser({ role: "employer" });
});

describe("uploading a logo", () => {
  it("accepts a PNG, resizes it to a WebP of at most 256 px and serves it", async () => {
    const out = await call(action, upload(owner.cookie, await png(800, 400)));
    expect(out.status).toBe(302);
    expect(await flashOf(out)).toMatchObject({ message: "Company profile saved." });
    const row = await companyRow(owner.companyId!);
    expect(row.name).toBe("Logo Health");
    expect(row.logo_key).toMatch(/^[a-f0-9]{2}\/[a-f0-9]{32}$/);

    const served = await serveLogo(row.slug);
    expect(served.status).toBe(200);
    const response = served.body as Response;
    expect(response.headers.get("content-type")).toBe("image/webp");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("cache-control")).toBe("public, max-age=86400");
    const bytes = new Uint8Array(await response.arrayBuffer());
    const meta = await sharp(bytes).metadata();
    expect(meta.format).toBe("webp");
    expect(meta.width).toBe(256);
    expect(meta.height).toBe(128);
  });

  it("does not upscale a small logo and accepts JPEG and WebP", async () => {
    const jpeg = await sharp(await png(40, 30))
      .jpeg()
      .toBuffer();
    const webp = await sharp(await png(50, 50))
      .webp()
      .toBuffer();
    for (const [bytes, size] of [
      [jpeg, 40],
      [webp, 50],
    ] as const) {
      const out = await call(action, upload(owner.cookie, new Uint8Array(bytes), "x.png"));
      expect(out.status).toBe(302);
      const { slug } = await companyRow(owner.companyId!);
      const served = (await serveLogo(slug)).body as Response;
      const meta = await sharp(new Uint8Array(await served.arrayBuffer())).metadata();
      expect(meta.width).toBe(size);
    }
  });

  it("shows the logo on the public company page and the job page's company card", async () => {
    const row = await companyRow(owner.companyId!);
    const version = String(row.logo_updated_at!.getTime());
    const page = await getCompanyPage(row.slug);
    expect(page?.company.logo_version).toBe(version);
    const faker = new Faker({ locale: [en], seed: 42 });
    faker.seed(7);
    const built = buildJob(faker, { companyName: row.name, postedDaysAgo: 1, status: "published" });
    const [jobId] = await insertBuiltJobs(getDb(), [{ companyId: owner.companyId!, job: built }]);
    const job = await getJobPage(jobId);
    expect(job?.company?.logo_version).toBe(version);
  });

  it.each([
    [
      "an SVG named .png",
      new TextEncoder().encode(
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      ),
      /PNG, JPEG or WebP/,
    ],
    [
      "an HTML page named .png",
      new TextEncoder().encode("<!doctype html><script>alert(1)</script>"),
      /PNG, JPEG or WebP/,
    ],
    ["a GIF", new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0, 0, 0]), /GIF/],
    [
      "a PNG header on garbage",
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5]),
      /could not read/,
    ],
  ])("refuses %s beside the field and keeps the form", async (_label, bytes, message) => {
    const before = await companyRow(owner.companyId!);
    const out = await call(
      action,
      multipartPost(
        "/employer/company",
        { ...profile, name: "Changed Name" },
        { logo: { name: "logo.png", bytes, type: "image/png" } },
        owner.cookie,
      ),
    );
    expect(out.status).toBe(400);
    const body = out.body as {
      logoError: string;
      result: { initialValue: Record<string, string> };
    };
    expect(body.logoError).toMatch(message);
    expect(body.result.initialValue.name).toBe("Changed Name");
    const after = await companyRow(owner.companyId!);
    expect(after.logo_key).toBe(before.logo_key);
    expect(after.name).toBe(before.name);
  });

  it("refuses a logo over 2 MiB while streaming", async () => {
    const big = new Uint8Array(2 * 1024 * 1024 + 1);
    big.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const out = await call(action, upload(owner.cookie, big));
    expect(out.status).toBe(413);
    expect((out.body as { logoError: string }).logoError).toMatch(/larger than 2 MiB/);
  });

  it("refuses an image that declares too many pixels", async () => {
    // A real 1×1 PNG whose header claims 20,000 × 20,000: refused before decoding.
    const huge = Buffer.from(await png(1, 1));
    huge.writeUInt32BE(20_000, 16);
    huge.writeUInt32BE(20_000, 20);
    huge.writeUInt32BE(crc32(huge.subarray(12, 29)), 29);
    const out = await call(action, upload(owner.cookie, new Uint8Array(huge)));
    expect(out.status).toBe(400);
    expect((out.body as { logoError: string }).logoError).toMatch(/too large in pixels/);
  });
});

describe("who can change it", () => {
  it("refuses recruiters and other companies' owners", async () => {
    const recruiter = await createUser({
      role: "employer",
      company: { id: owner.companyId!, role: "recruiter" },
    });
    const before = await companyRow(owner.companyId!);
    const asRecruiter = await call(action, upload(recruiter.cookie, await png(64, 64)));
    expect(asRecruiter.status).toBe(403);
    const removeAsRecruiter = await call(
      action,
      post("/employer/company", { intent: "remove-logo" }, recruiter.cookie),
    );
    expect(removeAsRecruiter.status).toBe(403);
    expect((await companyRow(owner.companyId!)).logo_key).toBe(before.logo_key);

    // Another owner's upload lands on their own company only.
    const other = await createUser({ role: "employer" });
    const out = await call(action, upload(other.cookie, await png(64, 64)));
    expect(out.status).toBe(302);
    expect((await companyRow(owner.companyId!)).logo_key).toBe(before.logo_key);
    expect((await companyRow(other.companyId!)).logo_key).not.toBeNull();

    const visitor = await call(action, upload("", await png(64, 64)));
    expect([302, 401, 403]).toContain(visitor.status);
  });

  it("shows the form to recruiters without letting them save", async () => {
    const recruiter = await createUser({
      role: "employer",
      company: { id: owner.companyId!, role: "recruiter" },
    });
    const out = await call(loader, get("/employer/company", recruiter.cookie));
    expect(out.status).toBe(200);
    expect((out.body as { owner: boolean }).owner).toBe(false);
  });
});

describe("replacing and removing", () => {
  it("deletes the old file after a new logo is saved", async () => {
    const user = await createUser({ role: "employer" });
    await call(action, upload(user.cookie, await png(100, 100)));
    const first = await companyRow(user.companyId!);
    const firstFile = path.join(uploads, first.logo_key!);
    expect(allFiles(uploads)).toContain(firstFile);

    await call(action, upload(user.cookie, await png(120, 90, { r: 200, g: 0, b: 0 })));
    const second = await companyRow(user.companyId!);
    expect(second.logo_key).not.toBe(first.logo_key);
    expect(second.logo_updated_at!.getTime()).toBeGreaterThanOrEqual(
      first.logo_updated_at!.getTime(),
    );
    const files = allFiles(uploads);
    expect(files).not.toContain(firstFile);
    expect(files).toContain(path.join(uploads, second.logo_key!));
  });

  it("removes the logo: the file goes and the URL answers 404", async () => {
    const user = await createUser({ role: "employer" });
    await call(action, upload(user.cookie, await png(100, 100)));
    const row = await companyRow(user.companyId!);
    const out = await call(
      action,
      post("/employer/company", { intent: "remove-logo" }, user.cookie),
    );
    expect(out.status).toBe(302);
    expect(await flashOf(out)).toMatchObject({ message: "Logo removed." });
    const after = await companyRow(user.companyId!);
    expect(after.logo_key).toBeNull();
    expect(allFiles(uploads)).not.toContain(path.join(uploads, row.logo_key!));
    expect((await serveLogo(row.slug)).status).toBe(404);
    expect((await getCompanyPage(row.slug))?.company.logo_version).toBeNull();
  });

  it("answers 404 for a company without a logo or an unknown slug", async () => {
    const user = await createUser({ role: "employer" });
    const { slug } = await companyRow(user.companyId!);
    expect((await serveLogo(slug)).status).toBe(404);
    expect((await serveLogo("no-such-company-xyz")).status).toBe(404);
    expect((await serveLogo("../etc")).status).toBe(404);
  });

  it("saves the profile without touching the logo when no file is chosen", async () => {
    const user = await createUser({ role: "employer" });
    await call(action, upload(user.cookie, await png(64, 64)));
    const before = await companyRow(user.companyId!);
    const out = await call(
      action,
      multipartPost("/employer/company", { ...profile, name: "Renamed Co" }, {}, user.cookie),
    );
    expect(out.status).toBe(302);
    const after = await companyRow(user.companyId!);
    expect(after.name).toBe("Renamed Co");
    expect(after.logo_key).toBe(before.logo_key);
  });
});
