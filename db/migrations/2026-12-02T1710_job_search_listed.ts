import { type Kysely, sql } from "kysely";
import { copiedColumns, recreateSearchSync } from "./lib/job-search-sync";

// Issue 14, a fresh common keyword: job_search now holds only the jobs that can be open, the
// published ones not on hold, so a count tests each of its up to 100k matches for the end of
// its validity alone (isOpenSearchRow), not also for its status and hold: ~3 ms of ~35. A job
// put on hold leaves job_search (the sync trigger fires on every write to jobs) and comes
// back when released.
export async function up(db: Kysely<any>): Promise<void> {
  await recreateSearchSync(db);
  await sql`delete from job_search where status <> 'published' or held_since is not null`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await recreateSearchSync(db, { listed: "new.status = 'published'" });
  const columns = (await copiedColumns(db)).join(", ");
  await sql
    .raw(`insert into job_search (${columns}) select ${columns} from jobs
      where status = 'published' and held_since is not null`)
    .execute(db);
}
