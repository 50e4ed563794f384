// `npm start` as a newcomer runs it: embedded Postgres, migrations, seed once, clean stop.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dataDir = mkdtempSync(path.join(tmpdir(), "medcode-start-"));
chmodSync(dataDir, 0o755);
const pgDir = path.join(dataDir, "postgres");

function postgresProcessesFor(dir: string) {
  const out = execFileSync("ps", ["-eo", "pid,args"], { encoding: "utf8" });
  return out
    .split("\n")
    .filter((line) => line.includes(dir) && /postgres/.test(line) && !line.includes("ps -eo"));
}

async function start(): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    EMBEDDED_PG_DIR: pgDir,
    PORT: "0",
    NODE_ENV: "development",
    LOG_LEVEL: "info",
  };
  delete env.DATABASE_URL;
  delete env.VITEST;
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /running at (http:\/\/localhost:\d+)/.exec(output);
      if (match) {
        clearInterval(timer);
        resolve(match[1]);
      }
    }, 100);
    child.once("exit", (code) => {
      clearInterval(timer);
      reject(new Error(`start exited with ${code}:\n${output}`));
    });
  });
  return { child, url, output: () => output };
}

function stop(child: ChildProcess, signal: NodeJS.Signals) {
  const started = Date.now();
  return new Promise<{ code: number | null; ms: number }>((resolve) => {
    child.once("exit", (code) => resolve({ code, ms: Date.now() - started }));
    child.kill(signal);
  });
}

async function openJobCount(url: string) {
  const html = await (await fetch(`${url}/jobs`)).text();
  return Number(/<strong>([\d,]+)(?:<!-- -->)? jobs<\/strong>/.exec(html)?.[1].replace(/,/g, ""));
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("npm start", () => {
  it("seeds on the first start, not on the second, and stops cleanly on SIGTERM and SIGINT", async () => {
    const first = await start();
    expect(first.output()).toContain("demo data seeded");
    const jobs = await openJobCount(first.url);
    expect(jobs).toBeGreaterThanOrEqual(300);
    expect(postgresProcessesFor(pgDir).length).toBeGreaterThan(0);

    // A request in flight when the signal arrives still gets its answer.
    const inFlight = fetch(`${first.url}/jobs?page=2`).then((r) => r.status);
    const stopped = await stop(first.child, "SIGTERM");
    expect(await inFlight).toBe(200);
    expect(stopped.code).toBe(0);
    expect(stopped.ms).toBeLessThan(10_000);
    expect(postgresProcessesFor(pgDir)).toEqual([]);

    const second = await start();
    expect(second.output()).not.toContain("demo data seeded");
    expect(await openJobCount(second.url)).toBe(jobs);
    const again = await stop(second.child, "SIGINT");
    expect(again.code).toBe(0);
    expect(postgresProcessesFor(pgDir)).toEqual([]);
  }, 120_000);
});
