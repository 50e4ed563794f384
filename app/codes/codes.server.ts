import { type Kysely, sql } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import type { DB } from "#db/types";
import { getDb } from "~/utils/db.server";
import { familyOf, formatRange, matchingRanges, type ParsedCode, parseCode } from "./code-systems";
import { inSpecialtyIds, listJobTiers, namesCode, namesFamily } from "./job-lists.server";

type SpecialtyRef = { id: number; slug: string; name: string };

export type ResolvedRange = {
  id: number;
  ref: string;
  system: string;
  category: string | null;
  label: string;
  section: string | null;
  from_code: string;
  to_code: string;
  verified: boolean;
  specialties: SpecialtyRef[];
};

/** Candidate ranges for a code: a cheap prefilter in SQL, the exact shape rules in JS. */
function candidateRanges(db: Kysely<DB>, code: ParsedCode) {
  const key =
    code.system === "ICD-10-CM"
      ? code.canonical.slice(0, 3)
      : code.system === "ICD-10-PCS"
        ? code.canonical.slice(0, 2)
        : code.canonical;
  return (
    db
      .selectFrom("code_ranges")
      .select([
        "code_ranges.id",
        "code_ranges.ref",
        "code_ranges.system",
        "code_ranges.category",
        "code_ranges.label",
        "code_ranges.section",
        "code_ranges.from_code",
        "code_ranges.to_code",
        "code_ranges.verified",
      ])
      .select((eb) =>
        jsonArrayFrom(
          eb
            .selectFrom("code_range_specialties")
            .innerJoin("specialties", "specialties.id", "code_range_specialties.specialty_id")
            .select(["specialties.id", "specialties.slug", "specialties.name"])
            .whereRef("code_range_specialties.code_range_id", "=", "code_ranges.id")
            .orderBy("specialties.name"),
        ).as("specialties"),
      )
      .where("code_ranges.system", "=", code.system)
      // Byte order ("C"), the same order the JS comparison uses.
      .where(sql<boolean>`code_ranges.from_code collate "C" <= ${key}`)
      .where(
        code.system === "ICD-10-PCS"
          ? sql<boolean>`code_ranges.to_code collate "C" >= ${key.slice(0, 1)}`
          : sql<boolean>`code_ranges.to_code collate "C" >= ${key}`,
      )
      .execute()
  );
}

function curatedCode(db: Kysely<DB>, code: string) {
  return db
    .selectFrom("codes")
    .select(["codes.code", "codes.topic", "codes.status", "codes.replaced_by", "codes.confidence"])
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom("code_specialties")
          .innerJoin("specialties", "specialties.id", "code_specialties.specialty_id")
          .select(["specialties.id", "specialties.slug", "specialties.name"])
          .whereRef("code_specialties.code", "=", "codes.code")
          .orderBy("specialties.name"),
      ).as("specialties"),
    )
    .where("codes.code", "=", code)
    .executeTakeFirst();
}

export type CodeResolution =
  | { kind: "malformed" }
  | { kind: "redirect"; canonical: string }
  | {
      kind: "code";
      code: ParsedCode;
      /** Matching ranges, narrowest first. */
      ranges: ResolvedRange[];
      narrowest: ResolvedRange | null;
      curated: Awaited<ReturnType<typeof curatedCode>> | null;
      specialties: SpecialtyRef[];
    };

/**
 * A code's system, its matching ranges (narrowest first) and its specialties: those of the
 * narrowest range that names any, plus the curated code's own.
 */
