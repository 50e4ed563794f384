// Runs before each integration test file: a private database cloned from the template, so
// files run in parallel and in any order without seeing each other's rows.
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, inject } from "vitest";
import { closeDb } from "../../app/utils/db.server";
import { initEnv } from "../../app/utils/env.server";
import { createDatabase, dropDatabase } from "./test-database";

const adminUrl = inject("adminUrl");
const name = `medcode_test_${randomBytes(5).toString("hex")}`;
process.env.DATABASE_URL = await createDatabase(adminUrl, name, inject("templateDatabase"));
process.env.NODE_ENV = "test";
// Files a test stores (resumes, logos, the demo seed's resumes) never land in the checkout.
process.env.UPLOADS_DIR = mkdtempSync(path.join(tmpdir(), "medcode-test-uploads-"));
process.env.LOG_LEVEL ??= "silent";
initEnv();

afterAll(async () => {
  await closeDb();
  await dropDatabase(adminUrl, name);
});
