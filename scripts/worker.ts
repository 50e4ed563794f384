// npm run worker: background jobs alone (emails, expiry, digests), for scaling apart from web.
import { closeDb, getDb } from "../app/utils/db.server";
import { EnvError, initEnv } from "../app/utils/env.server";
import { migrateToLatest } from "../db/migrate";
import { logger } from "../server/logger";
import { startWorker } from "../server/worker";
import { resolveDatabase } from "./lib/database";

try {
  initEnv();
} catch (error) {
  if (error instanceof EnvError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
const database = await resolveDatabase((line) => logger.info(line));
await migrateToLatest(getDb());
const worker = await startWorker(database.url);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info(`${signal}: stopping worker`);
  await worker.stop();
  await closeDb();
  await database.embedded?.stop();
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
