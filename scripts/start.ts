// `npm start` (production build) and `npm run dev` (Vite, hot reload): one process with the
// database it needs, migrations, the demo seed on first run, web and worker.

import type { Server } from "node:http";
import { pathToFileURL } from "node:url";
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

    const { createApp } = await import("../server/app");
    let app: ReturnType<typeof createApp>;
    if (dev) {
      const vite = await import("vite").then((v) =>
        v.createServer({ server: { middlewareMode: true } }),
      );
      app = createApp({ vite });
    } else {
      const build = await import(pathToFileURL(serverBuild as string).href);
      app = createApp({ build });
    }
    server = await new Promise<Server>((resolve, reject) => {
      const listening = app.listen(env.PORT, env.HOST, () => resolve(listening));
      listening.on("error", reject);
    });
    server.keepAliveTimeout = 5_000;

    if (env.WORKER === "on") {
      const { startWorker } = await import("../server/worker");
      worker = await startWorker(database.url);
    }

    const address = server.address();
    const port = typeof address === "object" && address ? address.port : env.PORT;
    console.log(
      [
        "",
        `  MedCode Jobs is running at http://localhost:${port}${dev ? " (dev, hot reload)" : ""}`,
        `  database: ${database.embedded ? "embedded Postgres in .data/postgres" : "DATABASE_URL"}${seeded ? " (demo data seeded)" : ""}`,
        `  worker: ${env.WORKER}`,
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

void main();
