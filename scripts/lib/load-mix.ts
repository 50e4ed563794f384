// The traffic of a working day, for `npm run bench:load` and the outage test: searches 60%,
// job pages 30%, applications 5%, logins 5%, sent at a steady rate (open loop: a slow answer
// does not slow the arrivals), every answer kept for the report.
import { readFileSync } from "node:fs";
import { sql } from "kysely";
import pg from "pg";
import { hashPassword } from "../../app/auth/password.server";
import { createDb } from "../../app/utils/db.server";
import { tinyPdf } from "../../tests/factories/files";

export type Kind = "search" | "job" | "apply" | "login";
export type Answer = {
  kind: Kind;
  at: number;
  ms: number;
  status: number;
  /** What the answer said, for 503s: the shared page must say the database is away. */
  says503: boolean;
  /** An application the site confirmed (its id from the redirect). */
  applicationId?: number;
  /** Why no answer came (status 0): the network error, e.g. ECONNREFUSED. */
  error?: string;
};

export const MIX: [Kind, number][] = [
  ["search", 0.6],
  ["job", 0.3],
  ["apply", 0.05],
  ["login", 0.05],
];

const SEARCHES = [
  "/jobs",
  "/jobs?q=cardiology",
  "/jobs?q=risk+adjustment&setting=remote",
  "/jobs?location=43215&radius=50",
  "/jobs?sort=salary&salary_min=60000",
  "/jobs?specialty=inpatient-facility&page=2",
];
const PASSWORD = "load-test-passphrase-2026";

type Coder = { email: string; cookie: string };

export type LoadTarget = {
  base: string;
  jobs: { id: number; slug: string }[];
  coders: Coder[];
  /** Coder and job pairs not yet used: one application each. */
  pairs: [number, number][];
};

/**
 * Accounts and job ids for the load, made in the site's own database: `coders` candidates
 * who log in over HTTP (their cookies apply), and the open jobs that take applications here.
 */
export async function prepareLoad(options: {
  base: string;
  databaseUrl: string;
  coders: number;
}): Promise<LoadTarget> {
  const db = createDb(options.databaseUrl, 2);
  try {
    const passwordHash = await hashPassword(PASSWORD);
    const stamp = Date.now().toString(36);
    const emails = Array.from(
      { length: options.coders },
      (_, i) => `load-${stamp}-${i}@example.com`,
    );
    const users = await db
      .insertInto("users")
      .values(
        emails.map((email) => ({
          email,
          name: "Load Coder",
          role: "candidate",
          password_hash: passwordHash,
          email_verified_at: new Date(),
        })),
      )
      .returning("id")
      .execute();
    await db
      .insertInto("candidate_profiles")
      .values(users.map((u) => ({ user_id: u.id })))
      .execute();
    const jobs = await db
      .selectFrom("jobs")
      .select(["id", "slug"])
      .where("status", "=", "published")
      .where("apply_method", "=", "site")
      .where("valid_through", ">", sql<Date>`now()`)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom("job_questions")
              .select("id")
              .whereRef("job_questions.job_id", "=", "jobs.id"),
          ),
        ),
      )
      .orderBy("id")
      .execute();
    const coders: Coder[] = [];
    for (const email of emails) {
      const answer = await fetch(`${options.base}/login`, {
        method: "POST",
        redirect: "manual",
        body: new URLSearchParams({ email, password: PASSWORD }),
        headers: { origin: options.base },
      });
      const cookie = answer.headers.getSetCookie().find((c) => /session=/.test(c));
      if (!cookie) throw new Error(`load: could not log in ${email} (${answer.status})`);
      coders.push({ email, cookie: cookie.split(";")[0] });
    }
    const pairs: [number, number][] = [];
    for (let c = 0; c < coders.length; c++)
      for (let j = 0; j < jobs.length; j++) pairs.push([c, j]);
    shuffle(pairs);
    return { base: options.base, jobs, coders, pairs };
  } finally {
    await db.destroy();
  }
}

function shuffle<T>(items: T[]) {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
}

function pick<T>(items: T[]): T {
  return items[Math.floor(Math.random() * items.length)];
}

/**
 * The mix's kinds in an even, repeating order (smooth weighted round robin): every 20 requests
 * hold 12 searches, 6 job pages, 1 application and 1 login, spread out. Drawn at random, a
 * short run (the outage test's 12 s) sometimes sent no application outside the outage.
 */
