// npm run db:migrate [-- --down]: applies (or rolls back one) migration on DATABASE_URL or the embedded Postgres.
import { createDb } from "../app/utils/db.server";
import { migrateDown, migrateToLatest } from "../db/migrate";
import { resolveDatabase } from "./lib/database";

const log = (line: string) => console.log(line);
const database = await resolveDatabase(log);
const db = createDb(database.url, 2);
try {
  if (process.argv.includes("--down")) await migrateDown(db, log);
  else await migrateToLatest(db, log);
  log("migrations: up to date");
} finally {
  await db.destroy();
  await database.embedded?.stop();
}
