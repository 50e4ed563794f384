// Postgres stopped under load, then started again: what the site answered meanwhile, how long
// it took to come back, and whether every application it confirmed was kept. Shared by the
// integration test (a short outage) and `npm run bench:load` (30 s).
import type { EmbeddedDb } from "./embedded-postgres";
import { type Answer, isSuccess, type LoadTarget, runLoad } from "./load-mix";

export type DrillReport = {
  answers: Answer[];
  dropped: number;
  pausedAt: number;
  resumedAt: number;
  /** /readyz answers while the database was away. */
  readyDuringOutage: number[];
  /** Milliseconds from the database's return to /readyz answering 200 again. */
  readyAfterMs: number | null;
  /** Milliseconds from the database's return to a success of every kind of request. */
  recoveredAfterMs: number | null;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function readyz(base: string) {
  try {
    return (await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(5_000) })).status;
  } catch {
    return 0;
  }
}

export async function outageDrill(options: {
  target: LoadTarget;
  database: Pick<EmbeddedDb, "pause" | "resume">;
  rate: number;
  beforeSeconds: number;
  downSeconds: number;
  afterSeconds: number;
}): Promise<DrillReport> {
  const { target, database } = options;
  const total = options.beforeSeconds + options.downSeconds + options.afterSeconds;
  const load = runLoad(target, { rate: options.rate, seconds: total, timeoutMs: 15_000 });
  await sleep(options.beforeSeconds * 1000);

  const pausedAt = Date.now();
  await database.pause();
  const readyDuringOutage: number[] = [];
  while (Date.now() - pausedAt < options.downSeconds * 1000) {
    readyDuringOutage.push(await readyz(target.base));
    await sleep(250);
  }
  await database.resume();
  const resumedAt = Date.now();

  let readyAfterMs: number | null = null;
  while (readyAfterMs === null && Date.now() - resumedAt < options.afterSeconds * 1000) {
    if ((await readyz(target.base)) === 200) readyAfterMs = Date.now() - resumedAt;
    else await sleep(100);
  }
  const { answers, dropped } = await load;
  const firstSuccess = (kind: Answer["kind"]) =>
    answers
      .filter((a) => a.kind === kind && a.at >= resumedAt && isSuccess(a))
      .map((a) => a.at + a.ms - resumedAt)
      .sort((a, b) => a - b)[0];
  const kinds = [...new Set(answers.filter((a) => a.at >= resumedAt).map((a) => a.kind))];
  const recoveries = kinds.map(firstSuccess);
  return {
    answers,
    dropped,
    pausedAt,
    resumedAt,
    readyDuringOutage,
    readyAfterMs,
    recoveredAfterMs: recoveries.some((r) => r === undefined) ? null : Math.max(...recoveries),
  };
}

/** The answers that arrived while the database was away (started after it stopped). */
export function duringOutage(report: DrillReport) {
  return report.answers.filter((a) => a.at >= report.pausedAt + 500 && a.at < report.resumedAt);
}
