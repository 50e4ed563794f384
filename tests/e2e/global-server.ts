// Global setup for the end-to-end tier: the production build served by `scripts/start.ts`
// on a fresh embedded Postgres with the demo seed, exactly as `npm start` runs it.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import getPort from "get-port";
import type { TestProject } from "vitest/node";
import { spawnSite } from "../../scripts/lib/spawn-site";
import { findChromium, INSTALL_HINT } from "./chromium";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string | null;
    chromiumPath: string | null;
  }
}

export default async function setup(project: TestProject) {
  const chromium = findChromium();
  if (!chromium) {
    const message = `Chromium not found. Install it with: ${INSTALL_HINT}`;
    if (process.env.CI === "true") throw new Error(`end-to-end tier: ${message}`);
    console.warn(`\n  END-TO-END TESTS SKIPPED: ${message}\n`);
    project.provide("baseUrl", null);
    project.provide("chromiumPath", null);
    return;
  }

  const dataDir = mkdtempSync(path.join(tmpdir(), "medcode-e2e-"));
  chmodSync(dataDir, 0o755);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    EMBEDDED_PG_DIR: path.join(dataDir, "postgres"),
    // A fixed free port, so APP_URL (and the links in captured emails) point at this server.
    PORT: String(await getPort()),
    NODE_ENV: "development",
    LOG_LEVEL: "warn",
    UPLOADS_DIR: path.join(dataDir, "uploads"),
  };
  delete env.DATABASE_URL;
  const site = await spawnSite(env);
  project.provide("baseUrl", site.url);
  project.provide("chromiumPath", chromium);

  return async () => {
    await site.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
