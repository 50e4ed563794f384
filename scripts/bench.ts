// npm run bench: the production build against a bench database, loaded with autocannon.
// The load generator shares the machine with the server, so only ratios from one run compare:
// each page's throughput is shown against the trivial Remix route (/about) measured alongside.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import autocannon from "autocannon";
import { sql } from "kysely";
import { createDb } from "../app/utils/db.server";
import { migrateToLatest } from "../db/migrate";
import { seedDemo } from "../db/seed/seed";
import { ensureBuild } from "./lib/build";
import { startEmbeddedPostgres } from "./lib/embedded-postgres";

const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);

type Target = { name: string; path: string };

async function prepareDatabase() {
  if (process.env.BENCH_DATABASE_URL)
    return { url: process.env.BENCH_DATABASE_URL, stop: async () => {} };
  const embedded = await startEmbeddedPostgres({
    dir: process.env.BENCH_PG_DIR ?? path.resolve(".data/bench-postgres"),
    database: "medcode_bench",
  });
  return { url: embedded.url("medcode_bench"), stop: embedded.stop };
}

function startServer(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  // A real production process: NODE_ENV=production, React's production build, no worker.
  // The bench touches no payment, email or file service, so those settings are placeholders.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    PORT: "0",
    WORKER: "off",
    LOG_LEVEL: "warn",
    APP_URL: "http://localhost",
    STRIPE_SECRET_KEY: "sk_test_bench",
    STRIPE_WEBHOOK_SECRET: "whsec_bench",
    RESEND_API_KEY: "re_bench",
    EMAIL_FROM: "bench@example.com",
    S3_BUCKET: "bench",
  };
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /running at (http:\/\/localhost:\d+)/.exec(output);
      if (match) {
        clearInterval(timer);
        resolve({ url: match[1], child });
      }
    }, 100);
    child.once("exit", (code) => reject(new Error(`server exited (${code}): ${output}`)));
  });
}

async function load(url: string) {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION,
    pipelining: 1,
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p95: result.latency.p97_5 !== undefined ? percentile(result, 95) : result.latency.p90,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

// autocannon reports p90 and p97.5; p95 is read from its histogram when present.
function percentile(result: autocannon.Result, p: number) {
  const latency = result.latency as unknown as Record<string, number>;
  return latency[`p${p}`] ?? (latency.p90 + latency.p97_5) / 2;
}

async function main() {
  const log = (line: string) => console.log(line);
  ensureBuild(log);
  const database = await prepareDatabase();
  const db = createDb(database.url, 2);
  let server: { url: string; child: ChildProcess } | undefined;
  try {
    await migrateToLatest(db);
    await seedDemo(db, { log });
    const job = await db
      .selectFrom("jobs")
      .select(["id", "slug"])
      .where("status", "=", "published")
      .where("valid_through", ">", sql<Date>`now()`)
      .orderBy("id")
      .executeTakeFirstOrThrow();
    server = await startServer(database.url);
    const targets: Target[] = [
      { name: "/healthz (Express)", path: "/healthz" },
      { name: "/about (trivial Remix)", path: "/about" },
      { name: "/ (home)", path: "/" },
      { name: "/jobs (list)", path: "/jobs" },
      { name: "job page", path: `/jobs/${job.id}/${job.slug}` },
    ];
    log(
      `\nautocannon: ${CONNECTIONS} connections, ${DURATION}s per target, server and load on one machine\n`,
    );
    const rows: { target: Target; stats: Awaited<ReturnType<typeof load>> }[] = [];
    for (const target of targets) {
      await autocannon({ url: server.url + target.path, connections: 4, duration: 1 }); // warm-up
      rows.push({ target, stats: await load(server.url + target.path) });
    }
    const trivial = rows.find((r) => r.target.path === "/about")!.stats.rps;
    const header = `${"target".padEnd(26)} ${"req/s".padStart(8)} ${"p50 ms".padStart(7)} ${"p95 ms".padStart(7)} ${"p99 ms".padStart(7)} ${"vs /about".padStart(9)} ${"errors".padStart(6)}`;
    log(header);
    log("-".repeat(header.length));
    for (const { target, stats } of rows) {
      log(
        `${target.name.padEnd(26)} ${stats.rps.toFixed(0).padStart(8)} ${String(stats.p50).padStart(7)} ${stats.p95.toFixed(0).padStart(7)} ${String(stats.p99).padStart(7)} ${`${((stats.rps / trivial) * 100).toFixed(0)}%`.padStart(9)} ${String(stats.non2xx + stats.errors).padStart(6)}`,
      );
    }
  } finally {
    server?.child.kill("SIGTERM");
    if (server) await new Promise((resolve) => server?.child.once("exit", resolve));
    await db.destroy();
    await database.stop();
  }
}

await main();
