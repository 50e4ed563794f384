// npm run bench:web: Lighthouse (mobile preset, simulated throttling) on what a visitor of a
// fresh `npm start` meets: the home page, /jobs, a job page and a code page. Prints the four
// category scores per page. Debian's Chromium runs it; nothing is downloaded.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import getPort from "get-port";
import lighthouse from "lighthouse";
import { CHROMIUM_ARGS, findChromium, INSTALL_HINT } from "../tests/e2e/chromium";
import { ensureBuild } from "./lib/build";
import { spawnSite } from "./lib/spawn-site";

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const AIM = 95;

async function main() {
  const chromium = findChromium();
  if (!chromium) throw new Error(`Chromium not found. Install it with: ${INSTALL_HINT}`);
  ensureBuild(console.log);
  const dataDir = mkdtempSync(path.join(tmpdir(), "medcode-lighthouse-"));
  chmodSync(dataDir, 0o755);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    EMBEDDED_PG_DIR: path.join(dataDir, "postgres"),
    UPLOADS_DIR: path.join(dataDir, "uploads"),
    PORT: String(await getPort()),
    LOG_LEVEL: "warn",
    WORKER: "off",
    // What `npm start` runs: the site's local settings, React's production build.
    NODE_ENV: "development",
  };
  delete env.DATABASE_URL;
  const site = await spawnSite(env);
  const chrome = await chromeLauncher.launch({
    chromePath: chromium,
    chromeFlags: CHROMIUM_ARGS.filter((flag) => flag !== "--headless=new").concat("--headless"),
  });
  try {
    const jobsHtml = await (await fetch(`${site.url}/jobs`)).text();
    const job = /href="(\/jobs\/\d+\/[a-z0-9-]+)"/.exec(jobsHtml)?.[1];
    if (!job) throw new Error("no job link on /jobs");
    const pages = [
      { name: "home /", path: "/" },
      { name: "search /jobs", path: "/jobs" },
      { name: "job page", path: job },
      { name: "code page", path: "/codes/99213" },
    ];
    const rows: { name: string; scores: number[] }[] = [];
    for (const page of pages) {
      const result = await lighthouse(`${site.url}${page.path}`, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: [...CATEGORIES],
      });
      const categories = result?.lhr.categories ?? {};
      const scores = CATEGORIES.map((c) => Math.round((categories[c]?.score ?? 0) * 100));
      rows.push({ name: `${page.name} (${page.path})`, scores });
      const failing = Object.values(result?.lhr.audits ?? {})
        .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode === "binary")
        .map((a) => a.id);
      if (failing.length) console.log(`  ${page.name}: audits below par: ${failing.join(", ")}`);
      const perf = result?.lhr.audits;
      if (perf)
        console.log(
          `  ${page.name}: FCP ${perf["first-contentful-paint"]?.displayValue}, LCP ${perf["largest-contentful-paint"]?.displayValue}, TBT ${perf["total-blocking-time"]?.displayValue}, CLS ${perf["cumulative-layout-shift"]?.displayValue}`,
        );
    }
    const width = Math.max(...rows.map((r) => r.name.length)) + 2;
    const header = `${"page".padEnd(width)}${CATEGORIES.map((c) => c.padStart(16)).join("")}`;
    console.log(`\nLighthouse ${"12"} mobile, aim ≥ ${AIM} in every category\n${header}`);
    console.log("-".repeat(header.length));
    for (const row of rows) {
      console.log(
        `${row.name.padEnd(width)}${row.scores
          .map((s) => `${s}${s < AIM ? " (low)" : ""}`.padStart(16))
          .join("")}`,
      );
    }
  } finally {
    await chrome.kill();
    await site.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
