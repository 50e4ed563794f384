import { promises as fs } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { FileMigrationProvider, type Kysely, type MigrationResultSet, Migrator } from "kysely";

const migrationFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

export function createMigrator(db: Kysely<any>) {
  return new Migrator({
    db,
    provider: new FileMigrationProvider({ fs, path, migrationFolder }),
  });
}

function check({ error, results }: MigrationResultSet, log: (line: string) => void) {
  for (const result of results ?? []) {
    log(
      `migration ${result.direction.toLowerCase()} ${result.status.toLowerCase()}: ${result.migrationName}`,
    );
  }
  if (error) throw error instanceof Error ? error : new Error(String(error));
}

export async function migrateToLatest(db: Kysely<any>, log: (line: string) => void = () => {}) {
  check(await createMigrator(db).migrateToLatest(), log);
}

export async function migrateDown(db: Kysely<any>, log: (line: string) => void = () => {}) {
  check(await createMigrator(db).migrateDown(), log);
}
