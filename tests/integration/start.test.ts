// `npm start` as a newcomer runs it: embedded Postgres, migrations, seed once, clean stop.
import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { spawnSite } from "../../scripts/lib/spawn-site";

const dataDir = mkdtempSync(path.join(tmpdir(), "medcode-start-"));
chmodSync(dataDir, 0o755);
const pgDir = path.join(dataDir, "postgres");

function postgresProcessesFor(dir: string) {
  const out = execFileSync("ps", ["-eo", "pid,args"], { encoding: "utf8" });
  return out
    .split("\n")
    .filter((line) => line.includes(dir) && /postgres/.test(line) && !line.includes("ps -eo"));
}

function start() {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    EMBEDDED_PG_DIR: pgDir,
    PORT: "0",
    NODE_ENV: "development",
    LOG_LEVEL: "info",
  };
  delete env.DATABASE_URL;
  return spawnSite(env);
}

function requestInFlight(url: string) {
  let onConnect = () => {};
  const connected = new Promise<void>((resolve) => {
    onConnect = resolve;
  });
  const inFlight = new Promise<number>((resolve, reject) => {
    const request = http.get(url, { agent: false }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
    });
    request.on("error", reject);
    request.on("socket", (socket) => socket.on("connect", onConnect));
  });
  return { inFlight, connected };
}

/** The JavaScript a visitor's browser downloads for a page: every module script and preload. */
async function pageScripts(url: string) {
  const html = await (await fetch(url)).text();
  const sources = [
    ...html.matchAll(
      /<(?:link rel="modulepreload"|script type="module")[^>]*(?:href|src)="([^"]+)"/g,
    ),
  ].map((m) => m[1]);
  const inline = [...html.matchAll(/import\("([^"]+)"\)|from "([^"]+\.js)"/g)].map(
    (m) => m[1] ?? m[2],
  );
  const paths = [...new Set([...sources, ...inline])].filter((p) => p.startsWith("/assets/"));
  return Promise.all(paths.map(async (p) => (await fetch(new URL(p, url))).text()));
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
    expect(first.output()).toContain(`${first.url}/dev/emails`);

    // Visitors get React's production build, never react-dom.development.
    const scripts = await pageScripts(`${first.url}/jobs`);
    expect(scripts.length).toBeGreaterThan(2);
    expect(scripts.some((js) => js.includes("Minified React error"))).toBe(true);
    expect(
      scripts.filter((js) => js.includes("Each child in a list should have a unique")),
    ).toEqual([]);

    // A request in flight when the signal arrives still gets its answer. The signal goes out
    // once the server has the connection (a connection refused after close is no test).
    const { inFlight, connected } = requestInFlight(`${first.url}/jobs?page=2`);
    await connected;
    await new Promise((resolve) => setTimeout(resolve, 50));
    const stopped = await first.stop("SIGTERM");
    expect(await inFlight).toBe(200);
    expect(stopped.code).toBe(0);
    expect(stopped.ms).toBeLessThan(10_000);
    expect(postgresProcessesFor(pgDir)).toEqual([]);

    const second = await start();
    expect(second.output()).not.toContain("demo data seeded");
    expect(await openJobCount(second.url)).toBe(jobs);
    const again = await second.stop("SIGINT");
    expect(again.code).toBe(0);
    expect(postgresProcessesFor(pgDir)).toEqual([]);
  }, 120_000);
});
