import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { DB } from "#db/types";
import { getEnv } from "./env.server";
import { dropSingleton, singleton } from "./singleton.server";

export type Database = Kysely<DB>;

// int8 (counts) and numeric come back as strings by default; our counts fit a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number.parseFloat(value));

export function createDb(connectionString: string, max = 10): Database {
  const pool = new pg.Pool({ connectionString, max, idleTimeoutMillis: 30_000 });
  // An idle client losing its connection (database restart, failover) must not crash the
  // process; the pool replaces it and the next query reports any real outage.
  pool.on("error", (error) => console.error("database pool: idle client error:", error.message));
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