export async function resolveCode(raw: string, db: Kysely<DB> = getDb()): Promise<CodeResolution> {
  const code = parseCode(raw);
  if (!code) return { kind: "malformed" };
  if (code.canonical !== raw) return { kind: "redirect", canonical: code.canonical };
  const [candidates, curated] = await Promise.all([
    candidateRanges(db, code),
    curatedCode(db, code.canonical),
  ]);
  const ranges = matchingRanges(code, candidates);
  const specialties = new Map<string, SpecialtyRef>();
  for (const s of curated?.specialties ?? []) specialties.set(s.slug, s);
  for (const s of ranges.find((r) => r.specialties.length)?.specialties ?? [])
    specialties.set(s.slug, s);
  return {
    kind: "code",
    code,
    ranges,
    narrowest: ranges[0] ?? null,
    curated: curated ?? null,
    specialties: [...specialties.values()].sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** How a code page names a code's family: "category E11", "Office/outpatient (99202–99215)". */
export function familyLabel(
  code: ParsedCode,
  narrowest: { label: string; from_code: string; to_code: string } | null,
) {
  if (code.system === "ICD-10-CM") return `category ${code.canonical.slice(0, 3)}`;
  if (!narrowest) return null;
  return `${narrowest.label} family (${formatRange(narrowest.from_code, narrowest.to_code)})`;
}

export type RankedTier = {
  key: "exact" | "family" | "specialty";
  title: string;
  total: number;
  jobs: (Awaited<ReturnType<typeof listJobTiers>>[number]["jobs"][number] & { reason: string })[];
};

const listNames = (names: string[]) =>
  names.length <= 2 ? names.join(" and ") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;

/**
 * Open jobs for a code in the order a coder trusts them: postings that name the code, then
 * postings that name another code of its family, then jobs in its specialties naming neither.
 */
export async function rankJobsForCode(
  db: Kysely<DB>,
  resolution: Extract<CodeResolution, { kind: "code" }>,
  { limit = 8 } = {},
): Promise<RankedTier[]> {
  const { code, narrowest, specialties } = resolution;
  const family = familyOf(code, narrowest?.ref ?? null);
  const label = familyLabel(code, narrowest);
  const specialtyNames = listNames(specialties.map((s) => s.name));
  const [exact, sameFamily, specialty] = await listJobTiers(
    db,
    [
      { key: "exact", filter: namesCode(code.canonical), named: { code: code.canonical } },
      {
        key: "family",
        filter: (eb) => eb.and([namesFamily(family)(eb), eb.not(namesCode(code.canonical)(eb))]),
        named: { family },
      },
      {
        key: "specialty",
        filter: (eb) =>
          eb.and([
            inSpecialtyIds(specialties.map((s) => s.id))(eb),
            eb.not(namesFamily(family)(eb)),
          ]),
      },
    ],
    { limit },
  );
  return [
    {
      key: "exact",
      title: `Postings that name ${code.canonical}`,
      total: exact.total,
      jobs: exact.jobs.map((job) => ({ ...job, reason: `The posting names ${code.canonical}.` })),
    },
    {
      key: "family",
      title: label ? `Postings that name another code in ${label}` : "Postings in the same family",
      total: sameFamily.total,
      jobs: sameFamily.jobs.map((job) => ({
        ...job,
        reason: `Names ${listNames(job.named_codes)}, in the same ${label ?? "family"} as ${code.canonical}.`,
      })),
    },
    {
      key: "specialty",
      title: specialties.length ? `More jobs in ${specialtyNames}` : "More jobs in its specialties",
      total: specialty.total,
      jobs: specialty.jobs.map((job) => ({
        ...job,
        reason: `Shares a coding specialty with ${code.canonical}; the posting names no code of this family.`,
      })),
    },
  ];
}

/** Everything /codes/:code shows: the resolution plus its open jobs in ranked tiers. */
export async function getCodePage(raw: string) {
  const db = getDb();
  const resolution = await resolveCode(raw, db);
  if (resolution.kind !== "code") return resolution;
  const tiers = await rankJobsForCode(db, resolution);
  return { ...resolution, tiers, totalJobs: tiers.reduce((n, t) => n + t.total, 0) };
}

export type CodeMention = {
  code: string;
  /** The narrowest range holding the code (its ref), when one does. */
  rangeRef: string | null;
  systemLabel: string;
  label: string | null;
  section: string | null;
  specialtySlugs: string[];
  /** Specialties of the wider sub-sections holding the code (not its whole section). */
  widerSlugs: string[];
};

/**
 * Labels for many codes at once (the codes a posting mentions): one query for the ranges of
 * the systems involved, matched in memory.
 */
export async function describeCodes(
  codes: ParsedCode[],
  db: Kysely<DB> = getDb(),
): Promise<CodeMention[]> {
  if (codes.length === 0) return [];
  const systems = [...new Set(codes.map((c) => c.system))];
  const [ranges, curated] = await Promise.all([
    db
      .selectFrom("code_ranges")
      .select([
        "code_ranges.id",
        "code_ranges.ref",
        "code_ranges.system",
        "code_ranges.label",
        "code_ranges.section",
        "code_ranges.from_code",
        "code_ranges.to_code",
      ])
      .select((eb) =>
        eb
          .selectFrom("code_range_specialties")
          .innerJoin("specialties", "specialties.id", "code_range_specialties.specialty_id")
          .select(sql<string[]>`coalesce(array_agg(specialties.slug), '{}')`.as("slugs"))
          .whereRef("code_range_specialties.code_range_id", "=", "code_ranges.id")
          .as("specialty_slugs"),
      )
      .where("code_ranges.system", "in", systems)
      .execute(),
    db
      .selectFrom("code_specialties")
      .innerJoin("specialties", "specialties.id", "code_specialties.specialty_id")
      .select(["code_specialties.code", "specialties.slug"])
      .where(
        "code_specialties.code",
        "in",
        codes.map((c) => c.canonical),
      )
      .execute(),
  ]);
  return codes.map((code) => {
    const matches = matchingRanges(code, ranges);
    const withSpecialties = matches.find((r) => r.specialty_slugs?.length);
    const slugs = new Set([
      ...curated.filter((c) => c.code === code.canonical).map((c) => c.slug),
      ...(withSpecialties?.specialty_slugs ?? []),
    ]);
    return {
      code: code.canonical,
      rangeRef: matches[0]?.ref ?? null,
      systemLabel: code.systemLabel,
      label: matches[0]?.label ?? null,
      section: matches[0]?.section ?? null,
      specialtySlugs: [...slugs],
      widerSlugs: [
        ...new Set(
          matches
            .filter((r) => r.section && r !== withSpecialties)
            .flatMap((r) => r.specialty_slugs ?? []),
        ),
      ].filter((slug) => !slugs.has(slug)),
    };
  });
}
