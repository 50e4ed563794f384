// The job_codes index: every code a posting names, with its family, written whenever a job's
// text is tagged. Code and range pages rank jobs by it (docs/decisions/025-code-page-tiers.md).
import type { Kysely } from "kysely";
import type { DB } from "#db/types";
import { familyOf } from "./code-systems";
import { describeCodes } from "./codes.server";
import { findCodes } from "./detect";

/** Rewrites the job_codes rows of the given jobs (all jobs when no ids are given). */
export async function refreshJobCodes(db: Kysely<DB>, jobIds?: number[]): Promise<number> {
  if (jobIds && jobIds.length === 0) return 0;
  let query = db.selectFrom("jobs").select(["id", "title", "description"]);
  if (jobIds) query = query.where("id", "in", jobIds);
  const jobs = await query.execute();
  const found = jobs.map((job) => findCodes(`${job.title}\n${job.description}`));
  const distinct = [...new Map(found.flat().map((c) => [c.canonical, c])).values()];
  const described = new Map((await describeCodes(distinct, db)).map((c) => [c.code, c]));
  const rows = jobs.flatMap((job, i) =>
    found[i].map((code) => ({
      job_id: job.id,
      code: code.canonical,
      system: code.system,
      family: familyOf(code, described.get(code.canonical)?.rangeRef ?? null),
    })),
  );
  let deleteQuery = db.deleteFrom("job_codes");
  if (jobIds) deleteQuery = deleteQuery.where("job_id", "in", jobIds);
  await deleteQuery.execute();
  for (let start = 0; start < rows.length; start += 1000) {
    await db
      .insertInto("job_codes")
      .values(rows.slice(start, start + 1000))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  return rows.length;
}
