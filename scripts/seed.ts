// npm run db:seed: reference data and (once) the demo market, on DATABASE_URL or the embedded Postgres.
import { createDb } from "../app/utils/db.server";
import { migrateToLatest } from "../db/migrate";
import { seedDemo } from "../db/seed/seed";
import { resolveDatabase } from "./lib/database";

const log = (line: string) => console.log(line);
const database = await resolveDatabase(log);
const db = createDb(database.url, 2);
try {
  await migrateToLatest(db, log);
  const seeded = await seedDemo(db, { log });
  log(seeded ? "seed: done" : "seed: already seeded, nothing to do");
} finally {
  await db.destroy();
  await database.embedded?.stop();
}
