// npm run bench: the production build against a bench database, loaded with autocannon.
// The load generator shares the machine with the server, so only ratios from one run compare:
// each page's throughput is shown against the trivial Remix route (/about) measured alongside.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { sql } from "kysely";
import { compileSearchQueries } from "../app/search/search.server";
import { emptyFilters, parseSearchParams } from "../app/search/search-schemas";
import { createDb, type Database } from "../app/utils/db.server";
import { migrateToLatest } from "../db/migrate";
import { seedDemo } from "../db/seed/seed";
import { benchMatches } from "./lib/bench-matches";
import { ensureBuild } from "./lib/build";
import { startEmbeddedPostgres } from "./lib/embedded-postgres";
import { type RunningSite, spawnSite } from "./lib/spawn-site";

const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const OPEN_JOBS = Number(process.env.BENCH_OPEN_JOBS ?? 100_000);
const EXPIRED_JOBS = Number(process.env.BENCH_EXPIRED_JOBS ?? 400_000);
const CHUNK = 50_000;

// The five representative searches of issue 4.
const SEARCHES: Target[] = [
  { name: "search: keyword", path: "/jobs?q=cardiology" },
  {
    name: "search: kw+specialty+remote",
    path: "/jobs?q=risk+adjustment&specialty=risk-adjustment-hcc&setting=remote",
  },
  { name: "search: location+radius", path: "/jobs?location=43215&radius=50" },
  { name: "search: salary sort", path: "/jobs?sort=salary&salary_min=60000" },
  { name: "search: facets, no filter", path: "/jobs" },
];

type Target = { name: string; path: string; allow404?: boolean; fresh?: boolean };

/**
 * Tops the bench database up to OPEN_JOBS open and EXPIRED_JOBS expired jobs, copying the demo
 * jobs (company, text, specialties, credentials, search vector) with fresh dates and jittered
 * coordinates. Pure SQL with explicit ids, so half a million rows take a minute, not an hour;
 * kept between runs (only what is short is added).
 */
