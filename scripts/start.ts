// `npm start` (production build) and `npm run dev` (Vite, hot reload): the database it needs,
// migrations, the demo seed on first run, WEB_CONCURRENCY web processes (node:cluster; one
// in dev) and the background worker once, in the primary process.

import cluster from "node:cluster";
import type { Server } from "node:http";
import { pathToFileURL } from "node:url";
import { flushJobViews } from "../app/jobs/posting-stats.server";
import { closeDb, getDb } from "../app/utils/db.server";
import { EnvError, initEnv } from "../app/utils/env.server";
import { migrateToLatest } from "../db/migrate";
import { DEMO_PASSWORD, seedDemo } from "../db/seed/seed";
import { logger } from "../server/logger";
import { ensureBuild } from "./lib/build";
import { resolveDatabase } from "./lib/database";

const dev = process.argv.includes("--dev");
const log = (line: string) => logger.info(line);

async function main() {
  // NODE_ENV here is the site's own setting (development allows the local stand-ins; production
  // requires every real service). The client bundle is built for production either way
  // (scripts/lib/build.ts); `npm run dev` is the development path.
  if (!dev && !process.env.NODE_ENV) process.env.NODE_ENV = "development";
  let env: ReturnType<typeof initEnv>;
  try {
    env = initEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const serverBuild = dev ? undefined : ensureBuild(log);
  const database = await resolveDatabase(log);
  let server: Server | undefined;
  let worker: { stop: () => Promise<void> } | undefined;
  let shuttingDown = false;

  const shutdown = async (signal: string, exitCode = 0) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log(`${signal}: shutting down`);
    const force = setTimeout(() => {
      logger.error("shutdown took longer than 9 s; exiting");
      process.exit(1);
    }, 9_000);
    force.unref();
    try {
      if (server) {
        const closed = new Promise<void>((resolve) => server?.close(() => resolve()));
        server.closeIdleConnections();
        await closed;
      }
      // Web processes finish the requests they hold, write their counters and exit.
      await Promise.all(
        Object.values(cluster.workers ?? {}).map(
          (child) =>
            new Promise<void>((resolve) => {
              if (!child || child.isDead()) return resolve();
              child.once("exit", () => resolve());
              child.send("shutdown");
            }),
        ),
      );
      await flushJobViews();
      await worker?.stop();
      await closeDb();
      await database.embedded?.stop();
      log("stopped cleanly");
      process.exit(exitCode);
    } catch (error) {
      logger.error({ err: error }, "shutdown failed");
      process.exit(1);
    }
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  try {
    await migrateToLatest(getDb(), log);
    const seeded =
      env.NODE_ENV !== "production" && process.env.SEED !== "off"
        ? await seedDemo(getDb(), { log })
        : false;

    let port: number;
    const processes = dev ? 1 : env.WEB_CONCURRENCY;
    if (processes > 1) {
      port = await forkWebProcesses(processes, serverBuild as string, () => shuttingDown);
    } else {
      server = await listen(dev ? undefined : (serverBuild as string));
      const address = server.address();
      port = typeof address === "object" && address ? address.port : env.PORT;
    }

    if (env.WORKER === "on") {
      const { startWorker } = await import("../server/worker");
      worker = await startWorker(database.url);
    }

    console.log(
      [
        "",
        `  MedCode Jobs is running at http://localhost:${port}${dev ? " (dev, hot reload)" : ""}`,
        `  database: ${database.embedded ? "embedded Postgres in .data/postgres" : "DATABASE_URL"}${seeded ? " (demo data seeded)" : ""}`,
        `  web processes: ${processes} (WEB_CONCURRENCY), worker: ${env.WORKER}`,
        env.RESEND_API_KEY
          ? ""
          : `  emails are not sent: read them at http://localhost:${port}/dev/emails`,
        env.STRIPE_SECRET_KEY
          ? ""
          : `  payments are in TEST MODE: checkout opens http://localhost:${port}/dev/checkout/…`,
        "",
        env.NODE_ENV !== "production"
          ? `  Demo logins (password "${DEMO_PASSWORD}"): coder@example.com, employer@example.com, admin@example.com`
          : "",
        "  Press Ctrl-C to stop.",
        "",
      ]
        .filter((line, index, all) => line !== "" || all[index - 1] !== "")
        .join("\n"),
    );
  } catch (error) {
    logger.error({ err: error }, "start failed");
    await shutdown("start failed", 1);
  }
}

/** The web app on PORT: Vite middleware in dev, else the built bundle. */
async function listen(serverBuild: string | undefined): Promise<Server> {
  const env = initEnv();
  const { createApp } = await import("../server/app");
  let app: ReturnType<typeof createApp>;
  if (!serverBuild) {
    const vite = await import("vite").then((v) =>
      v.createServer({ server: { middlewareMode: true } }),
    );
    app = createApp({ vite });
  } else {
    const build = await import(pathToFileURL(serverBuild).href);
    app = createApp({ build });
  }
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(env.PORT, env.HOST, () => resolve(listening));
    listening.on("error", reject);
  });
  server.keepAliveTimeout = 5_000;
  return server;
}

/**
 * Forks `count` web processes sharing one listening socket (node:cluster hands connections out
 * in turn) and resolves with the port once all listen. Each is stateless: sessions, rate limits
 * and the page cache's invalidation live in Postgres. One that dies is replaced.
 */
function forkWebProcesses(
  count: number,
  serverBuild: string,
  stopping: () => boolean,
): Promise<number> {
  const fork = () => cluster.fork({ MEDCODE_WEB_PROCESS: "1", MEDCODE_SERVER_BUILD: serverBuild });
  return new Promise((resolve, reject) => {
    let listening = 0;
    cluster.on("listening", (_child, address) => {
      listening++;
      if (listening === count) resolve(address.port);
    });
    cluster.on("exit", (child, code) => {
      if (stopping()) return;
      if (listening < count) return reject(new Error(`a web process exited (${code}) on start`));
      logger.error({ pid: child.process.pid, code }, "web process exited; starting another");
      fork();
    });
    for (let i = 0; i < count; i++) fork();
  });
}

/** A web process of the cluster: serves until the primary says stop (or a signal). */
async function webProcess() {
  initEnv();
  const server = await listen(process.env.MEDCODE_SERVER_BUILD);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await closed;
    await flushJobViews();
    await closeDb();
    process.exit(0);
  };
  process.on("message", (message) => {
    if (message === "shutdown") void stop();
  });
  // Ctrl-C reaches every process of the group: the primary decides, the web processes wait
  // for its word (and go when it does), so no request in flight is cut short.
  process.on("SIGINT", () => {});
  process.on("SIGTERM", () => {});
  process.on("disconnect", () => void stop());
}

if (cluster.isPrimary) void main();
else void webProcess();
