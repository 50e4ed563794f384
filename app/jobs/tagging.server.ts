// Suggested specialties for a job from what its text mentions: codes (through their
// narrowest range), specialty-specific credentials and keywords. Picked links always win.
import type { Kysely } from "kysely";
import type { DB } from "#db/types";
import { type CodeMention, describeCodes } from "~/codes/codes.server";
import { credentialMatcher, findCodes, findKeywords, keywordsFor } from "~/codes/detect";
import { refreshJobCodes } from "~/codes/job-codes.server";
import { getDb } from "~/utils/db.server";
import { refreshSearchVectors } from "./search-vector.server";

// A credential that fits many specialties (CPC fits 16) says nothing about the job's focus.
const MAX_SPECIALTIES_PER_CREDENTIAL = 3;

export type TagReason =
  | { kind: "code"; code: string; label: string | null; diagnosis: boolean }
  | { kind: "credential"; code: string }
  | { kind: "keyword"; keyword: string; where: "title" | "description" };

export type JobTags = {
  codes: CodeMention[];
  credentials: string[];
  suggestions: { slug: string; reasons: TagReason[] }[];
};

type Dictionary = {
  credentialCodes: string[];
  credentialSpecialties: Map<string, string[]>;
  keywords: ReturnType<typeof keywordsFor>;
  matchCredentials: (text: string) => string[];
};

async function loadDictionary(db: Kysely<DB>): Promise<Dictionary> {
  const [specialties, links] = await Promise.all([
    db.selectFrom("specialties").select(["slug", "name"]).execute(),
    db
      .selectFrom("credentials")
      .leftJoin("credential_specialties", "credential_specialties.credential_id", "credentials.id")
      .leftJoin("specialties", "specialties.id", "credential_specialties.specialty_id")
      .select(["credentials.code", "specialties.slug"])
      .execute(),
  ]);
  const credentialSpecialties = new Map<string, string[]>();
  for (const { code, slug } of links) {
    const list = credentialSpecialties.get(code) ?? [];
    if (slug) list.push(slug);
    credentialSpecialties.set(code, list);
  }
  const credentialCodes = [...credentialSpecialties.keys()];
  return {
    credentialCodes,
    credentialSpecialties,
    keywords: keywordsFor(specialties),
    matchCredentials: credentialMatcher(credentialCodes),
  };
}

// A reason is strong on its own (a procedure or supply code, a keyword, a credential for one
// or two specialties) or weak (a diagnosis code: every specialty codes diagnoses from many
// chapters; a credential that fits three). A suggestion needs one strong reason or weak
// reasons of two kinds.
function isStrong(reason: TagReason, dictionary: Dictionary) {
  if (reason.kind === "code") return !reason.diagnosis;
  if (reason.kind === "credential")
    return (dictionary.credentialSpecialties.get(reason.code)?.length ?? 0) <= 2;
  return true;
}

function infer(
  dictionary: Dictionary,
  { title, description }: { title: string; description: string },
  codes: CodeMention[],
): JobTags {
  const text = `${title}\n${description}`;
  const credentials = dictionary.matchCredentials(text);
  const reasons = new Map<string, TagReason[]>();
  const add = (slug: string, reason: TagReason) => {
    const list = reasons.get(slug) ?? [];
    list.push(reason);
    reasons.set(slug, list);
  };
  // A code or credential that fits several specialties counts for the ones the rest of the
  // posting supports most: 35301 in a vascular surgery posting is vascular surgery, not
  // cardiology or IR. Keywords weigh most, then credentials, then each code naming the specialty.
  const keywordHits = findKeywords({ title, description }, dictionary.keywords);
  const support = new Map<string, number>();
  const lift = (slug: string, by: number) => support.set(slug, (support.get(slug) ?? 0) + by);
  for (const hit of keywordHits) lift(hit.slug, hit.where === "title" ? 6 : 4);
  for (const code of codes) for (const slug of code.specialtySlugs) lift(slug, 1);
  const usable = credentials.filter(
    (code) =>
      (dictionary.credentialSpecialties.get(code)?.length ?? 0) <= MAX_SPECIALTIES_PER_CREDENTIAL,
  );
  for (const code of usable)
    for (const slug of dictionary.credentialSpecialties.get(code) ?? []) lift(slug, 2);
  const bestOf = (slugs: string[]) => {
    const top = Math.max(...slugs.map((slug) => support.get(slug) ?? 0));
    return slugs.filter((slug) => (support.get(slug) ?? 0) === top);
  };
  // A wider sub-section's specialty wins a code when the posting's words back it and not the
  // narrowest range's: 15734 in a plastic surgery posting is plastic surgery, not dermatology.
  const nonCode = new Map<string, number>();
  for (const hit of keywordHits) nonCode.set(hit.slug, 1);
  for (const code of usable)
    for (const slug of dictionary.credentialSpecialties.get(code) ?? []) nonCode.set(slug, 1);
  const top = (slugs: string[]) => Math.max(0, ...slugs.map((slug) => support.get(slug) ?? 0));
  for (const code of codes) {
    const wider = code.widerSlugs.filter((slug) => nonCode.has(slug));
    const pick =
      wider.length && top(wider) > top(code.specialtySlugs)
        ? bestOf(wider)
        : bestOf(code.specialtySlugs);
    for (const slug of pick) {
      add(slug, {
        kind: "code",
        code: code.code,
        label: code.label,
        // Diagnoses and drugs given by injection say little about the specialty alone:
        // every specialty codes diagnoses, and an eye practice bills J-code drugs too.
        diagnosis: code.systemLabel.startsWith("ICD-10-CM") || /^J\d{4}$/.test(code.code),
      });
    }
  }
  for (const code of usable) {
    for (const slug of bestOf(dictionary.credentialSpecialties.get(code) ?? []))
      add(slug, { kind: "credential", code });
  }
  for (const hit of keywordHits) {
    add(hit.slug, { kind: "keyword", keyword: hit.label, where: hit.where });
  }
  // One code alone does not add a specialty to a posting whose title names its own: a
  // pro-fee coder's joint injection is pro-fee work, not an orthopedics job.
  const titled = new Set(keywordHits.filter((h) => h.where === "title").map((h) => h.slug));
  const lone = (slug: string, list: TagReason[]) =>
    titled.size > 0 && !titled.has(slug) && list.length === 1 && list[0].kind === "code";
  const suggestions = [...reasons.entries()]
    .filter(([slug, list]) => !lone(slug, list))
    .filter(
      ([, list]) =>
        list.some((r) => isStrong(r, dictionary)) || new Set(list.map((r) => r.kind)).size >= 2,
    )
    .map(([slug, list]) => ({ slug, reasons: list }))
    .sort((a, b) => b.reasons.length - a.reasons.length || a.slug.localeCompare(b.slug));
  return { codes, credentials, suggestions };
}