async function ensureSearchData(db: Database, log: (line: string) => void) {
  const counts = async () =>
    (
      await sql<{ open: number; expired: number }>`
        select (count(*) filter (where status = 'published' and valid_through > now()))::int as open,
               (count(*) filter (where status = 'expired'))::int as expired from jobs`.execute(db)
    ).rows[0];
  const have = await counts();
  const want = { open: OPEN_JOBS - have.open, expired: EXPIRED_JOBS - have.expired };
  if (want.open <= 0 && want.expired <= 0) {
    log(`bench data: ${have.open} open and ${have.expired} expired jobs already there`);
    await ensureBenchJobCodes(db, log);
    return;
  }
  const started = Date.now();
  const { rows: demo } = await sql<{ n: number; max_demo: number }>`
    select count(*)::int as n, max(id)::int as max_demo from jobs where slug not like '%-bench'`.execute(
    db,
  );
  const demoCount = demo[0].n;
  for (const [kind, total] of [
    ["open", want.open],
    ["expired", want.expired],
  ] as const) {
    for (let done = 0; done < total; done += CHUNK) {
      const n = Math.min(CHUNK, total - done);
      await db.transaction().execute(async (trx) => {
        const { rows } = await sql<{
          base: number;
        }>`select coalesce(max(id), 0)::int as base from jobs`.execute(trx);
        const base = rows[0].base;
        const dates =
          kind === "open"
            ? sql`now() - random() * interval '29 days'`
            : sql`now() - interval '31 days' - random() * interval '300 days'`;
        await sql`
          with demo as (select row_number() over (order by id) as rn, * from jobs where slug not like '%-bench' and id <= ${demo[0].max_demo}),
          gen as (select g, ${dates} as published from generate_series(1, ${n}) g)
          insert into jobs (id, company_id, title, slug, description, setting, employment_type, level,
            years_experience, city, state, zip, latitude, longitude, remote_states, salary_period,
            salary_min_cents, salary_max_cents, charts_per_day, accuracy_pct, apply_method, status,
            published_at, valid_through, featured_until, search_vector, description_html,
            description_text, created_at, updated_at)
          overriding system value
          select ${base} + g, d.company_id, d.title, left(d.slug, 60) || '-bench', d.description, d.setting,
            d.employment_type, d.level, d.years_experience, d.city, d.state, d.zip,
            d.latitude + (random() - 0.5) * 0.6, d.longitude + (random() - 0.5) * 0.6,
            d.remote_states, d.salary_period, d.salary_min_cents, d.salary_max_cents, d.charts_per_day,
            d.accuracy_pct, 'site', ${kind === "open" ? "published" : "expired"}, published,
            published + interval '30 days',
            case when ${kind === "open"} and random() < 0.01 then published + interval '30 days' end,
            d.search_vector, d.description_html, d.description_text, published, published
          from gen join demo d on d.rn = (g % ${demoCount}) + 1`.execute(trx);
        await sql`
          with demo as (select row_number() over (order by id) as rn, id from jobs where slug not like '%-bench' and id <= ${demo[0].max_demo})
          insert into job_specialties (job_id, specialty_id, source)
          select ${base} + g, js.specialty_id, js.source from generate_series(1, ${n}) g
          join demo d on d.rn = (g % ${demoCount}) + 1 join job_specialties js on js.job_id = d.id`.execute(
          trx,
        );
        await sql`
          with demo as (select row_number() over (order by id) as rn, id from jobs where slug not like '%-bench' and id <= ${demo[0].max_demo})
          insert into job_credentials (job_id, credential_id, required)
          select ${base} + g, jc.credential_id, jc.required from generate_series(1, ${n}) g
          join demo d on d.rn = (g % ${demoCount}) + 1 join job_credentials jc on jc.job_id = d.id`.execute(
          trx,
        );
        await sql`
          with demo as (select row_number() over (order by id) as rn, id from jobs where slug not like '%-bench' and id <= ${demo[0].max_demo})
          insert into job_codes (job_id, code, system, family)
          select ${base} + g, jc.code, jc.system, jc.family from generate_series(1, ${n}) g
          join demo d on d.rn = (g % ${demoCount}) + 1 join job_codes jc on jc.job_id = d.id`.execute(
          trx,
        );
      });
      log(`bench data: +${n} ${kind} jobs (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
  }
  await sql`select setval(pg_get_serial_sequence('jobs', 'id'), (select max(id) from jobs))`.execute(
    db,
  );
  await sql`vacuum analyze jobs`.execute(db);
  await sql`vacuum analyze job_specialties`.execute(db);
  await sql`vacuum analyze job_credentials`.execute(db);
  await sql`vacuum analyze job_codes`.execute(db);
  // job_search took a row version per write of each job above: compact it, as a live table's
  // autovacuum keeps it.
  await sql`vacuum full analyze job_search`.execute(db);
  const now = await counts();
  log(
    `bench data: ${now.open} open and ${now.expired} expired jobs (${((Date.now() - started) / 1000).toFixed(0)} s)`,
  );
}

/**
 * Bench databases made before the bench copied job_codes get them now: each bench job takes
 * the codes of the demo job it copies (same company, slug without "-bench").
 */
async function ensureBenchJobCodes(db: Database, log: (line: string) => void) {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from job_codes jc join jobs j on j.id = jc.job_id where j.slug like '%-bench'`.execute(
    db,
  );
  if (rows[0].n > 0) return;
  const started = Date.now();
  await sql`insert into job_codes (job_id, code, system, family)
    select b.id, jc.code, jc.system, jc.family
    from jobs b
    join jobs d on d.slug not like '%-bench' and d.company_id = b.company_id
     and left(d.slug, 60) = left(b.slug, length(b.slug) - 6)
    join job_codes jc on jc.job_id = d.id
    where b.slug like '%-bench'
    on conflict do nothing`.execute(db);
  await sql`vacuum analyze job_codes`.execute(db);
  await sql`vacuum full analyze job_search`.execute(db);
  log(
    `bench data: job codes copied to the bench jobs (${((Date.now() - started) / 1000).toFixed(0)} s)`,
  );
}

/** EXPLAIN (ANALYZE, BUFFERS) of every query a search runs; prints the lines naming scans. */
async function explainSearches(db: Database, log: (line: string) => void) {
  log("\nEXPLAIN (ANALYZE, BUFFERS), cold counts (no cache):");
  for (const target of SEARCHES) {
    const { filters } = parseSearchParams(new URL(target.path, "http://x").searchParams);
    log(`\n${target.name}  ${target.path}`);
    for (const { name, query } of await compileSearchQueries({ ...emptyFilters, ...filters }, db)) {
      const result = await db.executeQuery<{ "QUERY PLAN": string }>({
        ...query,
        sql: `explain (analyze, buffers) ${query.sql}`,
      });
      const lines = result.rows.map((r) => r["QUERY PLAN"]);
      const time = lines.find((l) => l.startsWith("Execution Time"));
      log(`  ${name}: ${time}`);
      const scans = [
        ...new Set(
          lines
            .map(
              (l) =>
                /((?:Parallel )?(?:Bitmap Index|Index Only|Index|Seq) Scan(?: Backward)?(?: using| on) \S+(?: on \S+)?)/.exec(
                  l,
                )?.[1],
            )
            .filter((l): l is string => Boolean(l)),
        ),
      ];
      for (const scan of scans) log(`    ${scan}`);
    }
  }
}

async function prepareDatabase() {
  if (process.env.BENCH_DATABASE_URL)
    return { url: process.env.BENCH_DATABASE_URL, stop: async () => {} };
  const embedded = await startEmbeddedPostgres({
    dir: process.env.BENCH_PG_DIR ?? path.resolve(".data/bench-postgres"),
    database: "medcode_bench",
  });
  return { url: embedded.url("medcode_bench"), stop: embedded.stop };
}

function startServer(
  databaseUrl: string,
  extra: Record<string, string> = {},
): Promise<RunningSite> {
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
    RESEND_WEBHOOK_SECRET: "whsec_bench",
    EMAIL_FROM: "bench@example.com",
    S3_BUCKET: "bench",
    TRUST_PROXY: "off",
    ...extra,
  };
  return spawnSite(env);
}

// Common words of the bench jobs: a pair of them matches a third to all of the open jobs.
const COMMON_WORDS = [
  "benefits",
  "certification",
  "every",
  "day",
  "year",
  "work",
  "code",
  "coder",
  "review",
  "documentation",
  "productivity",
  "professional",
  "remote",
  "month",
  "provider",
  "required",
  "experience",
  "credential",
  "support",
  "service",
  "health",
  "education",
  "medical",
  "query",
  "accuracy",
  "time",
  "claims",
  "specialist",
  "policy",
  "coverage",
  "strong",
  "daily",
  "quality",
  "team",
  "paid",
  "tools",
  "clinical",
  "guidelines",
];
let freshIndex = 0;
/** A keyword search no request of this run has made before (counts not cached). */
function freshSearchPath() {
  const n = COMMON_WORDS.length;
  const i = freshIndex++;
  const a = COMMON_WORDS[i % n];
  const b = COMMON_WORDS[(Math.floor(i / n) + 1 + (i % n)) % n];
  const c = i >= n * n ? ` ${COMMON_WORDS[Math.floor(i / (n * n)) % n]}` : "";
  return `/jobs?q=${encodeURIComponent(`${a} ${b}${c}`)}`;
}

type Load = Awaited<ReturnType<typeof load>>;

async function load(url: string, target: Target, connections: number, seconds: number) {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    pipelining: 1,
    // BENCH_GZIP=1 asks for gzip as browsers do (autocannon sends no Accept-Encoding).
    ...(process.env.BENCH_GZIP === "1" ? { headers: { "accept-encoding": "gzip" } } : {}),
    ...(target.fresh
      ? { requests: [{ setupRequest: (req: object) => ({ ...req, path: freshSearchPath() }) }] }
      : {}),
  });
  return {
    rps: result.requests.average,
    requests: result.requests.total,
    p50: result.latency.p50,
    p95: percentile(result, 95),
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

/** CPU seconds (user + system) of a set of processes, from /proc (Linux). */
function cpuTicks(pids: number[]): Map<number, number> {
  const ticks = new Map<number, number>();
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks.set(pid, Number(fields[11]) + Number(fields[12]));
    } catch {}
  }
  return ticks;
}