function kindChooser(): () => Kind {
  const credit = MIX.map(() => 0);
  return () => {
    let best = 0;
    for (const [i, [, share]] of MIX.entries()) {
      credit[i] += share;
      if (credit[i] > credit[best]) best = i;
    }
    credit[best] -= 1;
    return MIX[best][0];
  };
}

const resume = tinyPdf("Load test resume");

async function one(target: LoadTarget, kind: Kind, timeoutMs: number): Promise<Answer> {
  const at = Date.now();
  const signal = AbortSignal.timeout(timeoutMs);
  let request: Request;
  if (kind === "search") {
    request = new Request(`${target.base}${pick(SEARCHES)}`, { signal });
  } else if (kind === "job") {
    const job = pick(target.jobs);
    request = new Request(`${target.base}/jobs/${job.id}/${job.slug}`, { signal });
  } else if (kind === "login") {
    request = new Request(`${target.base}/login`, {
      method: "POST",
      body: new URLSearchParams({ email: pick(target.coders).email, password: PASSWORD }),
      headers: { origin: target.base },
      signal,
    });
  } else {
    const pair = target.pairs.pop();
    if (!pair) return one(target, "job", timeoutMs);
    const [coder, job] = [target.coders[pair[0]], target.jobs[pair[1]]];
    const form = new FormData();
    form.append("resumeFile", "new");
    form.append("coverLetter", "I code inpatient charts every day.");
    form.append(
      "resume",
      new File([new Uint8Array(resume)], "resume.pdf", { type: "application/pdf" }),
    );
    request = new Request(`${target.base}/jobs/${job.id}/apply`, {
      method: "POST",
      body: form,
      headers: { origin: target.base, cookie: coder.cookie },
      signal,
    });
  }
  try {
    const response = await fetch(request, { redirect: "manual" });
    const body = await response.text();
    const location = response.headers.get("location") ?? "";
    const applied = /^\/me\/applications#application-(\d+)$/.exec(location);
    return {
      kind,
      at,
      ms: Date.now() - at,
      status: response.status,
      says503: response.status === 503 && body.includes("cannot reach its database"),
      applicationId: kind === "apply" && applied ? Number(applied[1]) : undefined,
    };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (error as Error).message;
    return { kind, at, ms: Date.now() - at, status: 0, says503: false, error: why };
  }
}

/** The answer a kind should get when all is well. */
export function isSuccess(answer: Answer) {
  if (answer.kind === "apply") return answer.applicationId !== undefined;
  if (answer.kind === "login") return answer.status === 302;
  return answer.status === 200;
}

/**
 * Sends the mix at `rate` requests a second for `seconds`, never more than `maxInFlight` at
 * once (past that an arrival is counted as dropped, which the report shows as an error).
 */
export async function runLoad(
  target: LoadTarget,
  options: { rate: number; seconds: number; timeoutMs?: number; maxInFlight?: number },
): Promise<{ answers: Answer[]; dropped: number }> {
  const answers: Answer[] = [];
  const pending = new Set<Promise<void>>();
  const interval = 1000 / options.rate;
  const started = Date.now();
  let dropped = 0;
  const chooseKind = kindChooser();
  for (let n = 0; Date.now() - started < options.seconds * 1000; n++) {
    const due = started + n * interval;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (pending.size >= (options.maxInFlight ?? 256)) {
      dropped += 1;
      continue;
    }
    const task = one(target, chooseKind(), options.timeoutMs ?? 10_000).then((answer) => {
      answers.push(answer);
    });
    pending.add(task);
    void task.finally(() => pending.delete(task));
  }
  await Promise.all(pending);
  return { answers, dropped };
}

export function percentile(values: number[], p: number) {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Resident memory of a process in MiB (Linux /proc), or null. */
function ownRssKb(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Number(kb) : 0;
  } catch {
    return 0;
  }
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/** The resident memory of a process and every process under it (web processes of a cluster). */
export function rssMiB(pid: number): number | null {
  const kb = [pid, ...childrenOf(pid).flatMap((c) => [c, ...childrenOf(c)])].reduce(
    (sum, p) => sum + ownRssKb(p),
    0,
  );
  return kb ? Math.round(kb / 1024) : null;
}

/** Application ids the site confirmed that are not in its database. */
export async function missingApplications(databaseUrl: string, ids: number[]) {
  if (ids.length === 0) return [];
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: number }>(
      "select id from applications where id = any($1::int[])",
      [ids],
    );
    const found = new Set(rows.map((r) => r.id));
    return ids.filter((id) => !found.has(id));
  } finally {
    await client.end();
  }
}
