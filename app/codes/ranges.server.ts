// A page about one code range (/codes/range/cpt-33016-37799): what it holds, the ranges inside
// it, its specialties, the curated codes in it, and open jobs ranked by whether their posting
// names a code in it (docs/decisions/026-range-pages.md).
import type { Kysely } from "kysely";
import type { DB } from "#db/types";
import { getDb } from "~/utils/db.server";
import {
  formatRange,
  parseCode,
  parseRangeKey,
  type RangeLike,
  rangeContains,
  rangePath,
  rangeWithin,
} from "./code-systems";
import { inSpecialtyIds, listJobTiers, namesCodeIn } from "./job-lists.server";

type LabelledRange = RangeLike & {
  ref: string;
  label: string;
  section: string | null;
  verified: boolean;
};

const describe = (r: { label: string; section: string | null }) =>
  r.section ? `${r.section}: ${r.label}` : r.label;

/** Everything /codes/range/:key shows, a redirect to its lower-case address, or null (404). */
export async function getRangePage(key: string, db: Kysely<DB> = getDb()) {
  const range = parseRangeKey(key);
  if (!range) return null;
  const canonical = rangePath(range);
  if (canonical !== `/codes/range/${key}`) return { kind: "redirect" as const, canonical };

  const [labelled, links, ownSpecialties, curated] = await Promise.all([
    db
      .selectFrom("code_ranges")
      .select(["id", "ref", "system", "from_code", "to_code", "label", "section", "verified"])
      .where("system", "=", range.system)
      .execute(),
    db
      .selectFrom("code_range_specialties")
      .innerJoin("specialties", "specialties.id", "code_range_specialties.specialty_id")
      .innerJoin("code_ranges", "code_ranges.id", "code_range_specialties.code_range_id")
      .select(["specialties.id", "specialties.slug", "specialties.name", "code_ranges.ref"])
      .where("code_ranges.system", "=", range.system)
      .where("code_ranges.from_code", "=", range.from_code)
      .where("code_ranges.to_code", "=", range.to_code)
      .execute(),
    db
      .selectFrom("specialty_code_ranges")
      .innerJoin("specialties", "specialties.id", "specialty_code_ranges.specialty_id")
      .select(["specialties.id", "specialties.slug", "specialties.name"])
      .where("specialty_code_ranges.system", "=", range.system)
      .where("specialty_code_ranges.from_code", "=", range.from_code)
      .where("specialty_code_ranges.to_code", "=", range.to_code)
      .execute(),
    db
      .selectFrom("codes")
      .select(["code", "topic", "status", "replaced_by"])
      .orderBy("code")
      .execute(),
  ]);
  const same = labelled.filter(
    (r) => r.from_code === range.from_code && r.to_code === range.to_code,
  ) as LabelledRange[];
  // Only ranges we publish somewhere have a page: a labelled range or a specialty's own.
  if (same.length === 0 && ownSpecialties.length === 0) return null;

  const others = (labelled as LabelledRange[]).filter((r) => !same.includes(r));
  const narrower = others
    .filter((r) => rangeWithin(r, range))
    .sort((a, b) => a.from_code.localeCompare(b.from_code) || b.to_code.localeCompare(a.to_code));
  const broader = others
    .filter((r) => rangeWithin(range, r))
    .sort((a, b) => a.from_code.localeCompare(b.from_code) || b.to_code.localeCompare(a.to_code));
  const parent = broader.at(-1) ?? null;
  const main = same[0] ?? null;
  const specialties = [
    ...new Map(
      [...links, ...ownSpecialties].map((s) => [s.slug, { id: s.id, slug: s.slug, name: s.name }]),
    ).values(),
  ].sort((a, b) => a.name.localeCompare(b.name));
  const codesInRange = curated.filter((c) => {
    const parsed = parseCode(c.code);
    return parsed ? rangeContains(parsed, range) : false;
  });

  const span = formatRange(range.from_code, range.to_code);
  const label = main
    ? describe(main)
    : parent
      ? `Codes ${span}, a part of ${describe(parent)}`
      : `Codes ${span}`;
  // What a coder should know about the range's edges, in their words.
  const caution = !main
    ? "This range is how employers in these specialties describe their work, not a section of the code book: codes near its first and last numbers may sit in a neighboring section. Check them in your encoder."
    : main.verified
      ? null
      : "We have not yet checked where this range starts and ends against this year's code book. Codes near its first and last numbers may belong to the next range; confirm them in your encoder before you rely on them.";

  const tiers = await listJobTiers(db, [
    { key: "in-range", filter: namesCodeIn(range), named: { range } },
    {
      key: "specialty",
      filter: (eb) =>
        eb.and([inSpecialtyIds(specialties.map((s) => s.id))(eb), eb.not(namesCodeIn(range)(eb))]),
    },
  ]);
  const names = specialties.map((s) => s.name);
  const nameList =
    names.length <= 2
      ? names.join(" and ")
      : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  return {
    kind: "range" as const,
    range: { ...range, label, span, caution, path: canonical },
    within: broader.map((r) => ({
      label: describe(r),
      span: formatRange(r.from_code, r.to_code),
      href: rangePath(r),
    })),
    narrower: narrower.map((r) => ({
      label: describe(r),
      span: formatRange(r.from_code, r.to_code),
      href: rangePath(r),
      verified: r.verified,
    })),
    specialties: specialties.map(({ slug, name }) => ({ slug, name })),
    codes: codesInRange,
    tiers: [
      {
        key: "in-range",
        title: `Postings that name a code in ${span}`,
        total: tiers[0].total,
        jobs: tiers[0].jobs.map((job) => ({
          ...job,
          reason: `Names ${job.named_codes.join(", ")}, in ${span}.`,
        })),
      },
      {
        key: "specialty",
        title: names.length ? `More jobs in ${nameList}` : "More jobs in its specialties",
        total: tiers[1].total,
        jobs: tiers[1].jobs.map((job) => ({
          ...job,
          reason: `Shares a coding specialty with ${span}; the posting names no code in it.`,
        })),
      },
    ],
  };
}

export type RangePage = Extract<Awaited<ReturnType<typeof getRangePage>>, { kind: "range" }>;