/** The process and its descendants. */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {}
  }
  const out: number[] = [];
  const walk = (pid: number) => {
    out.push(pid);
    for (const c of children.get(pid) ?? []) walk(c);
  };
  walk(root);
  return out;
}

function rssMb(pids: number[]) {
  let kb = 0;
  for (const pid of pids) {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      if (m) kb += Number(m[1]);
    } catch {}
  }
  return kb / 1024;
}

async function backendPids(db: Database) {
  const { rows } = await sql<{ pid: number }>`
    select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`.execute(
    db,
  );
  return rows.map((r) => r.pid);
}

const TICK_MS = 10; // CLK_TCK 100 on Linux

type Row = { target: Target; c16: Load; c1: Load; nodeMs: number; pgMs: number; rss: number };

async function measure(
  db: Database,
  site: RunningSite,
  targets: Target[],
  log: (l: string) => void,
) {
  const rows: Row[] = [];
  const pid = site.child.pid as number;
  for (const target of targets) {
    if (!target.fresh) {
      const probe = await fetch(site.url + target.path);
      await probe.arrayBuffer();
      if (probe.status !== 200) {
        log(`${target.name}: answers ${probe.status}${target.allow404 ? " (skipped)" : ""}`);
        if (target.allow404) continue;
      }
      await autocannon({ url: site.url + target.path, connections: 4, duration: 1 }); // warm-up
    }
    const tree = processTree(pid);
    const pg = await backendPids(db);
    const before = { node: cpuTicks(tree), pg: cpuTicks(pg) };
    const c16 = await load(site.url + target.path, target, CONNECTIONS, DURATION);
    const after = {
      node: cpuTicks(tree),
      pg: cpuTicks([...new Set([...pg, ...(await backendPids(db))])]),
    };
    const delta = (a: Map<number, number>, b: Map<number, number>) =>
      [...b].reduce((sum, [p, t]) => sum + t - (a.get(p) ?? 0), 0);
    const done = Math.max(1, c16.requests);
    const nodeMs = (delta(before.node, after.node) * TICK_MS) / done;
    const pgMs = (delta(before.pg, after.pg) * TICK_MS) / done;
    const rss = rssMb(processTree(pid));
    const c1 = await load(site.url + target.path, target, 1, Math.max(2, Math.round(DURATION / 2)));
    rows.push({ target, c16, c1, nodeMs, pgMs, rss });
  }
  return rows;
}

