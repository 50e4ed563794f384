// npm run bench:alerts: job alerts at scale, in a database of their own (medcode_bench_alerts,
// dropped and rebuilt on each run; never the dev database). 100,000 confirmed alerts with
// varied filters, 2,000 jobs published in the last day (and older open jobs around them):
//   1. every daily digest matched and queued, for 10,000 and then 100,000 alerts: seconds,
//      peak RSS of the process, emails queued;
//   2. one new job published against 100,000 instant alerts (the go-live transaction);
//   3. outbox drain to a local Resend stand-in (batch sends), in emails per second.
// Each measurement runs in a fresh child process, so its peak RSS is its own.
// Settings: BENCH_DATABASE_URL (any Postgres server to create the database on; default an
// embedded one in .data/bench-postgres), BENCH_ALERTS (100000), BENCH_NEW_JOBS (2000),
// BENCH_OLDER_JOBS (20000), BENCH_DRAIN (5000).
import { spawn } from "node:child_process";
import path from "node:path";
import { en, Faker } from "@faker-js/faker";
import { sql } from "kysely";
import pg from "pg";
import { checkAlertFilters } from "../app/alerts/match-columns.server";
import { runDueDigests } from "../app/alerts/matching.server";
import { extendJob } from "../app/billing/fulfillment.server";
import { deliverEmails, deliveryBatches, EMAIL_BATCH_SIZE } from "../app/email/outbox.server";
import { refreshSearchVectors } from "../app/jobs/search-vector.server";
import { SALARY_CHOICES } from "../app/search/search-schemas";
import { closeDb, createDb, type Database, getDb } from "../app/utils/db.server";
import { initEnv } from "../app/utils/env.server";
import { migrateToLatest } from "../db/migrate";
import { demoCities, demoCompanies } from "../db/seed/content";
import { seedReference } from "../db/seed/reference";
import { buildJob, insertBuiltJobs } from "../tests/factories/jobs";
import { startEmbeddedPostgres } from "./lib/embedded-postgres";
import { startResendStandIn } from "./lib/resend-stand-in";

const ALERTS = Number(process.env.BENCH_ALERTS ?? 100_000);
const SMALL = Math.min(10_000, ALERTS);
const NEW_JOBS = Number(process.env.BENCH_NEW_JOBS ?? 2_000);
const OLDER_JOBS = Number(process.env.BENCH_OLDER_JOBS ?? 20_000);
const DRAIN = Number(process.env.BENCH_DRAIN ?? 5_000);
// Distinct searches the alerts share (people save the same popular searches).
const SEARCHES = Math.min(5_000, ALERTS);
const DATABASE = "medcode_bench_alerts";
// server/worker.ts runs three delivery workers per process.
const DELIVERY_WORKERS = 3;

type Measure = { seconds: number; peakRssMb: number; [key: string]: number };

// ---------------------------------------------------------------- measurements (child side)

