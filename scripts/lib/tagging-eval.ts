// Scores the tagger's suggested specialties against the labeled postings in
// tests/fixtures/tagging-set.ts: micro-averaged precision and recall, per specialty, and the
// postings it gets most wrong. Used by `npm run eval:tagging` and the integration test.
import type { Kysely } from "kysely";
import { inferJobTags } from "../../app/jobs/tagging.server";
import type { DB } from "../../db/types";
import { type LabeledPosting, taggingSet } from "../../tests/fixtures/tagging-set";

export type TaggingScore = {
  postings: number;
  precision: number;
  recall: number;
  perSpecialty: {
    slug: string;
    tp: number;
    fp: number;
    fn: number;
    precision: number;
    recall: number;
  }[];
  worst: { title: string; hard?: string; missed: string[]; extra: string[] }[];
};

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

export async function evaluateTagging(
  db: Kysely<DB>,
  set: LabeledPosting[] = taggingSet,
): Promise<TaggingScore> {
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const bump = (slug: string, key: "tp" | "fp" | "fn") => {
    const c = counts.get(slug) ?? { tp: 0, fp: 0, fn: 0 };
    c[key]++;
    counts.set(slug, c);
  };
  const results: TaggingScore["worst"] = [];
  for (const posting of set) {
    const tags = await inferJobTags(posting, db);
    const got = new Set(tags.suggestions.map((s) => s.slug));
    const expected = new Set(posting.expected);
    for (const slug of got) bump(slug, expected.has(slug) ? "tp" : "fp");
    for (const slug of expected) if (!got.has(slug)) bump(slug, "fn");
    results.push({
      title: posting.title,
      hard: posting.hard,
      missed: [...expected].filter((s) => !got.has(s)),
      extra: [...got].filter((s) => !expected.has(s)),
    });
  }
  const total = [...counts.values()].reduce(
    (sum, c) => ({ tp: sum.tp + c.tp, fp: sum.fp + c.fp, fn: sum.fn + c.fn }),
    { tp: 0, fp: 0, fn: 0 },
  );
  return {
    postings: set.length,
    precision: ratio(total.tp, total.tp + total.fp),
    recall: ratio(total.tp, total.tp + total.fn),
    perSpecialty: [...counts.entries()]
      .map(([slug, c]) => ({
        slug,
        ...c,
        precision: ratio(c.tp, c.tp + c.fp),
        recall: ratio(c.tp, c.tp + c.fn),
      }))
      .sort((a, b) => a.slug.localeCompare(b.slug)),
    worst: results
      .filter((r) => r.missed.length + r.extra.length > 0)
      .sort((a, b) => b.missed.length + b.extra.length - (a.missed.length + a.extra.length)),
  };
}

export function formatScore(score: TaggingScore, { worst = 15 } = {}) {
  const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
  const lines = [
    `Tagging on ${score.postings} labeled postings: precision ${pct(score.precision)}, recall ${pct(score.recall)}`,
    "",
    "specialty                          tp  fp  fn  precision  recall",
    ...score.perSpecialty.map(
      (s) =>
        `${s.slug.padEnd(34)} ${String(s.tp).padStart(2)}  ${String(s.fp).padStart(2)}  ${String(s.fn).padStart(2)}  ${pct(s.precision).padStart(9)}  ${pct(s.recall).padStart(6)}`,
    ),
    "",
    `Worst cases (${Math.min(worst, score.worst.length)} of ${score.worst.length} imperfect):`,
    ...score.worst
      .slice(0, worst)
      .map(
        (w) =>
          `- ${w.title}${w.hard ? ` [${w.hard}]` : ""}: ${w.missed.length ? `missed ${w.missed.join(", ")}` : ""}${w.missed.length && w.extra.length ? "; " : ""}${w.extra.length ? `extra ${w.extra.join(", ")}` : ""}`,
      ),
  ];
  return lines.join("\n");
}
