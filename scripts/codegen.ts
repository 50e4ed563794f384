// npm run db:codegen: migrates a scratch database and regenerates db/types.ts from it.
import { execFileSync } from "node:child_process";
import { createDb } from "../app/utils/db.server";
import { migrateToLatest } from "../db/migrate";
import { resolveDatabase } from "./lib/database";

const database = await resolveDatabase(console.log);
const db = createDb(database.url, 2);
try {
  await migrateToLatest(db);
  execFileSync(
    "npx",
    [
      "kysely-codegen",
      "--dialect",
      "postgres",
      "--url",
      database.url,
      "--out-file",
      "db/types.ts",
      "--numeric-parser",
      "number",
      "--exclude-pattern",
      "(pgboss.*|public.kysely_*)",
    ],
    { stdio: "inherit" },
  );
} finally {
  await db.destroy();
  await database.embedded?.stop();
}
