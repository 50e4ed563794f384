// Global setup for the end-to-end tier: the production build served by `scripts/start.ts`
// on a fresh embedded Postgres with the demo seed, exactly as `npm start` runs it.
import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import getPort from "get-port";
import type { TestProject } from "vitest/node";
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
  delete env.VITEST;
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /running at (http:\/\/localhost:\d+)/.exec(output);
      if (match) {
        clearInterval(timer);
        resolve(match[1]);
      }
    }, 100);
    child.once("exit", (code) => {
      clearInterval(timer);
      reject(new Error(`the site did not start (exit ${code}):\n${output}`));
    });
  });
  project.provide("baseUrl", baseUrl);
  project.provide("chromiumPath", chromium);

  return async () => {
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
    rmSync(dataDir, { recursive: true, force: true });
  };
}