async function measure(phase: string): Promise<Measure> {
  initEnv();
  const started = performance.now();
  const done = (extra: Record<string, number>) => {
    const seconds = (performance.now() - started) / 1000;
    // Peak RSS includes garbage the collector had not reclaimed yet; what the process still
    // holds after a full collection is what grows, or not, with the number of alerts.
    (globalThis as { gc?: () => void }).gc?.();
    return {
      seconds,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      retainedMb: process.memoryUsage().heapUsed / 1e6,
      ...extra,
    };
  };
  if (phase === "digest") {
    const result = await runDueDigests();
    return done({ alerts: result.alerts, emails: result.emails });
  }
  if (phase === "instant") {
    const db = getDb();
    const company = await db.selectFrom("companies").select("id").executeTakeFirstOrThrow();
    const faker = new Faker({ locale: [en], seed: 42 });
    faker.seed(11);
    const times: number[] = [];
    let emails = 0;
    for (const specialty of ["risk-adjustment-hcc", "evaluation-management", "cardiology"]) {
      const built = buildJob(faker, { companyName: "Bench", specialty, status: "draft" });
      const [jobId] = await insertBuiltJobs(db, [{ companyId: company.id, job: built }]);
      const t = performance.now();
      await db.transaction().execute((trx) => extendJob(trx, { jobId, days: 30, featured: false }));
      times.push((performance.now() - t) / 1000);
      const row = await sql<{
        n: number;
      }>`select count(*)::int as n from alert_deliveries where job_id = ${jobId}`.execute(db);
      emails += row.rows[0].n;
    }
    times.sort((a, b) => a - b);
    return { ...done({ emails: emails / times.length }), seconds: times[1], slowest: times[2] };
  }
  if (phase === "drain") {
    const resend = await startResendStandIn({ record: false });
    process.env.RESEND_API_KEY = "re_bench";
    process.env.RESEND_BASE_URL = resend.url;
    const env = initEnv();
    const ids = (
      await getDb()
        .selectFrom("emails")
        .select("id")
        .where("state", "=", "queued")
        .where("template", "=", "alert-jobs")
        .orderBy("id")
        .limit(DRAIN)
        .execute()
    ).map((r) => r.id);
    const batches = await deliveryBatches(ids);
    const t = performance.now();
    let sent = 0;
    await Promise.all(
      Array.from({ length: DELIVERY_WORKERS }, async () => {
        for (let batch = batches.shift(); batch; batch = batches.shift()) {
          const results = await deliverEmails(batch, env);
          for (const r of results.values()) if (r.outcome === "sent") sent += 1;
        }
      }),
    );
    const seconds = (performance.now() - t) / 1000;
    await resend.close();
    return { ...done({ emails: sent, perSecond: sent / seconds }), seconds };
  }
  throw new Error(`unknown phase ${phase}`);
}

// ---------------------------------------------------------------- the data (parent side)

const KEYWORDS = [
  "coder",
  "remote coder",
  "risk adjustment",
  "hcc",
  "inpatient",
  "outpatient",
  "auditor",
  "cdi",
  "denials",
  "pro fee",
  "facility",
  "emergency department",
  "cardiology",
  "oncology",
  "radiology",
  "interventional radiology",
  "anesthesia",
  "pain management",
  "surgery",
  "orthopedic",
  "telehealth",
  "drg",
  "billing",
  "coding specialist",
  "educator",
  "lead coder",
  "senior coder",
  "pediatrics",
  "behavioral health",
  "home health",
  "urgent care",
  "dermatology",
  "neurology",
  '"risk adjustment"',
  "coder -inpatient",
  "auditor or educator",
];
const ZONES = [
  { value: "America/New_York", weight: 45 },
  { value: "America/Chicago", weight: 30 },
  { value: "America/Denver", weight: 7 },
  { value: "America/Los_Angeles", weight: 15 },
  { value: "America/Phoenix", weight: 3 },
];

async function buildDatabase(url: string, log: (line: string) => void) {
  const db = createDb(url, 4);
  const faker = new Faker({ locale: [en], seed: 42 });
  faker.seed(2026_12_01);
  try {
    await migrateToLatest(db);
    await seedReference(db);
    const companies = await db
      .insertInto("companies")
      // Verified, as the demo employers are: moderation would hold an unverified company's jobs.
      .values(
        demoCompanies.map((c, i) => ({
          name: c.name,
          slug: `bench-${i}`,
          verified_at: new Date(),
        })),
      )
      .returning(["id", "name"])
      .execute();
    const started = Date.now();
    for (const [count, min, max] of [
      [NEW_JOBS, 0, 0.99],
      [OLDER_JOBS, 2, 28],
    ] as const) {
      for (let done = 0; done < count; done += 2_000) {
        const items = Array.from({ length: Math.min(2_000, count - done) }, () => {
          const company = faker.helpers.arrayElement(companies);
          return {
            companyId: company.id,
            job: buildJob(faker, {
              companyName: company.name,
              postedDaysAgo: faker.number.float({ min, max }),
              featured: faker.datatype.boolean({ probability: 0.08 }),
            }),
          };
        });
        await insertBuiltJobs(db, items);
      }
    }
    await sql`update jobs set first_published_at = published_at`.execute(db);
    await refreshSearchVectors(db);
    log(
      `jobs: ${NEW_JOBS} published in the last day, ${OLDER_JOBS} older open ones (${((Date.now() - started) / 1000).toFixed(0)} s)`,
    );

    await insertAlerts(db, faker, log);
    await sql`vacuum analyze`.execute(db);
  } finally {
    await db.destroy();
  }
}

