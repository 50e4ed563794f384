import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** Everything that goes into the bundle: a change to any of it means a new build. */
const SOURCE_DIRS = ["app", "emails", "public", "server"];
const SOURCE_FILES = ["vite.config.ts", "tsconfig.json", "package-lock.json"];

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target)) {
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

/**
 * React's production build carries "Minified React error" messages; its development build
 * does not. A client build without them would ship react-dom.development to every visitor.
 */
export function isProductionClientBuild(clientDir: string): boolean {
  const assets = path.join(clientDir, "assets");
  if (!existsSync(assets)) return false;
  return readdirSync(assets)
    .filter((name) => name.endsWith(".js"))
    .some((name) => readFileSync(path.join(assets, name), "utf8").includes("Minified React error"));
}

/** Why the build in `root/build` cannot be served as it is, or null when it can. */
export function staleBuildReason(root = "."): string | null {
  const serverBuild = path.join(root, "build/server/index.js");
  if (!existsSync(serverBuild)) return "no build yet";
  const sources = Math.max(
    ...SOURCE_DIRS.map((dir) => newestMtime(path.join(root, dir))),
    ...SOURCE_FILES.map((file) => newestMtime(path.join(root, file))),
  );
  if (statSync(serverBuild).mtimeMs < sources) return "sources changed";
  if (!isProductionClientBuild(path.join(root, "build/client")))
    return "the build was made in development mode";
  return null;
}

/**
 * Builds the site for production when there is no build, a source is newer, or the build
 * is a development one; returns the server bundle's path. The build always runs with
 * NODE_ENV=production, whatever the running process uses for its own settings.
 */
export function ensureBuild(log: (line: string) => void = () => {}) {
  const serverBuild = path.resolve("build/server/index.js");
  const reason = staleBuildReason();
  if (!reason) return serverBuild;
  log(`building the site (${reason})...`);
  try {
    // Vite's output (and the warnings of its dependencies) matter only when the build fails.
    execFileSync(
      process.execPath,
      [path.resolve("node_modules/@remix-run/dev/dist/cli.js"), "vite:build"],
      {
        stdio: ["ignore", "pipe", "pipe"],
        maxBuffer: 64 * 1024 * 1024,
        // Without Vitest's variables: under them vite.config.ts leaves the Remix plugin out.
        env: {
          ...Object.fromEntries(
            Object.entries(process.env).filter(([key]) => !key.startsWith("VITEST")),
          ),
          NODE_ENV: "production",
        },
      },
    );
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    process.stderr.write(`${stdout ?? ""}${stderr ?? ""}`);
    throw new Error("the build failed (output above)");
  }
  return serverBuild;
}
