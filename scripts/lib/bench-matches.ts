// The coder-match query ("Jobs that fit you", app/jobs/matches.server.ts) timed at one
// connection for many different coders, each asked once: fresh inputs, not one repeated.
import { sql } from "kysely";
import { listJobMatches } from "../../app/jobs/matches.server";
import type { Database } from "../../app/utils/db.server";

const CREDENTIAL_SETS = [["CPC"], ["CCS"], ["CPC", "CRC"], ["CCS", "CDIP"], ["COC", "CPC"], []];
const SPECIALTY_SETS = [
  ["evaluation-management"],
  ["inpatient-facility"],
  ["risk-adjustment-hcc", "evaluation-management"],
  ["cardiology", "interventional-radiology"],
  ["emergency-department"],
  [],
];
const FAMILY_SETS = [
  ["cpt-em"],
  ["cpt-surg-cv", "cpt-surg-heart"],
  [],
  ["cpt-rad", "cpt-em-office"],
];

/** Bench coders (kept between runs): bench-coder-N@example.com with varied profiles. */
async function benchCoders(db: Database, count: number) {
  const families = new Set(
    (await db.selectFrom("code_ranges").select("ref").execute()).map((r) => r.ref),
  );
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const email = `bench-coder-${i}@example.com`;
    let user = await db
      .selectFrom("users")
      .select("id")
      .where("email", "=", email)
      .executeTakeFirst();
    if (!user) {
      user = await db
        .insertInto("users")
        .values({
          email,
          role: "candidate",
          name: `Bench Coder ${i}`,
          email_verified_at: new Date(),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await db
        .insertInto("candidate_profiles")
        .values({
          user_id: user.id,
          specialty_slugs: SPECIALTY_SETS[i % SPECIALTY_SETS.length],
          code_families: FAMILY_SETS[i % FAMILY_SETS.length].filter((f) => families.has(f)),
          setting_preference: ["remote", "any", "onsite", null][i % 4],
        })
        .execute();
      const codes = CREDENTIAL_SETS[Math.floor(i / 2) % CREDENTIAL_SETS.length];
      if (codes.length)
        await sql`insert into candidate_credentials (user_id, credential_id)
          select ${user.id}, id from credentials where code = any(${codes})`.execute(db);
    }
    ids.push(user.id);
  }
  return ids;
}

export async function benchMatches(db: Database, log: (line: string) => void, count = 40) {
  const coders = await benchCoders(db, count);
  const times: number[] = [];
  let shown = 0;
  for (const id of coders) {
    const start = performance.now();
    const rows = await listJobMatches(id, { limit: 20, db });
    times.push(performance.now() - start);
    shown += rows.length;
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))];
  log(
    `\ncoder matches (/me "Jobs that fit you", 20 a page): ${count} different coders once each, one connection: p50 ${at(50).toFixed(1)} ms, p95 ${at(95).toFixed(1)} ms, max ${at(100).toFixed(1)} ms; ${(shown / count).toFixed(1)} jobs a coder`,
  );
}
