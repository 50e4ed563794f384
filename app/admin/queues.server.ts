// How much is waiting for operators, for the navigation and the overview.
import { sql } from "kysely";
import { getDb } from "~/utils/db.server";

export async function countWaiting() {
  const { rows } = await sql<{
    reviews: number;
    oldest_review: Date | null;
    reported_jobs: number;
    held_jobs: number;
    verifications: number;
    credentials: number;
  }>`
    select
      (select count(*)::int from job_reviews r join jobs j on j.id = r.job_id
        where r.status = 'open' and j.status = 'pending_review') as reviews,
      (select min(r.created_at) from job_reviews r join jobs j on j.id = r.job_id
        where r.status = 'open' and j.status = 'pending_review') as oldest_review,
      (select count(distinct job_id)::int from reports where status = 'open') as reported_jobs,
      (select count(*)::int from jobs where held_since is not null and status = 'published') as held_jobs,
      (select count(*)::int from company_verifications where status = 'awaiting_review') as verifications,
      (select count(*)::int from candidate_credentials
        where verified_at is null and member_number is not null) as credentials
  `.execute(getDb());
  return rows[0];
}
