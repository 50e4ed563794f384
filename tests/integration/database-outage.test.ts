// Postgres stopped under load and started again, with the site as `npm start` runs it: pages
// say 503 quickly, /readyz fails, the process comes back by itself, and every application it
// confirmed is in the database. `npm run bench:load -- --outage 30` runs the long version.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmbeddedDb, startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import {
  isSuccess,
  type LoadTarget,
  missingApplications,
  prepareLoad,
} from "../../scripts/lib/load-mix";
import { type DrillReport, duringOutage, outageDrill } from "../../scripts/lib/outage-drill";
import { type RunningSite, spawnSite } from "../../scripts/lib/spawn-site";

const dir = mkdtempSync(path.join(tmpdir(), "medcode-outage-"));
chmodSync(dir, 0o755);
let database: EmbeddedDb;
let site: RunningSite;
let target: LoadTarget;
let report: DrillReport;

beforeAll(async () => {
  database = await startEmbeddedPostgres({ dir: path.join(dir, "pg"), database: "medcode" });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url("medcode"),
    PORT: "0",
    NODE_ENV: "development",
    LOG_LEVEL: "fatal",
    UPLOADS_DIR: path.join(dir, "uploads"),
  };
  site = await spawnSite(env);
  const base = site.url.replace("localhost", "127.0.0.1");
  target = await prepareLoad({ base, databaseUrl: database.url("medcode"), coders: 6 });
  report = await outageDrill({
    target,
    database,
    rate: 12,
    beforeSeconds: 2,
    downSeconds: 4,
    afterSeconds: 6,
  });
}, 150_000);

afterAll(async () => {
  await site?.stop();
  await database?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("a database outage under load", () => {
  it("keeps the site's process running through it", () => {
    expect(site.child.exitCode, site.output().slice(-4_000)).toBeNull();
  });

  it("answers 503 with the shared page that says so, quickly, and never a 500", () => {
    const down = duringOutage(report);
    expect(down.length).toBeGreaterThan(20);
    for (const answer of down) {
      expect(isSuccess(answer) || answer.says503, JSON.stringify(answer)).toBe(true);
      expect(answer.ms, JSON.stringify(answer)).toBeLessThan(5_000);
    }
    expect(down.some((a) => a.says503)).toBe(true);
    expect(report.answers.filter((a) => a.status >= 500 && a.status !== 503)).toEqual([]);
    expect(report.answers.filter((a) => a.status === 0)).toEqual([]);
  });

  it("fails /readyz while the database is away", () => {
    expect(report.readyDuringOutage.length).toBeGreaterThan(3);
    expect(report.readyDuringOutage.slice(1).every((status) => status === 503)).toBe(true);
  });

  it("recovers by itself within 10 s of the database's return, in the same process", () => {
    expect(report.readyAfterMs).not.toBeNull();
    expect(report.readyAfterMs!).toBeLessThan(10_000);
    expect(report.recoveredAfterMs).not.toBeNull();
    expect(report.recoveredAfterMs!).toBeLessThan(10_000);
    expect(site.child.exitCode).toBeNull();
  });

  it("keeps every application it confirmed", async () => {
    const confirmed = report.answers.flatMap((a) => (a.applicationId ? [a.applicationId] : []));
    expect(confirmed.length).toBeGreaterThan(0);
    expect(await missingApplications(database.url("medcode"), confirmed)).toEqual([]);
  });
});
