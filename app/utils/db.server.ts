import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { DB } from "#db/types";
import { getEnv } from "./env.server";
import { dropSingleton, singleton } from "./singleton.server";

export type Database = Kysely<DB>;

// int8 (counts) and numeric come back as strings by default; our counts fit a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number.parseFloat(value));

// Postgres SQLSTATE classes and codes that mean "the server is not there", not "the query is wrong".
const UNAVAILABLE_CODES = new Set([
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up or shutting down)
  "53300", // too_many_connections
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting up|shutting down)/;

/** True for an error that says the database cannot be reached, as opposed to a bad query. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && (UNAVAILABLE_CODES.has(code) || code.startsWith("08"))) {
    return true;
  }
  if (error instanceof AggregateError && error.errors.some(isDatabaseUnavailable)) return true;
  return UNAVAILABLE_MESSAGES.test(error.message);
}

export function createDb(connectionString: string, max = 10): Database {
  const pool = new pg.Pool({
    connectionString,
    max,
    idleTimeoutMillis: 30_000,
    // A database that accepts no connection (stopped, failing over, saturated) answers within
    // seconds instead of holding the request: the page says 503 and the visitor can retry.
    connectionTimeoutMillis: 5_000,
    // No JIT: our queries are short, and a plan costed past jit_above_cost (a search that
    // turns sequential scans off, see search.server.ts, is costed at 10^10) spent 200-250 ms
    // compiling before a 30 ms query.
    options: "-c jit=off",
  });
  // An idle client losing its connection (database restart, failover) must not crash the
  // process; the pool replaces it and the next query reports any real outage.
  pool.on("error", (error) => console.error("database pool: idle client error:", error.message));
  // A checked-out client has no listener of the pool's (Kysely holds one through a whole
  // transaction, and between acquiring it and sending the query): a database shutting down
  // then emits "terminating connection" on it, and an 'error' event nobody hears ends the
  // process. Heard here, the client's next query fails and reports the outage as a 503.
  pool.on("connect", (client) => {
    client.on("error", () => {});
  });
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}

/** The process-wide database handle (one pool shared by web, worker and the Remix bundle). */
export function getDb(): Database {
  return singleton("db", () => {
    const env = getEnv();
    const url = process.env.DATABASE_URL ?? env.DATABASE_URL;
    if (!url)
      throw new Error("DATABASE_URL is not set (npm start sets it for the embedded Postgres)");
    return createDb(url, env.DATABASE_POOL_MAX);
  });
}

export async function closeDb() {
  const store = globalThis as unknown as { __medcode?: Record<string, unknown> };
  const db = store.__medcode?.db as Database | undefined;
  dropSingleton("db");
  await db?.destroy();
}
