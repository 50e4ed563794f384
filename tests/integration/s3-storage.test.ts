// Resumes and logos through the real AWS SDK against s3rver, a server that speaks the S3
// protocol, started here: what production does with S3_BUCKET set, end to end.
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { GetObjectCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_RESUME_BYTES } from "../../app/files/sniff";
import * as company from "../../app/routes/employer.company";
import * as resume from "../../app/routes/employer.jobs.$id_.applicants.$applicationId_.resume";
import * as apply from "../../app/routes/jobs.$id.apply";
import * as deleteFile from "../../app/routes/me.files.$id.delete";
import { getDb } from "../../app/utils/db.server";
import { initEnv } from "../../app/utils/env.server";
import { multipartPost, tinyPdf } from "../factories/files";
import { createUser } from "../factories/users";
import { call, get, post } from "../routes";
import { applyWithUpload, createJob } from "./applications-helpers";

const BUCKET = "medcode-test-uploads";
const dir = mkdtempSync(path.join(tmpdir(), "medcode-s3rver-"));
const server = new S3rver({
  address: "127.0.0.1",
  port: 0,
  silent: true,
  directory: dir,
  configureBuckets: [{ name: BUCKET, configs: [] }],
});
let client: S3Client;

beforeAll(async () => {
  const { port } = (await server.run()) as AddressInfo;
  Object.assign(process.env, {
    S3_BUCKET: BUCKET,
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_REGION: "us-east-1",
    // s3rver's fixed development key pair.
    S3_ACCESS_KEY_ID: "S3RVER",
    S3_SECRET_ACCESS_KEY: "S3RVER",
  });
  initEnv();
  client = new S3Client({
    region: "us-east-1",
    endpoint: process.env.S3_ENDPOINT,
    forcePathStyle: true,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
  });
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
  for (const key of [
    "S3_BUCKET",
    "S3_ENDPOINT",
    "S3_REGION",
    "S3_ACCESS_KEY_ID",
    "S3_SECRET_ACCESS_KEY",
  ])
    delete process.env[key];
  initEnv();
});

async function keysInBucket() {
  const listed = await client.send(new ListObjectsV2Command({ Bucket: BUCKET }));
  return (listed.Contents ?? []).map((object) => object.Key!).sort();
}

async function objectBytes(key: string) {
  const object = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return object.Body!.transformToByteArray();
}

describe("resumes in S3", () => {
  it("are put on apply, got by the employer, and deleted when the coder deletes them", async () => {
    const employer = await createUser({ role: "employer" });
    const coder = await createUser({ role: "candidate" });
    const { jobId } = await createJob(employer.companyId!);
    const pdf = tinyPdf("S3 resume");
    expect(
      (await applyWithUpload(apply.action, jobId, coder.cookie, {}, { name: "cv.pdf", bytes: pdf }))
        .status,
    ).toBe(302);

    const file = await getDb()
      .selectFrom("files")
      .select(["id", "storage_key"])
      .where("user_id", "=", coder.id)
      .executeTakeFirstOrThrow();
    expect(await keysInBucket()).toContain(file.storage_key);
    expect(await objectBytes(file.storage_key)).toEqual(pdf);

    const application = await getDb()
      .selectFrom("applications")
      .select("id")
      .where("candidate_id", "=", coder.id)
      .executeTakeFirstOrThrow();
    const download = await call(
      resume.loader,
      get(`/employer/jobs/${jobId}/applicants/${application.id}/resume`, employer.cookie),
      { id: String(jobId), applicationId: String(application.id) },
    );
    expect(download.status).toBe(200);
    expect(new Uint8Array(await (download.body as Response).arrayBuffer())).toEqual(pdf);

    const deleted = await call(
      deleteFile.action,
      post(`/me/files/${file.id}/delete`, { confirmed: "yes" }, coder.cookie),
      { id: String(file.id) },
    );
    expect(deleted.status).toBe(302);
    expect(await keysInBucket()).not.toContain(file.storage_key);
  });

  it("over 5 MiB are refused while streaming and never reach the bucket", async () => {
    const employer = await createUser({ role: "employer" });
    const coder = await createUser({ role: "candidate" });
    const { jobId } = await createJob(employer.companyId!);
    const before = await keysInBucket();
    const applyWithPdfOf = (bytes: number) => {
      const pdf = new Uint8Array(bytes);
      pdf.set(tinyPdf());
      return applyWithUpload(apply.action, jobId, coder.cookie, {}, { name: "cv.pdf", bytes: pdf });
    };
    expect((await applyWithPdfOf(MAX_RESUME_BYTES + 1)).status).toBe(413);
    expect(await keysInBucket()).toEqual(before);
    expect((await applyWithPdfOf(MAX_RESUME_BYTES)).status).toBe(302);
    expect((await keysInBucket()).length).toBe(before.length + 1);
  });
});

describe("logos in S3", () => {
  it("are stored re-encoded, served, and deleted when removed", async () => {
    const owner = await createUser({ role: "employer" });
    const png = new Uint8Array(
      await sharp({ create: { width: 300, height: 200, channels: 3, background: "#1478c8" } })
        .png()
        .toBuffer(),
    );
    const uploaded = await call(
      company.action,
      multipartPost(
        "/employer/company",
        { name: "Bucket Health" },
        { logo: { name: "logo.png", bytes: png, type: "image/png" } },
        owner.cookie,
      ),
    );
    expect(uploaded.status).toBeLessThan(400);
    const row = await getDb()
      .selectFrom("companies")
      .select(["logo_key", "slug"])
      .where("id", "=", owner.companyId!)
      .executeTakeFirstOrThrow();
    expect(await keysInBucket()).toContain(row.logo_key);
    const stored = await sharp(Buffer.from(await objectBytes(row.logo_key!))).metadata();
    expect(stored.format).toBe("webp");

    const removed = await call(
      company.action,
      post("/employer/company", { intent: "remove-logo" }, owner.cookie),
    );
    expect(removed.status).toBeLessThan(400);
    expect(await keysInBucket()).not.toContain(row.logo_key);
  });
});
