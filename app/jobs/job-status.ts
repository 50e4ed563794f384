// A job's state in one place: its statuses and their names, what "open" means, and where it
// stands in its paid period. The SQL form of "open" is `isOpen` in jobs.server.ts; the two
// are checked against each other on the same rows (tests/integration/job-status.test.ts).

export const JOB_STATUSES = [
  "draft",
  "pending_payment",
  "pending_review",
  "published",
  "expired",
  "closed",
  "removed",
] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** What employers and operators call each status. */
export const JOB_STATUS_LABELS: Record<JobStatus, string> = {
  draft: "Draft",
  pending_payment: "Waiting for payment",
  pending_review: "In review",
  published: "Live",
  expired: "Expired",
  closed: "Filled",
  removed: "Taken down",
};

export function jobStatusLabel(status: string, { held = false } = {}) {
  if (held) return "Paused";
  return JOB_STATUS_LABELS[status as JobStatus] ?? status;
}

/** Statuses whose page the public may open: live, or ended (the page says it has ended). */
export const PUBLIC_JOB_STATUSES = ["published", "expired", "closed"] as const;

type Clocked = {
  status: string;
  valid_through: Date | null;
  held_since: Date | null;
  featured_until?: Date | null;
};

/** Open: published, not past its validity end, not held. The public sees exactly these. */
export function isOpenJob(job: Clocked, now = new Date()) {
  return (
    job.status === "published" &&
    job.held_since == null &&
    job.valid_through != null &&
    job.valid_through > now
  );
}

const DAY = 86_400_000;

/**
 * Where a published job stands in the period it was paid for. A held job's clock is paused
 * at held_since (its end moves on when the hold ends), so it is still within its period.
 */
export function jobClock(job: Clocked, now = new Date()) {
  const held = job.status === "published" && job.held_since != null;
  const clock = held ? (job.held_since as Date) : now;
  const running =
    job.status === "published" && job.valid_through != null && job.valid_through > clock;
  return {
    /** Published, within its period, not held: what the public sees (isOpenJob). */
    live: running && !held,
    held,
    /** Within its paid period, held or not: renewing extends it, upgrading features it. */
    running,
    daysLeft: running
      ? Math.ceil(((job.valid_through as Date).getTime() - clock.getTime()) / DAY)
      : null,
    featured: Boolean(job.featured_until && job.featured_until > now),
  };
}
