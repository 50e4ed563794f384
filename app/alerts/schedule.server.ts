// When digests go out: daily at 7:00 and weekly on Monday at 7:00 in the subscriber's zone.
import { type Expression, sql } from "kysely";

export const DIGEST_HOUR = 7;

/**
 * The digest period an instant falls in, as a local date: the day (daily) or the Monday of
 * the week (weekly) whose 7:00 has passed. An alert is due when its last period is older.
 */
export function digestPeriod(
  frequency: Expression<string>,
  timeZone: Expression<string>,
  now: Expression<Date>,
) {
  const local = sql`((${now})::timestamptz at time zone ${timeZone}) - make_interval(hours => ${DIGEST_HOUR})`;
  return sql<string>`(case ${frequency} when 'weekly' then date_trunc('week', ${local}) else ${local} end)::date`;
}