function printRows(title: string, rows: Row[], log: (l: string) => void) {
  const healthz = rows.find((r) => r.target.path === "/healthz")?.c16.rps ?? 0;
  log(`\n${title}`);
  const header = `${"target".padEnd(30)} ${"req/s".padStart(7)} ${"p50".padStart(6)} ${"p95".padStart(6)} ${"p99".padStart(6)} | ${"1c p50".padStart(6)} ${"1c p95".padStart(6)} | ${"cpu node".padStart(8)} ${"cpu pg".padStart(7)} ${"RSS MB".padStart(7)} ${"vs hz".padStart(6)} ${"err".padStart(4)}`;
  log(header);
  log("-".repeat(header.length));
  for (const { target, c16, c1, nodeMs, pgMs, rss } of rows) {
    log(
      `${target.name.padEnd(30)} ${c16.rps.toFixed(0).padStart(7)} ${String(c16.p50).padStart(6)} ${c16.p95.toFixed(0).padStart(6)} ${String(c16.p99).padStart(6)} | ${String(c1.p50).padStart(6)} ${c1.p95.toFixed(0).padStart(6)} | ${nodeMs.toFixed(1).padStart(8)} ${pgMs.toFixed(1).padStart(7)} ${rss.toFixed(0).padStart(7)} ${healthz ? `${((c16.rps / healthz) * 100).toFixed(0)}%`.padStart(6) : "".padStart(6)} ${String(c16.non2xx + c16.errors + c1.non2xx + c1.errors).padStart(4)}`,
    );
  }
  log("latency in ms (16 connections unless 1c); cpu: ms per request at 16 connections");
}

