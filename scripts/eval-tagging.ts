// npm run eval:tagging: scores the tagger against the labeled postings in
// tests/fixtures/tagging-set.ts (reference data only; DATABASE_URL or the embedded Postgres).
import { createDb } from "../app/utils/db.server";
import { migrateToLatest } from "../db/migrate";
import { seedReference } from "../db/seed/reference";
import { resolveDatabase } from "./lib/database";
import { evaluateTagging, formatScore } from "./lib/tagging-eval";

const database = await resolveDatabase(() => {});
const db = createDb(database.url, 2);
try {
  await migrateToLatest(db, () => {});
  await seedReference(db);
  console.log(formatScore(await evaluateTagging(db), { worst: 25 }));
} finally {
  await db.destroy();
  await database.embedded?.stop();
}
