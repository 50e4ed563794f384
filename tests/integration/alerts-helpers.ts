// Shared by the alert tests: jobs with chosen facts, alerts written by the domain's own insert,
// publication through the real go-live path, and instants at a chosen local time.
import { insertAlert } from "../../app/alerts/alerts.server";
import type { Frequency } from "../../app/alerts/alerts-schemas";
import { checkAlertFilters } from "../../app/alerts/match-columns.server";
import { DIGEST_HOUR } from "../../app/alerts/schedule.server";
import { extendJob } from "../../app/billing/fulfillment.server";
import { refreshSearchVectors } from "../../app/jobs/search-vector.server";
import { getDb } from "../../app/utils/db.server";
import { jobTemplates } from "../../db/seed/content";
import { type BuiltJob, insertBuiltJobs } from "../factories/jobs";

const DAY = 86_400_000;
let counter = 0;

export type JobSpec = Partial<BuiltJob["row"]> & {
  title: string;
  specialties?: string[];
  credentials?: string[];
  firstPublishedAt?: Date | null;
};

export async function createCompany(name = "Acme Health Coding") {
  counter += 1;
  const row = await getDb()
    .insertInto("companies")
    // Verified: moderation holds a new company's first jobs for review (decision 017).
    .values({
      name,
      slug: `company-${process.pid}-${counter}-${Date.now().toString(36)}`,
      verified_at: new Date(),
    })
    .returning(["id", "slug"])
    .executeTakeFirstOrThrow();
  return row;
}

/** Inserts jobs (published and open unless told otherwise) with their search vectors. */
export async function insertJobs(companyId: number, specs: JobSpec[]) {
  const now = Date.now();
  const built = specs.map((spec) => {
    const { specialties = [], credentials = [], firstPublishedAt, ...row } = spec;
    const status = row.status ?? "published";
    const live = status !== "draft" && status !== "pending_payment";
    const publishedAt = row.published_at ?? (live ? new Date(now - 60_000) : null);
    return {
      companyId,
      job: {
        template: jobTemplates[0],
        specialties,
        credentials: credentials.map((code) => ({ code, required: true })),
        row: {
          slug: row.title.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
          description: "A coding position with a friendly team and steady work.",
          setting: "remote",
          employment_type: "full_time",
          level: "mid",
          status,
          published_at: publishedAt,
          valid_through: live ? new Date(now + 20 * DAY) : null,
          ...row,
        },
      } as BuiltJob,
      firstPublishedAt: firstPublishedAt === undefined ? publishedAt : firstPublishedAt,
    };
  });
  const ids = await insertBuiltJobs(
    getDb(),
    built.map(({ companyId, job }) => ({ companyId, job })),
  );
  for (const [i, id] of ids.entries()) {
    await getDb()
      .updateTable("jobs")
      .set({ first_published_at: built[i].firstPublishedAt })
      .where("id", "=", id)
      .execute();
  }
  await refreshSearchVectors(getDb(), ids);
  return ids;
}

/** A draft that then goes live through extendJob, as payment and credits do. */
export async function publishNewJob(
  companyId: number,
  spec: JobSpec,
  { featured = false }: { featured?: boolean } = {},
) {
  const [id] = await insertJobs(companyId, [
    { ...spec, status: "draft", published_at: null, firstPublishedAt: null },
  ]);
  await getDb()
    .transaction()
    .execute((trx) => extendJob(trx, { jobId: id, days: 30, featured }));
  return id;
}

/** An alert as the create paths write it, confirmed unless `confirmedAt: null`. */
export async function createAlert(input: {
  query: string;
  frequency: Frequency;
  email?: string;
  userId?: number;
  timeZone?: string;
  confirmedAt?: Date | null;
}) {
  counter += 1;
  const checked = await checkAlertFilters(new URLSearchParams(input.query));
  if (!checked.ok) throw new Error(`bad alert filters: ${checked.problems.join(" ")}`);
  const row = await insertAlert(getDb(), {
    userId: input.userId,
    email: input.email ?? `subscriber-${process.pid}-${counter}@example.com`,
    checked,
    frequency: input.frequency,
    timeZone: input.timeZone ?? "America/New_York",
    confirmedAt: input.confirmedAt === null ? undefined : (input.confirmedAt ?? new Date()),
  });
  if (!row) throw new Error("alert already exists");
  return row;
}

/** The alert emails queued so far, oldest first, with their stored props. */
export async function alertEmails() {
  const rows = await getDb()
    .selectFrom("emails")
    .select(["id", "to_address", "dedupe_key", "props", "state"])
    .where("template", "=", "alert-jobs")
    .orderBy("id")
    .execute();
  return rows.map((row) => ({
    ...row,
    props: row.props as { alertId: number; kind: string; jobIds: number[]; more: number },
  }));
}

/**
 * The first instant when the wall clock in `zone` reads hour:minute (on `weekday`, 0 = Sunday,
 * when given), from the next 7:00 there on: so it lies in a later digest period than now, and
 * an alert confirmed now is due by then (hour ≥ 7) whatever the hour the test runs at. Before,
 * a test run at 7:20 in New York jumped to 8:00 the same day, in the same period, and failed.
 * `after` picks another starting point. US zones are whole hours off UTC.
 */
export function nextLocalTime(
  zone: string,
  hour: number,
  minute: number,
  weekday?: number,
  after = justBeforeNextPeriod(zone),
) {
  return localTimeAfter(zone, hour, minute, weekday, after);
}

/** A millisecond before the next digest hour (7:00) in `zone` at least five minutes from now. */
function justBeforeNextPeriod(zone: string) {
  const soon = new Date(Date.now() + 5 * 60_000);
  return new Date(localTimeAfter(zone, DIGEST_HOUR, 0, undefined, soon).getTime() - 1);
}

function localTimeAfter(
  zone: string,
  hour: number,
  minute: number,
  weekday: number | undefined,
  after: Date,
) {
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hour: "numeric",
    hourCycle: "h23",
    weekday: "short",
  });
  const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  const start = new Date(after);
  start.setUTCMinutes(minute, 0, 0);
  for (let h = 0; h < 24 * 8; h++) {
    const candidate = new Date(start.getTime() + h * 3_600_000);
    if (candidate <= after) continue;
    const parts = Object.fromEntries(format.formatToParts(candidate).map((p) => [p.type, p.value]));
    if (Number(parts.hour) !== hour) continue;
    if (weekday !== undefined && parts.weekday !== days[weekday]) continue;
    return candidate;
  }
  throw new Error("no such local time within eight days");
}
