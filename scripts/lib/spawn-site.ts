import { type ChildProcess, spawn } from "node:child_process";

export type RunningSite = {
  url: string;
  child: ChildProcess;
  /** Everything the process printed so far. */
  output: () => string;
  /** Sends a signal and resolves with the exit code and how long the stop took. */
  stop: (signal?: NodeJS.Signals) => Promise<{ code: number | null; ms: number }>;
};

/**
 * Runs `scripts/start.ts` as its own process (as `npm start` does) and resolves once it
 * prints its address. Used by the end-to-end tier, the start-up tests and the benchmark.
 */
export function spawnSite(env: NodeJS.ProcessEnv): Promise<RunningSite> {
  const childEnv = { ...env };
  delete childEnv.VITEST;
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: childEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const stop = (signal: NodeJS.Signals = "SIGTERM") => {
    const started = Date.now();
    return new Promise<{ code: number | null; ms: number }>((resolve) => {
      if (child.exitCode !== null) return resolve({ code: child.exitCode, ms: 0 });
      child.once("exit", (code) => resolve({ code, ms: Date.now() - started }));
      child.kill(signal);
    });
  };
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /running at (http:\/\/localhost:\d+)/.exec(output);
      if (match) {
        clearInterval(timer);
        resolve({ url: match[1], child, output: () => output, stop });
      }
    }, 100);
    child.once("exit", (code) => {
      clearInterval(timer);
      reject(new Error(`the site did not start (exit ${code}):\n${output}`));
    });
  });
}
