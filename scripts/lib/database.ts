import path from "node:path";
import { type EmbeddedDb, startEmbeddedPostgres } from "./embedded-postgres";

/**
 * The database for a local command: DATABASE_URL when set, otherwise the embedded
 * Postgres in .data/postgres (or EMBEDDED_PG_DIR), started here and stopped by the caller.
 */
export async function resolveDatabase(log: (line: string) => void): Promise<{
  url: string;
  embedded?: EmbeddedDb;
}> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL };
  const dir = process.env.EMBEDDED_PG_DIR ?? path.resolve(".data/postgres");
  const started = Date.now();
  const embedded = await startEmbeddedPostgres({ dir, database: "medcode" });
  log(`embedded Postgres ready on port ${embedded.port} (${dir}, ${Date.now() - started} ms)`);
  const url = embedded.url("medcode");
  process.env.DATABASE_URL = url;
  return { url, embedded };
}
