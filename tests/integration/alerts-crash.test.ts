// Digests survive crashes: a real worker process (scripts/worker.ts) is killed with SIGKILL in
// the middle of a digest run and another is started; every alert gets exactly one email for
// the period. And a period missed while no worker ran is sent by the next sweep, once.
import { type ChildProcess, spawn } from "node:child_process";
import { sql } from "kysely";
import pg from "pg";
import PgBoss from "pg-boss";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DIGEST_BATCH_SIZE, runDueDigests } from "../../app/alerts/matching.server";
import { getDb } from "../../app/utils/db.server";
import { alertEmails, createAlert, createCompany, insertJobs } from "./alerts-helpers";

const HOUR = 3_600_000;
let company: number;

beforeAll(async () => {
  company = (await createCompany()).id;
});
beforeEach(async () => {
  await getDb().updateTable("jobs").set({ status: "closed" }).execute();
  await getDb().deleteFrom("alerts").execute();
  await getDb().deleteFrom("emails").execute();
});

/** `count` confirmed daily alerts for "coder", each to its own address, due since yesterday. */
async function dueDailyAlerts(count: number) {
  const first = await createAlert({
    query: "q=coder",
    frequency: "daily",
    email: "first@example.com",
  });
  await sql`
    insert into alerts (email, name, description, filters, query, frequency, time_zone, token,
                        confirmed_at, match_tsquery, digest_period, digest_cursor)
    select 'subscriber-' || g || '@example.com', name, description, filters, query, frequency,
           time_zone, md5(random()::text || g), confirmed_at,
           match_tsquery, digest_period, digest_cursor
      from alerts, generate_series(2, ${count}) g
     where alerts.id = ${first.id}`.execute(getDb());
  // Yesterday's digest went out an hour ago; today's is due now, whatever the hour.
  await sql`update alerts set digest_period = current_date - 2, digest_cursor = now() - interval '1 hour'`.execute(
    getDb(),
  );
}

function startWorkerProcess(): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: "info", WORKER: "on" };
  delete env.VITEST;
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (output.includes("worker started")) resolve(child);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`worker exited (${code}):\n${output}`)));
  });
}

/** Asks the running worker(s) for a digest run now, as the five-minute cron does. */
async function requestDigestRun() {
  const boss = new PgBoss({
    connectionString: process.env.DATABASE_URL,
    schema: "pgboss",
    supervise: false,
    schedule: false,
    migrate: false,
  });
  await boss.start();
  await boss.send("alert-digests", {});
  await boss.stop({ graceful: false, wait: true });
}

const stillDue = async () =>
  (
    await sql<{
      n: number;
    }>`select count(*)::int as n from alerts where digest_period < current_date - 1`.execute(
      getDb(),
    )
  ).rows[0].n;

const workers: ChildProcess[] = [];
afterAll(() => {
  for (const worker of workers) if (worker.exitCode === null) worker.kill("SIGKILL");
});

