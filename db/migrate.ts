import { type Kysely, type MigrationResultSet, Migrator, NO_MIGRATIONS } from "kysely";
import { migrations } from "./migrations/index";

export function createMigrator(db: Kysely<any>) {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
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

/** Rolls every migration back (tests of the down migrations). */
export async function migrateAllDown(db: Kysely<any>, log: (line: string) => void = () => {}) {
  check(await createMigrator(db).migrateTo(NO_MIGRATIONS), log);
}