async function insertAlerts(db: Database, faker: Faker, log: (line: string) => void) {
  const started = Date.now();
  const specialties = (await db.selectFrom("specialties").select("slug").execute()).map(
    (r) => r.slug,
  );
  const credentials = (await db.selectFrom("credentials").select("code").execute()).map(
    (r) => r.code,
  );
  const zips = [
    ...demoCities.map((c) => c.zip),
    ...(
      await sql<{ zip: string }>`select zip from places order by md5(zip) limit 300`.execute(db)
    ).rows.map((r) => r.zip),
  ];
  const searches: Extract<Awaited<ReturnType<typeof checkAlertFilters>>, { ok: true }>[] = [];
  const seen = new Set<string>();
  while (searches.length < SEARCHES) {
    const p = new URLSearchParams();
    const chance = (probability: number) => faker.datatype.boolean({ probability });
    if (chance(0.4)) p.set("q", faker.helpers.arrayElement(KEYWORDS));
    if (chance(0.45))
      for (const s of faker.helpers.arrayElements(specialties, { min: 1, max: 2 }))
        p.append("specialty", s);
    if (chance(0.3))
      for (const c of faker.helpers.arrayElements(credentials, { min: 1, max: 2 }))
        p.append("credential", c);
    if (chance(0.5))
      for (const s of faker.helpers.weightedArrayElement([
        { value: ["remote"], weight: 60 },
        { value: ["remote", "hybrid"], weight: 20 },
        { value: ["onsite"], weight: 10 },
        { value: ["hybrid"], weight: 10 },
      ]))
        p.append("setting", s);
    if (chance(0.25)) {
      p.set("location", faker.helpers.arrayElement(zips));
      p.set("radius", String(faker.helpers.arrayElement([10, 25, 50, 100])));
    }
    if (chance(0.2)) p.set("salary_min", String(faker.helpers.arrayElement(SALARY_CHOICES)));
    if (chance(0.1)) p.set("level", faker.helpers.arrayElement(["entry", "mid", "senior", "lead"]));
    if (chance(0.1))
      p.set("type", faker.helpers.arrayElement(["full_time", "contract", "part_time"]));
    if ([...p.keys()].length === 0) p.set("setting", "remote");
    const checked = await checkAlertFilters(p, db);
    if (!checked.ok || seen.has(checked.query)) continue;
    seen.add(checked.query);
    searches.push(checked);
  }
  const now = Date.now();
  for (let done = 0; done < ALERTS; done += 1_000) {
    const rows = Array.from({ length: Math.min(1_000, ALERTS - done) }, (_, k) => {
      const i = done + k;
      // Popular searches are shared by many alerts: a skewed pick over the pool.
      const search = searches[Math.floor(searches.length * faker.number.float() ** 2)];
      return {
        email: `bench-${i}@example.com`,
        name: search.description.slice(0, 120),
        description: search.description,
        filters: JSON.stringify(search.filters),
        query: search.query,
        frequency: "daily",
        time_zone: faker.helpers.weightedArrayElement(ZONES),
        token: faker.string.alphanumeric({ length: 32, casing: "lower" }),
        confirmed_at: new Date(now - 3 * 86_400_000),
        ...search.columns,
      };
    });
    await db.insertInto("alerts").values(rows).execute();
  }
  log(
    `alerts: ${ALERTS} confirmed, ${searches.length} distinct searches (${((Date.now() - started) / 1000).toFixed(0)} s)`,
  );
}

/** Every alert (or the first `active`) due for today's digest, from a clean outbox. */
async function resetDigests(db: Database, active: number) {
  await sql`truncate emails, email_events, alert_deliveries`.execute(db);
  await sql`update alerts set frequency = 'daily', digest_period = date '2000-01-01',
    digest_cursor = now() - interval '24 hours',
    paused_at = case when id <= (select min(id) from alerts) + ${active - 1} then null else now() end,
    paused_reason = case when id <= (select min(id) from alerts) + ${active - 1} then null else 'user' end`.execute(
    db,
  );
  await sql`vacuum analyze alerts`.execute(db);
}

