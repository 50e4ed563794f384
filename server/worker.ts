import PgBoss from "pg-boss";
import { runDueDigests } from "../app/alerts/matching.server";
import { sendCredentialExpiryReminders } from "../app/applications/credentials.server";
import { sendApplicationDigests } from "../app/applications/pipeline.server";
import { pruneRateLimits } from "../app/auth/rate-limit.server";
import { pruneExpiredSessions } from "../app/auth/session.server";
import {
  deliverEmails,
  deliveryBatches,
  EMAIL_DELIVERY_QUEUE,
  EMAIL_MAX_ATTEMPTS,
  listStalledEmailIds,
  listUntriedEmailIds,
  pruneOutbox,
} from "../app/email/outbox.server";
import { listenForQueuedEmails } from "../app/email/outbox-listener.server";
import { sweepUnclaimedFiles } from "../app/files/files.server";
import { expireJobs } from "../app/jobs/expiry.server";
import { sendExpiryWarnings } from "../app/jobs/posting-expiry.server";
import { rollUpApplications } from "../app/jobs/posting-stats.server";
import { getEnv } from "../app/utils/env.server";
import { logger } from "./logger";

export type Worker = { stop: () => Promise<void> };

// Every background job the site runs on a schedule: name, cron (UTC) and handler.
const scheduled: { name: string; cron: string; run: (boss: PgBoss) => Promise<unknown> }[] = [
  { name: "expire-jobs", cron: "* * * * *", run: () => expireJobs() },
  { name: "expiry-warnings", cron: "*/15 * * * *", run: () => sendExpiryWarnings() },
  { name: "job-stats-rollup", cron: "*/10 * * * *", run: () => rollUpApplications() },
  { name: "prune-rate-limits", cron: "17 * * * *", run: () => pruneRateLimits() },
  // Retention: expired sessions, one-time links in sent emails, outbox rows after 90 days.
  { name: "prune-sessions", cron: "19 * * * *", run: () => pruneExpiredSessions() },
  { name: "prune-outbox", cron: "23 * * * *", run: () => pruneOutbox() },
  // Employers who chose one daily summary get it at 13:00 UTC (morning in US time zones).
  { name: "applications-digest", cron: "0 13 * * *", run: () => sendApplicationDigests() },
  // Coders whose credential expires within 30 days hear about it once per expiry date.
  {
    name: "credential-expiry-reminders",
    cron: "30 14 * * *",
    run: () => sendCredentialExpiryReminders(),
  },
  // Resumes uploaded on the apply page by visitors who never finished signing up.
  { name: "sweep-unclaimed-files", cron: "41 * * * *", run: () => sweepUnclaimedFiles() },
  // Alert digests: every five minutes, the daily and weekly alerts whose 7:00 has passed in
  // their time zone and whose period has not been sent (decision 015).
  { name: "alert-digests", cron: "*/5 * * * *", run: () => runDueDigests() },
  // Safety net for outbox rows whose delivery job never ran (see 007-email-outbox.md).
  { name: "email-sweep", cron: "* * * * *", run: (boss) => enqueueEmailDeliveries(boss) },
];

// Parallel delivery workers per process: each holds one connection while Resend answers.
const EMAIL_WORKERS = 3;

export async function startWorker(connectionString: string): Promise<Worker> {
  const boss = new PgBoss({ connectionString, max: 4 + EMAIL_WORKERS, schema: "pgboss" });
  boss.on("error", (error) => logger.error({ err: error }, "worker error"));
  await boss.start();
  for (const job of scheduled) {
    await boss.createQueue(job.name, {
      name: job.name,
      retryLimit: 3,
      retryDelay: 30,
      retryBackoff: true,
      expireInSeconds: 300,
    });
    await boss.schedule(job.name, job.cron);
    await boss.work(job.name, async () => {
      const result = await job.run(boss);
      logger.info({ job: job.name, result }, "job done");
    });
  }

  await boss.createQueue(EMAIL_DELIVERY_QUEUE, {
    name: EMAIL_DELIVERY_QUEUE,
    // Backoff from 20 s doubles to about 5 min before the last try, about 10 min in all.
    retryLimit: EMAIL_MAX_ATTEMPTS - 1,
    retryDelay: 20,
    retryBackoff: true,
    expireInSeconds: 60,
  });
  const emailWorkerIds: string[] = [];
  for (let i = 0; i < EMAIL_WORKERS; i++) {
    emailWorkerIds.push(
      // `id`: jobs queued before deliveries went in batches.
      await boss.work<{ ids?: number[]; id?: number }>(EMAIL_DELIVERY_QUEUE, async ([job]) => {
        await deliverQueuedEmails(job.data.ids ?? (job.data.id ? [job.data.id] : []));
        // pg-boss fetches once per polling interval (2 s); after a delivery that went
        // through, fetch again at once, so a backlog drains at Resend's pace, not the poll's.
        boss.notifyWorker(emailWorkerIds[i]);
      }),
    );
  }
  let next = 0;
  const listener = listenForQueuedEmails({
    connectionString,
    onQueued: (ids) => {
      enqueueEmailDeliveries(boss, ids)
        .then(() => boss.notifyWorker(emailWorkerIds[next++ % EMAIL_WORKERS]))
        .catch((error) => logger.error({ err: error, emailIds: ids }, "email enqueue failed"));
    },
    onError: (error) => logger.warn({ err: error }, "email listener lost its connection"),
  });
  await listener.ready;
  // After a crash (or while no worker ran) rows wait with no job or a job that died with its
  // process: deliver them now. A duplicate job finds the row sent or locked and skips it.
  await enqueueEmailDeliveries(boss, await listUntriedEmailIds());

  logger.info(
    { queues: [...scheduled.map((job) => job.name), EMAIL_DELIVERY_QUEUE] },
    "worker started",
  );
  return {
    stop: async () => {
      await listener.stop();
      await boss.stop({ graceful: true, timeout: 5_000, wait: true });
    },
  };
}

/** Delivery jobs for queued rows: alert emails a batch at a time, the others one each. */
async function enqueueEmailDeliveries(boss: PgBoss, ids?: number[]) {
  const due = ids ?? (await listStalledEmailIds());
  const batches = await deliveryBatches(due);
  if (batches.length > 0)
    await boss.insert(
      batches.map((batch) => ({ name: EMAIL_DELIVERY_QUEUE, data: { ids: batch } })),
    );
  return { enqueued: due.length };
}

async function deliverQueuedEmails(ids: number[]) {
  const retry: string[] = [];
  for (const [id, result] of await deliverEmails(ids)) {
    switch (result.outcome) {
      case "captured":
        logger.info(
          { emailId: id, to: result.to },
          `email captured: open ${getEnv().APP_URL}/dev/emails`,
        );
        break;
      case "retry":
        retry.push(`${id}: ${result.error}`);
        break;
      case "failed":
        logger.error({ emailId: id, error: result.error }, "email failed");
        break;
      case "skipped":
        break;
      default:
        logger.info({ emailId: id, ...result }, `email ${result.outcome}`);
    }
  }
  // Thrown so pg-boss retries the job with backoff; the outbox rows already have the error.
  if (retry.length) throw new Error(`emails not delivered yet: ${retry.join("; ")}`);
}
