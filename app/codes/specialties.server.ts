import { type Kysely, sql } from "kysely";
import type { DB } from "#db/types";
import { isOpen, isOpenSearchRow } from "~/jobs/jobs.server";
import { cached } from "~/utils/cache.server";
import { getDb } from "~/utils/db.server";
import { rangePath } from "./code-systems";
import { inSpecialtyIds, listOpenJobCards } from "./job-lists.server";

/**
 * Every specialty with its number of open jobs, for the home page and the specialty index.
 * One grouped pass over the open jobs, cached for a minute: it counts every open job.
 */
export function listSpecialtiesWithCounts() {
  return cached("specialty-open-counts", 60_000, async () => {
    const db = getDb();
    const [specialties, counts] = await Promise.all([
      db
        .selectFrom("specialties")
        .select(["id", "slug", "name", "group"])
        .orderBy("name")
        .execute(),
      db
        .selectFrom("job_specialties")
        .innerJoin("jobs", "jobs.id", "job_specialties.job_id")
        .where(isOpen)
        .select(["job_specialties.specialty_id", sql<number>`count(*)::int`.as("n")])
        .groupBy("job_specialties.specialty_id")
        .execute(),
    ]);
    const bySpecialty = new Map(counts.map((row) => [row.specialty_id, row.n]));
    return specialties.map(({ id, ...s }) => ({ ...s, open_jobs: bySpecialty.get(id) ?? 0 }));
  });
}

export const SPECIALTY_GROUPS: Record<string, string> = {
  "pro-fee": "Professional fee",
  facility: "Facility",
  specialty: "Clinical specialties",
  "sub-specialty": "Sub-specialties",
  function: "Functions: risk adjustment, CDI, audit, billing, quality",
  setting: "Care settings",
};

/** The specialty index: every specialty with its open jobs, grouped in a fixed order. */
export async function listSpecialtyGroups() {
  const specialties = await listSpecialtiesWithCounts();
  const order = Object.keys(SPECIALTY_GROUPS);
  const groups = new Map<string, typeof specialties>();
  for (const s of specialties) {
    const list = groups.get(s.group) ?? [];
    list.push(s);
    groups.set(s.group, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99))
    .map(([group, items]) => ({
      group,
      label: SPECIALTY_GROUPS[group] ?? group,
      specialties: items,
    }));
}

/** Pay across a set of open jobs, on an annual basis: median of midpoints, lowest and highest. */
function salaryStats(db: Kysely<DB>, specialtyId: number) {
  // job_search (the narrow copy of published jobs) under the name `jobs`.
  return db
    .selectFrom("job_search as jobs" as "jobs")
    .where(inSpecialtyIds([specialtyId]))
    .where(isOpenSearchRow)
    .where((eb) =>
      eb.or([
        eb("jobs.salary_min_annual", "is not", null),
        eb("jobs.salary_max_annual", "is not", null),
      ]),
    )
    .select([
      sql<number>`count(*)::int`.as("jobs"),
      sql<
        number | null
      >`round(percentile_cont(0.5) within group (order by (coalesce(jobs.salary_min_annual, jobs.salary_max_annual) + coalesce(jobs.salary_max_annual, jobs.salary_min_annual)) / 2.0))::int`.as(
        "median",
      ),
      sql<number | null>`min(coalesce(jobs.salary_min_annual, jobs.salary_max_annual))`.as("low"),
      sql<number | null>`max(coalesce(jobs.salary_max_annual, jobs.salary_min_annual))`.as("high"),
    ])
    .executeTakeFirstOrThrow();
}

/** A specialty page: summary, code ranges, credentials that fit, pay and newest open jobs. */
export async function getSpecialtyPage(slug: string) {
  const db = getDb();
  const specialty = await db
    .selectFrom("specialties")
    .select(["id", "slug", "name", "group", "summary", "verify_note"])
    .where("slug", "=", slug)
    .executeTakeFirst();
  if (!specialty) return null;
  const [ownRanges, linkedRanges, credentials, pay, openJobs] = await Promise.all([
    db
      .selectFrom("specialty_code_ranges")
      .select(["system", "from_code", "to_code"])
      .where("specialty_id", "=", specialty.id)
      .execute(),
    db
      .selectFrom("code_range_specialties")
      .innerJoin("code_ranges", "code_ranges.id", "code_range_specialties.code_range_id")
      .select([
        "code_ranges.system",
        "code_ranges.category",
        "code_ranges.label",
        "code_ranges.section",
        "code_ranges.from_code",
        "code_ranges.to_code",
        "code_ranges.verified",
      ])
      .where("code_range_specialties.specialty_id", "=", specialty.id)
      .execute(),
    db
      .selectFrom("credential_specialties")
      .innerJoin("credentials", "credentials.id", "credential_specialties.credential_id")
      .select(["credentials.code", "credentials.slug", "credentials.name", "credentials.issuer"])
      .where("credential_specialties.specialty_id", "=", specialty.id)
      .orderBy("credentials.code")
      .execute(),
    salaryStats(db, specialty.id),
    listOpenJobCards(db, { filter: inSpecialtyIds([specialty.id]), limit: 10 }),
  ]);
  return {
    specialty,
    codeRanges: mergeRanges(ownRanges, linkedRanges),
    credentials,
    pay: pay.jobs > 0 ? pay : null,
    jobs: openJobs.jobs,
    totalJobs: openJobs.total,
  };
}

type SpecialtyRange = {
  system: string;
  from_code: string;
  to_code: string;
  label: string | null;
  section: string | null;
  verified: boolean | null;
  /** The range's own page. */
  href: string;
};

const SYSTEM_ORDER = ["CPT", "HCPCS", "ICD-10-CM", "ICD-10-PCS"];

/** The specialty's own ranges and the labelled ranges that name it, once each, in code order. */
function mergeRanges(
  own: { system: string; from_code: string; to_code: string }[],
  linked: {
    system: string;
    label: string;
    section: string | null;
    from_code: string;
    to_code: string;
    verified: boolean;
  }[],
): SpecialtyRange[] {
  const byKey = new Map<string, SpecialtyRange>();
  for (const r of linked) {
    byKey.set(`${r.system}:${r.from_code}-${r.to_code}`, { ...r, href: rangePath(r) });
  }
  for (const r of own) {
    const key = `${r.system}:${r.from_code}-${r.to_code}`;
    if (!byKey.has(key))
      byKey.set(key, { ...r, label: null, section: null, verified: null, href: rangePath(r) });
  }
  return [...byKey.values()].sort(
    (a, b) =>
      SYSTEM_ORDER.indexOf(a.system) - SYSTEM_ORDER.indexOf(b.system) ||
      a.from_code.localeCompare(b.from_code) ||
      b.to_code.localeCompare(a.to_code),
  );
}
