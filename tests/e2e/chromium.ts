import { existsSync } from "node:fs";

const CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];

/** Debian's Chromium (never a downloaded browser), or null when it is not installed. */
export function findChromium(): string | null {
  return (
    CANDIDATES.find((candidate): candidate is string =>
      Boolean(candidate && existsSync(candidate)),
    ) ?? null
  );
}

export const INSTALL_HINT = "sudo apt-get update && sudo apt-get install -y chromium";

// Flags for a closed network and a root user: no background traffic, no sandbox (root).
export const CHROMIUM_ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];