/** The server set-ups compared: BENCH_CONFIGS=default,nocache,single picks some. */
const CONFIGS: { name: string; title: string; env: Record<string, string> }[] = [
  { name: "default", title: "WEB_CONCURRENCY default (cores), page cache on", env: {} },
  {
    name: "nocache",
    title: "WEB_CONCURRENCY default, PAGE_CACHE=off (uncached)",
    env: { PAGE_CACHE: "off" },
  },
  {
    name: "single",
    title: "WEB_CONCURRENCY=1, PAGE_CACHE=off",
    env: { WEB_CONCURRENCY: "1", PAGE_CACHE: "off" },
  },
];

async function main() {
  const log = (line: string) => console.log(line);
  ensureBuild(log);
  const database = await prepareDatabase();
  const db = createDb(database.url, 2);
  try {
    if (process.env.BENCH_SKIP_SETUP !== "1") {
      await migrateToLatest(db);
      await seedDemo(db, { log });
      await ensureSearchData(db, log);
      if (process.env.BENCH_EXPLAIN !== "0") await explainSearches(db, log);
    }
    await benchMatches(db, log);
    const job = await db
      .selectFrom("jobs")
      .select(["id", "slug"])
      .where("status", "=", "published")
      .where("valid_through", ">", sql<Date>`now()`)
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const targets: Target[] = [
      { name: "/healthz (Express)", path: "/healthz" },
      { name: "/about (trivial Remix)", path: "/about" },
      { name: "/ (home)", path: "/" },
      { name: "/jobs (list)", path: "/jobs" },
      { name: "job page", path: `/jobs/${job.id}/${job.slug}` },
      { name: "code page /codes/99213", path: "/codes/99213", allow404: true },
      { name: "specialty page", path: "/specialties/cardiology", allow404: true },
      ...SEARCHES,
      { name: "search: fresh common keyword", path: "/jobs?q=fresh", fresh: true },
    ];
    // BENCH_TARGETS=fresh,job picks the targets whose name has one of the words (and
    // /healthz, which every ratio is taken against).
    const only = process.env.BENCH_TARGETS?.split(",").filter(Boolean);
    const measured = only
      ? targets.filter((t) => t.path === "/healthz" || only.some((w) => t.name.includes(w)))
      : targets;
    const picked = (process.env.BENCH_CONFIGS ?? "default,nocache,single").split(",");
    log(
      `\nautocannon: ${CONNECTIONS} and 1 connections, ${DURATION}s per target, server and load on one machine`,
    );
    for (const config of CONFIGS.filter((c) => picked.includes(c.name))) {
      const site = await startServer(database.url, config.env);
      try {
        const rows = await measure(db, site, measured, log);
        printRows(config.title, rows, log);
      } finally {
        await site.stop();
      }
    }
  } finally {
    await db.destroy();
    await database.stop();
  }
}

await main();
