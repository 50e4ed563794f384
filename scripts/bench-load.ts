// npm run bench:load: a working day's mix (search 60%, job pages 30%, apply 5%, login 5%) at a
// steady rate against the site as `npm start` runs it, then Postgres stopped under that load.
//
//   npm run bench:load                          10 minutes at 20 req/s, then a 30 s outage
//   npm run bench:load -- --duration 30s        a smoke run
//   npm run bench:load -- --rate 40 --outage 0  another rate, no outage
//
// Prints: the 0-error check, p50/p95/p99 per kind and per 10 s, the server's RSS over time,
// and the outage's answers, recovery time and the check that confirmed applications are kept.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { ensureBuild } from "./lib/build";
import { startEmbeddedPostgres } from "./lib/embedded-postgres";
import {
  type Answer,
  isSuccess,
  MIX,
  missingApplications,
  percentile,
  prepareLoad,
  rssMiB,
  runLoad,
} from "./lib/load-mix";
import { duringOutage, outageDrill } from "./lib/outage-drill";
import { spawnSite } from "./lib/spawn-site";

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: process.env.BENCH_LOAD_DURATION ?? "10m" },
    rate: { type: "string", default: process.env.BENCH_LOAD_RATE ?? "20" },
    outage: { type: "string", default: process.env.BENCH_LOAD_OUTAGE ?? "30" },
    coders: { type: "string", default: "40" },
  },
});

function seconds(text: string) {
  const match = /^(\d+(?:\.\d+)?)(s|m)?$/.exec(text.trim());
  if (!match) throw new Error(`not a duration: ${text} (use 30s, 10m or a number of seconds)`);
  return Number(match[1]) * (match[2] === "m" ? 60 : 1);
}

const DURATION = seconds(values.duration);
const RATE = Number(values.rate);
const OUTAGE = seconds(values.outage);
const log = (line = "") => console.log(line);
const fmt = (ms: number) => `${Math.round(ms)} ms`;

function summarize(label: string, answers: Answer[]) {
  const ms = answers.map((a) => a.ms);
  return `${label.padEnd(8)} n=${String(answers.length).padStart(6)}  p50 ${fmt(percentile(ms, 50)).padStart(7)}  p95 ${fmt(percentile(ms, 95)).padStart(7)}  p99 ${fmt(percentile(ms, 99)).padStart(7)}`;
}

async function main() {
  ensureBuild(log);
  const dir = mkdtempSync(path.join(tmpdir(), "medcode-bench-load-"));
  chmodSync(dir, 0o755);
  const database = await startEmbeddedPostgres({ dir: path.join(dir, "pg"), database: "medcode" });
  const databaseUrl = database.url("medcode");
  // As `npm start` runs it (built bundle, demo seed, worker in the process, local stand-ins),
  // logging only errors so the log does not cost the figures.
  const site = await spawnSite({
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: "0",
    NODE_ENV: "development",
    LOG_LEVEL: "error",
    UPLOADS_DIR: path.join(dir, "uploads"),
  });
  let failed = false;
  try {
    const base = site.url.replace("localhost", "127.0.0.1");
    const target = await prepareLoad({ base, databaseUrl, coders: Number(values.coders) });
    const pid = site.child.pid!;
    log(
      `\nbench:load  ${RATE} req/s for ${DURATION} s, mix ${MIX.map(([k, s]) => `${k} ${s * 100}%`).join(", ")}`,
    );
    log(`server pid ${pid}, ${target.jobs.length} open jobs, ${target.coders.length} coders\n`);

    const rss: string[] = [];
    const sampler = setInterval(() => rss.push(`${rss.length * 10}s ${rssMiB(pid)} MiB`), 10_000);
    rss.push(`0s ${rssMiB(pid)} MiB`);
    const started = Date.now();
    const { answers, dropped } = await runLoad(target, { rate: RATE, seconds: DURATION });
    clearInterval(sampler);
    rss.push(`end ${rssMiB(pid)} MiB`);

    const errors = answers.filter((a) => !isSuccess(a));
    log("per 10 s:");
    for (let t = 0; t < DURATION; t += 10) {
      const slice = answers.filter(
        (a) => a.at - started >= t * 1000 && a.at - started < (t + 10) * 1000,
      );
      if (slice.length) log(`  ${summarize(`${t}s`, slice)}`);
    }
    log("\nper kind:");
    for (const [kind] of MIX)
      log(
        `  ${summarize(
          kind,
          answers.filter((a) => a.kind === kind),
        )}`,
      );
    log(`  ${summarize("all", answers)}`);
    log(`  achieved ${(answers.length / DURATION).toFixed(1)} req/s`);
    log(`\nserver RSS (its processes together): ${rss.join(", ")}`);
    const statuses = Object.entries(
      errors.reduce<Record<string, number>>((acc, a) => {
        acc[`${a.kind} ${a.status}`] = (acc[`${a.kind} ${a.status}`] ?? 0) + 1;
        return acc;
      }, {}),
    );
    const errorFree = errors.length === 0 && dropped === 0;
    log(
      `\n0-error check: ${errorFree ? "PASS" : "FAIL"} (${errors.length} errors, ${dropped} arrivals dropped${statuses.length ? `: ${statuses.map(([k, n]) => `${k} x${n}`).join(", ")}` : ""})`,
    );
    failed ||= !errorFree;

    if (OUTAGE > 0) {
      log(`\noutage: Postgres stopped for ${OUTAGE} s under the same load`);
      const report = await outageDrill({
        target,
        database,
        rate: RATE,
        beforeSeconds: 10,
        downSeconds: OUTAGE,
        afterSeconds: 20,
      });
      const down = duringOutage(report);
      const byStatus = down.reduce<Record<number, number>>((acc, a) => {
        acc[a.status] = (acc[a.status] ?? 0) + 1;
        return acc;
      }, {});
      const slowest = Math.max(0, ...down.map((a) => a.ms));
      const wrong = down.filter((a) => !isSuccess(a) && !a.says503);
      const fiveHundreds = report.answers.filter((a) => a.status === 500 || a.status === 0);
      const confirmed = report.answers.flatMap((a) => (a.applicationId ? [a.applicationId] : []));
      const missing = await missingApplications(databaseUrl, confirmed);
      const readyFailed = report.readyDuringOutage.slice(1).every((s) => s === 503);
      log(
        `  answers while down: ${JSON.stringify(byStatus)}; slowest ${fmt(slowest)}; ${wrong.length} without the 503 page`,
      );
      log(
        `  /readyz while down: ${readyFailed ? "503 throughout" : JSON.stringify(report.readyDuringOutage)}`,
      );
      log(
        `  back after Postgres returned: /readyz ${report.readyAfterMs ?? "never"} ms, every kind ${report.recoveredAfterMs ?? "never"} ms`,
      );
      log(
        `  500s or dropped connections: ${fiveHundreds.length}; server still running: ${site.child.exitCode === null}`,
      );
      log(
        `  applications confirmed: ${confirmed.length}, missing from the database: ${missing.length}`,
      );
      const pass =
        wrong.length === 0 &&
        slowest < 5_000 &&
        readyFailed &&
        (report.recoveredAfterMs ?? Infinity) < 10_000 &&
        fiveHundreds.length === 0 &&
        missing.length === 0 &&
        site.child.exitCode === null;
      log(`  outage check: ${pass ? "PASS" : "FAIL"}`);
      failed ||= !pass;
    }
  } finally {
    await site.stop();
    await database.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
}

void main();