/** What a job's title and description suggest: codes, credentials and specialties, with reasons. */
export async function inferJobTags(
  job: { title: string; description: string },
  db: Kysely<DB> = getDb(),
): Promise<JobTags> {
  const [dictionary, codes] = await Promise.all([
    loadDictionary(db),
    describeCodes(findCodes(`${job.title}\n${job.description}`), db),
  ]);
  return infer(dictionary, job, codes);
}

/**
 * Rewrites the inferred specialty links of jobs (all jobs when no ids are given) from their
 * text; picked links are never touched, and a specialty the employer removed from a job is
 * never written for it. Returns how many inferred links were written.
 */
export async function tagJobs(db: Kysely<DB>, jobIds?: number[]): Promise<number> {
  if (jobIds && jobIds.length === 0) return 0;
  let query = db.selectFrom("jobs").select(["id", "title", "description"]);
  if (jobIds) query = query.where("id", "in", jobIds);
  let rejectionQuery = db.selectFrom("job_specialty_rejections").select(["job_id", "specialty_id"]);
  if (jobIds) rejectionQuery = rejectionQuery.where("job_id", "in", jobIds);
  const [jobs, dictionary, specialties, rejections] = await Promise.all([
    query.execute(),
    loadDictionary(db),
    db.selectFrom("specialties").select(["id", "slug"]).execute(),
    rejectionQuery.execute(),
  ]);
  const specialtyIds = new Map(specialties.map((s) => [s.slug, s.id]));
  // Suggestions the employer removed from a job stay removed (decision 028).
  const rejected = new Set(rejections.map((r) => `${r.job_id}:${r.specialty_id}`));
  // One range lookup for every distinct code in every job.
  const found = jobs.map((job) => findCodes(`${job.title}\n${job.description}`));
  const distinct = [...new Map(found.flat().map((c) => [c.canonical, c])).values()];
  const described = new Map((await describeCodes(distinct, db)).map((c) => [c.code, c]));
  const rows = jobs.flatMap((job, i) => {
    const codes = found[i].map((c) => described.get(c.canonical)!);
    return infer(dictionary, job, codes).suggestions.flatMap(({ slug }) => {
      const specialtyId = specialtyIds.get(slug);
      return specialtyId && !rejected.has(`${job.id}:${specialtyId}`)
        ? [{ job_id: job.id, specialty_id: specialtyId, source: "inferred" }]
        : [];
    });
  });
  let deleteQuery = db.deleteFrom("job_specialties").where("source", "=", "inferred");
  if (jobIds) deleteQuery = deleteQuery.where("job_id", "in", jobIds);
  await deleteQuery.execute();
  let written = 0;
  for (let start = 0; start < rows.length; start += 1000) {
    const result = await db
      .insertInto("job_specialties")
      .values(rows.slice(start, start + 1000))
      .onConflict((oc) => oc.columns(["job_id", "specialty_id"]).doNothing())
      .executeTakeFirst();
    written += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  await refreshJobCodes(db, jobIds);
  return written;
}

/** Tags every job (the demo seed runs this once); the caller refreshes search vectors. */
export async function tagAllJobs(db: Kysely<DB>) {
  return tagJobs(db);
}

/**
 * Re-infers one job's suggested specialties and refreshes its search document. Writers that
 * change a job's title or description call this inside their transaction.
 */
export async function applyInferredTags(jobId: number, trx?: Kysely<DB>): Promise<number> {
  const run = async (db: Kysely<DB>) => {
    const written = await tagJobs(db, [jobId]);
    await refreshSearchVectors(db, [jobId]);
    return written;
  };
  return trx ? run(trx) : getDb().transaction().execute(run);
}