describe("digest runs and crashes", () => {
  it("a worker killed with SIGKILL mid-run, then restarted: every alert gets exactly one email for the period", async () => {
    const total = DIGEST_BATCH_SIZE * 2 + 200;
    await dueDailyAlerts(total);
    const jobs = await insertJobs(company, [
      { title: "Remote Coder", firstPublishedAt: new Date(Date.now() - 10 * 60_000) },
      { title: "Coder II", firstPublishedAt: new Date(Date.now() - 5 * 60_000) },
    ]);
    const ids = (await getDb().selectFrom("alerts").select("id").orderBy("id").execute()).map(
      (r) => r.id,
    );

    // Another connection holds the outbox key of an alert in the second batch, uncommitted: the
    // worker's transaction for that batch waits on it, mid-way, while other batches commit.
    const blocked = ids[DIGEST_BATCH_SIZE + 100];
    const period = (
      await sql<{
        p: string;
      }>`select ((now() at time zone 'America/New_York') - interval '7 hours')::date::text as p`.execute(
        getDb(),
      )
    ).rows[0].p;
    const blocker = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await blocker.connect();
    await blocker.query("begin");
    await blocker.query(
      `insert into emails (dedupe_key, template, to_address, from_address, subject, html, text)
       values ($1, 'alert-jobs', 'x@example.com', 'x', 'x', 'x', 'x')`,
      [`alert:${blocked}:daily:${period}`],
    );

    const first = await startWorkerProcess();
    workers.push(first);
    await requestDigestRun();
    const waitingBackend = async () =>
      (
        await sql<{ pid: number }>`select pid from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock' and query ilike 'insert into "emails"%'`.execute(
          getDb(),
        )
      ).rows[0]?.pid;
    await expect.poll(waitingBackend, { timeout: 20_000, interval: 100 }).toBeTruthy();
    const backend = await waitingBackend();
    // The other batches go through meanwhile (the run works two at a time); the blocked one
    // cannot.
    await expect
      .poll(async () => (await alertEmails()).length, { timeout: 30_000, interval: 100 })
      .toBe(total - DIGEST_BATCH_SIZE);
    const sentBeforeCrash = total - DIGEST_BATCH_SIZE;

    first.kill("SIGKILL");
    await new Promise((resolve) => first.once("exit", resolve));
    await blocker.query("rollback");
    await blocker.end();
    // The dead worker's transaction ends once its backend finds the client gone.
    await expect
      .poll(
        async () =>
          (
            await sql<{
              n: number;
            }>`select count(*)::int as n from pg_stat_activity where pid = ${backend}`.execute(
              getDb(),
            )
          ).rows[0].n,
        { timeout: 20_000, interval: 100 },
      )
      .toBe(0);
    expect(await stillDue()).toBe(total - sentBeforeCrash);

    const second = await startWorkerProcess();
    workers.push(second);
    await requestDigestRun();
    await expect.poll(stillDue, { timeout: 30_000, interval: 200 }).toBe(0);
    second.kill("SIGTERM");
    await new Promise((resolve) => second.once("exit", resolve));

    const emails = await alertEmails();
    expect(emails).toHaveLength(total);
    expect(new Set(emails.map((e) => e.props.alertId)).size).toBe(total);
    expect(new Set(emails.map((e) => e.to_address)).size).toBe(total);
    for (const email of emails) expect(email.props.jobIds.sort()).toEqual([...jobs].sort());
    const deliveries = await sql<{ n: number; pairs: number }>`
      select count(*)::int as n, count(distinct (alert_id, job_id))::int as pairs from alert_deliveries`.execute(
      getDb(),
    );
    expect(deliveries.rows[0]).toEqual({ n: total * 2, pairs: total * 2 });
    // Asking again for the same period changes nothing.
    expect(await runDueDigests()).toEqual({ alerts: 0, emails: 0 });
  }, 120_000);

  it("a period missed while no worker ran goes out at the next sweep, once, with everything since", async () => {
    const alert = await createAlert({ query: "q=coder", frequency: "daily" });
    // Backdated: the last digest went out three days ago.
    await sql`update alerts set digest_period = current_date - 4, digest_cursor = now() - interval '3 days'`.execute(
      getDb(),
    );
    const [older, newer] = await insertJobs(company, [
      { title: "Coder Two Days Ago", firstPublishedAt: new Date(Date.now() - 48 * HOUR) },
      { title: "Coder Yesterday", firstPublishedAt: new Date(Date.now() - 20 * HOUR) },
      { title: "Coder Before The Last Digest", firstPublishedAt: new Date(Date.now() - 80 * HOUR) },
    ]);
    expect(await runDueDigests()).toEqual({ alerts: 1, emails: 1 });
    expect(await runDueDigests()).toEqual({ alerts: 0, emails: 0 });
    const emails = await alertEmails();
    expect(emails.map((e) => [e.props.alertId, e.props.jobIds])).toEqual([
      [alert.id, [newer, older]],
    ]);
  });
});
