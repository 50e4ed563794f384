import PgBoss from "pg-boss";
import { expireJobs } from "../app/jobs/expiry.server";
import { logger } from "./logger";

export type Worker = { stop: () => Promise<void> };

// Every background job the site runs: name, schedule (cron, UTC) and handler.
const scheduled = [{ name: "expire-jobs", cron: "* * * * *", run: () => expireJobs() }] as const;

export async function startWorker(connectionString: string): Promise<Worker> {
  const boss = new PgBoss({ connectionString, max: 4, schema: "pgboss" });
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
      const result = await job.run();
      logger.info({ job: job.name, result }, "job done");
    });
  }
  logger.info({ queues: scheduled.map((job) => job.name) }, "worker started");
  return {
    stop: () => boss.stop({ graceful: true, timeout: 5_000, wait: true }),
  };
}
