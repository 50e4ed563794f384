// Labels and formatting shared by job cards, job pages and feeds (client-safe).
import { formatCents } from "~/utils/money";

export const SETTINGS = { remote: "Remote", hybrid: "Hybrid", onsite: "On-site" } as const;
export const EMPLOYMENT_TYPES = {
  full_time: "Full-time",
  part_time: "Part-time",
  contract: "Contract",
  per_diem: "Per diem",
  temporary: "Temporary",
} as const;
export const LEVELS = {
  entry: "Entry level",
  mid: "Mid level",
  senior: "Senior",
  lead: "Lead / supervisor",
} as const;

export const HOURS_PER_YEAR = 2080;

const usd = (cents: number, fraction: boolean) => formatCents(cents, "usd", fraction ? 2 : 0);

export type Pay = {
  salary_period: string | null;
  salary_min_cents: number | null;
  salary_max_cents: number | null;
};

function range(min: number | null, max: number | null, fmt: (cents: number) => string) {
  if (min && max && min !== max) return `${fmt(min)}–${fmt(max)}`;
  const one = min ?? max;
  return one ? fmt(one) : null;
}

/** "$24–$30 an hour" or "$58,000–$66,000 a year"; null when the job gives no pay. */
export function formatPay(job: Pay) {
  if (!job.salary_period) return null;
  const hourly = job.salary_period === "hour";
  const cents =
    hourly && [job.salary_min_cents, job.salary_max_cents].some((c) => c != null && c % 100 !== 0);
  const text = range(job.salary_min_cents, job.salary_max_cents, (c) => usd(c, cents));
  return text ? `${text} ${hourly ? "an hour" : "a year"}` : null;
}

/** The same pay on the other basis: hourly shown annually and annual shown hourly. */
export function formatPayAlternate(job: Pay) {
  if (!job.salary_period) return null;
  const hourly = job.salary_period === "hour";
  const convert = (cents: number | null) =>
    cents == null ? null : hourly ? cents * HOURS_PER_YEAR : Math.round(cents / HOURS_PER_YEAR);
  // Annual equivalents round to the nearest $1,000; hourly equivalents keep the cents.
  const text = range(convert(job.salary_min_cents), convert(job.salary_max_cents), (c) =>
    usd(hourly ? Math.round(c / 100_000) * 100_000 : c, !hourly),
  );
  return text ? `about ${text} ${hourly ? "a year" : "an hour"}` : null;
}

/**
 * The work setting, always named, with the place beside it: "On-site · Dallas, TX",
 * "Hybrid · Columbus, OH", "Remote (OH, TX)", "Remote (US)".
 */
export function formatLocation(job: {
  setting: string;
  city: string | null;
  state: string | null;
  remote_states?: string[];
}) {
  const place = job.city && job.state ? `${job.city}, ${job.state}` : null;
  if (job.setting === "remote") {
    if (job.remote_states?.length) return `Remote (${job.remote_states.join(", ")})`;
    return place ? `Remote (based in ${place})` : "Remote (US)";
  }
  const setting = SETTINGS[job.setting as keyof typeof SETTINGS] ?? job.setting;
  return `${setting} · ${place ?? "United States"}`;
}

export function postedAgo(date: Date | string, now = new Date()) {
  const days = Math.floor((now.getTime() - new Date(date).getTime()) / 86_400_000);
  if (days <= 0) return "Posted today";
  if (days === 1) return "Posted yesterday";
  if (days < 30) return `Posted ${days} days ago`;
  return `Posted ${Math.floor(days / 30)} month${days >= 60 ? "s" : ""} ago`;
}

const longDate = new Intl.DateTimeFormat("en-US", {
  year: "numeric",
  month: "long",
  day: "numeric",
  timeZone: "UTC",
});
const shortDate = new Intl.DateTimeFormat("en-US", {
  year: "numeric",
  month: "short",
  day: "numeric",
  timeZone: "UTC",
});

/** "December 1, 2026" */
export function formatDate(date: Date | string) {
  return longDate.format(new Date(date));
}

/** "Dec 1, 2026", where space is short (cards on the applicants board). */
export function formatShortDate(date: Date | string) {
  return shortDate.format(new Date(date));
}

export function jobPath(job: { id: number; slug: string }) {
  return `/jobs/${job.id}/${job.slug}`;
}
