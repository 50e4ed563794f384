import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { type EmbeddedDb, startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";

/**
 * The Postgres server tests run against: TEST_DATABASE_URL when set (any Postgres 15+ you can
 * create databases on), otherwise an embedded one in a fresh temp folder on a free port.
 */
export async function startTestServer(): Promise<{ adminUrl: string; stop: () => Promise<void> }> {
  if (process.env.TEST_DATABASE_URL) {
    return { adminUrl: process.env.TEST_DATABASE_URL, stop: async () => {} };
  }
  // Under os.tmpdir(): the "postgres" user must be able to reach it even when the checkout is
  // under a folder it cannot enter (root's home in CI).
  const dir = mkdtempSync(path.join(tmpdir(), "medcode-test-pg-"));
  chmodSync(dir, 0o755);
  let embedded: EmbeddedDb | undefined;
  try {
    embedded = await startEmbeddedPostgres({ dir: path.join(dir, "data") });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const server = embedded;
  return {
    adminUrl: server.url("postgres"),
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function databaseUrl(adminUrl: string, database: string) {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function adminQuery(adminUrl: string, text: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

export async function createDatabase(adminUrl: string, name: string, template?: string) {
  await adminQuery(
    adminUrl,
    `create database "${name}"${template ? ` template "${template}"` : ""}`,
  );
  return databaseUrl(adminUrl, name);
}

export async function dropDatabase(adminUrl: string, name: string) {
  await adminQuery(adminUrl, `drop database if exists "${name}" with (force)`);
}
