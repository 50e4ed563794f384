// The specialties the tagger suggests for a posting, as the posting form shows them (with
// reasons, to keep or remove), and the employer's removals, remembered per job (decision 028).
import type { Kysely } from "kysely";
import type { DB } from "#db/types";
import { getDb } from "~/utils/db.server";
import type { JobFormValues } from "./posting-schemas";
import { describeReasons } from "./suggestion-reasons";
import { inferJobTags } from "./tagging.server";

export type Suggestion = { slug: string; name: string; reasons: string[] };

export type PostingSuggestions = {
  /** Suggested from the text, not picked and not removed: the form asks keep or remove. */
  suggestions: Suggestion[];
  /** Suggestions the employer removed from this job; picking one lists the job under it again. */
  removed: { slug: string; name: string }[];
};

const NO_SUGGESTIONS: PostingSuggestions = { suggestions: [], removed: [] };

/** What a posting's text suggests, leaving out what is picked or was removed from the job. */
export async function suggestForPosting(
  text: { title: string; description: string },
  { jobId, picked = [] }: { jobId?: number; picked?: string[] } = {},
  db: Kysely<DB> = getDb(),
): Promise<PostingSuggestions> {
  if (!text.title.trim() && !text.description.trim()) return NO_SUGGESTIONS;
  const [tags, specialties, removed] = await Promise.all([
    inferJobTags(text, db),
    db.selectFrom("specialties").select(["slug", "name"]).execute(),
    jobId ? listRemovedSpecialties(jobId, db) : [],
  ]);
  const names = new Map(specialties.map((s) => [s.slug, s.name]));
  const skip = new Set([...picked, ...removed.map((r) => r.slug)]);
  return {
    suggestions: tags.suggestions.flatMap(({ slug, reasons }) => {
      const name = names.get(slug);
      return name && !skip.has(slug) ? [{ slug, name, reasons: describeReasons(reasons) }] : [];
    }),
    removed: removed.filter((r) => !picked.includes(r.slug)),
  };
}

/**
 * The new-job form's suggestions from what was typed, before anything is saved: when the
 * employer asked for them, or when the form already showed some (a reply with errors keeps
 * them and the choices made). Null otherwise.
 */
export async function suggestFromForm(formData: FormData, { asked }: { asked: boolean }) {
  if (!asked && !formData.has("suggested")) return null;
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value.slice(0, 20_000) : "";
  };
  const picked = formData.getAll("specialties").filter((v): v is string => typeof v === "string");
  return suggestForPosting({ title: text("title"), description: text("description") }, { picked });
}

export async function listRemovedSpecialties(jobId: number, db: Kysely<DB> = getDb()) {
  return db
    .selectFrom("job_specialty_rejections")
    .innerJoin("specialties", "specialties.id", "job_specialty_rejections.specialty_id")
    .select(["specialties.slug", "specialties.name"])
    .where("job_specialty_rejections.job_id", "=", jobId)
    .orderBy("specialties.name")
    .execute();
}

/**
 * Records the form's keep/remove choices: a shown suggestion left unticked is removed for
 * good (the tagger skips it), and a picked specialty clears its removal (picked links win).
 * Runs before the job is re-tagged, in the same transaction.
 */
export async function recordSuggestionChoices(
  trx: Kysely<DB>,
  jobId: number,
  values: Pick<JobFormValues, "specialties" | "suggested" | "keepSuggested">,
) {
  const picked = new Set(values.specialties ?? []);
  const kept = new Set(values.keepSuggested ?? []);
  const removed = [...new Set(values.suggested ?? [])].filter(
    (slug) => !kept.has(slug) && !picked.has(slug),
  );
  if (picked.size) {
    await trx
      .deleteFrom("job_specialty_rejections")
      .where("job_id", "=", jobId)
      .where("specialty_id", "in", (eb) =>
        eb
          .selectFrom("specialties")
          .select("id")
          .where("slug", "in", [...picked]),
      )
      .execute();
  }
  if (removed.length) {
    await trx
      .insertInto("job_specialty_rejections")
      .columns(["job_id", "specialty_id"])
      .expression((eb) =>
        eb
          .selectFrom("specialties")
          .select([eb.cast<number>(eb.val(jobId), "integer").as("job_id"), "id"])
          .where("slug", "in", removed),
      )
      .onConflict((oc) => oc.columns(["job_id", "specialty_id"]).doNothing())
      .execute();
  }
}
