import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the site when there is no build or a source is newer; returns the server bundle path. */
export function ensureBuild(log: (line: string) => void = () => {}) {
  const serverBuild = path.resolve("build/server/index.js");
  const sources = Math.max(
    ...["app", "emails", "public"].map(newestMtime),
    statSync("vite.config.ts").mtimeMs,
    statSync("package-lock.json").mtimeMs,
  );
  if (existsSync(serverBuild) && statSync(serverBuild).mtimeMs >= sources) return serverBuild;
  log("building the site (first start, or sources changed)...");
  try {
    // Vite's output (and the warnings of its dependencies) matter only when the build fails.
    execFileSync(
      process.execPath,
      [path.resolve("node_modules/@remix-run/dev/dist/cli.js"), "vite:build"],
      {
        stdio: ["ignore", "pipe", "pipe"],
        maxBuffer: 64 * 1024 * 1024,
      },
    );
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    process.stderr.write(`${stdout ?? ""}${stderr ?? ""}`);
    throw new Error("the build failed (output above)");
  }
  return serverBuild;
}