function runChild(phase: string, databaseUrl: string): Promise<Measure> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NODE_ENV: "development",
    LOG_LEVEL: "warn",
  };
  delete env.RESEND_API_KEY;
  const child = spawn(
    process.execPath,
    ["--expose-gc", "--import", "tsx", "scripts/bench-alerts.ts", "--measure", phase],
    {
      env,
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => {
      const line = output.trim().split("\n").pop() ?? "";
      if (code === 0) resolve(JSON.parse(line) as Measure);
      else reject(new Error(`${phase} failed (exit ${code}):\n${output}`));
    });
  });
}

async function prepareServer() {
  if (process.env.BENCH_DATABASE_URL)
    return { adminUrl: process.env.BENCH_DATABASE_URL, stop: async () => {} };
  const embedded = await startEmbeddedPostgres({
    dir: process.env.BENCH_PG_DIR ?? path.resolve(".data/bench-postgres"),
  });
  return { adminUrl: embedded.url("postgres"), stop: embedded.stop };
}

async function recreateDatabase(adminUrl: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists ${DATABASE} with (force)`);
    await client.query(`create database ${DATABASE}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${DATABASE}`;
  return url.toString();
}

async function main() {
  const log = (line: string) => console.log(line);
  const server = await prepareServer();
  try {
    const url = await recreateDatabase(server.adminUrl);
    log(`bench database: ${DATABASE} (rebuilt)`);
    await buildDatabase(url, log);
    const db = createDb(url, 2);
    const results: { name: string; m: Measure }[] = [];
    try {
      await resetDigests(db, SMALL);
      results.push({
        name: `daily digests, ${SMALL.toLocaleString("en-US")} alerts`,
        m: await runChild("digest", url),
      });
      await resetDigests(db, ALERTS);
      results.push({
        name: `daily digests, ${ALERTS.toLocaleString("en-US")} alerts`,
        m: await runChild("digest", url),
      });
      // Drain what the full digest queued, before the instant run changes the alerts.
      results.push({
        name: `outbox drain (${DRAIN} emails, batches of ${EMAIL_BATCH_SIZE})`,
        m: await runChild("drain", url),
      });
      await sql`update alerts set frequency = 'instant'`.execute(db);
      await sql`truncate alert_deliveries`.execute(db);
      results.push({
        name: `one new job vs ${ALERTS.toLocaleString("en-US")} instant alerts`,
        m: await runChild("instant", url),
      });
    } finally {
      await db.destroy();
    }
    log("");
    log(
      `${"measurement".padEnd(48)} ${"seconds".padStart(8)} ${"peak RSS".padStart(9)} ${"heap kept".padStart(10)}  result`,
    );
    log("-".repeat(110));
    const mb = (n: number) => `${n.toFixed(0)} MB`;
    for (const { name, m } of results) {
      const result =
        m.perSecond !== undefined
          ? `${m.emails} sent, ${m.perSecond.toFixed(0)} emails/s`
          : m.alerts !== undefined
            ? `${m.alerts} alerts, ${m.emails} emails queued`
            : `${m.emails.toFixed(0)} emails queued per job (median of 3; slowest ${m.slowest.toFixed(2)} s)`;
      log(
        `${name.padEnd(48)} ${m.seconds.toFixed(2).padStart(8)} ${mb(m.peakRssMb).padStart(9)} ${mb(m.retainedMb).padStart(10)}  ${result}`,
      );
    }
    const [small, large] = results;
    log("");
    log(
      `10k vs 100k: ${(large.m.seconds / small.m.seconds).toFixed(1)}x the time for ${(ALERTS / SMALL).toFixed(0)}x the alerts; peak RSS ${mb(small.m.peakRssMb)} vs ${mb(large.m.peakRssMb)}; heap kept after a full collection ${mb(small.m.retainedMb)} vs ${mb(large.m.retainedMb)}`,
    );
    log(
      "Peak RSS includes garbage not yet collected (V8 lets the heap grow before a full collection); the heap kept is what the run holds.",
    );
  } finally {
    await server.stop();
  }
}

const phase = process.argv[process.argv.indexOf("--measure") + 1];
if (process.argv.includes("--measure")) {
  measure(phase)
    .then(async (result) => {
      await closeDb();
      console.log(JSON.stringify(result));
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
} else {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
