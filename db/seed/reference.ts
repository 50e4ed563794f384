// Loads the reference facts shipped in db/seed/reference (copied from the project's research)
// into Postgres. Idempotent: every row is keyed by its natural key and upserted.
import type { Kysely } from "kysely";
import type { DB } from "../types";
import { specialtySummaries } from "./content";
import { seedPlaces } from "./places";
import cat3Examples from "./reference/cpt_cat3_examples.json" with { type: "json" };
import cptRanges from "./reference/cpt_ranges.json" with { type: "json" };
import credentials from "./reference/credentials.json" with { type: "json" };
import hcpcsPrefixes from "./reference/hcpcs_prefixes.json" with { type: "json" };
import icd10cmChapters from "./reference/icd10cm_chapters.json" with { type: "json" };
import icd10pcs from "./reference/icd10pcs_sections.json" with { type: "json" };
import specialties from "./reference/specialties.json" with { type: "json" };

type RangeRow = {
  ref: string;
  system: "CPT" | "HCPCS" | "ICD-10-CM" | "ICD-10-PCS";
  category: string | null;
  label: string;
  section: string | null;
  from_code: string;
  to_code: string;
  note: string | null;
  confidence: string;
  specialties: string[];
};

/** An open-ended range ("0042T" onwards) ends at the highest code of the same shape. */
function openEnd(from: string) {
  return from.replace(/\d/g, "9");
}

export function referenceRanges(): RangeRow[] {
  const rows: RangeRow[] = [];
  for (const range of cptRanges) {
    rows.push({
      ref: `cpt-${range.id}`,
      system: "CPT",
      category: range.category,
      label: range.subsection ?? range.section,
      section: range.subsection ? range.section : null,
      from_code: range.from_code,
      to_code: range.to_code ?? openEnd(range.from_code),
      note: range.note ?? null,
      confidence: range.confidence ?? "high",
      specialties: range.specialties ?? [],
    });
  }
  for (const range of hcpcsPrefixes) {
    // D codes belong to the ADA (CDT) and are not ours to publish.
    if (range.from_code.startsWith("D")) continue;
    rows.push({
      ref: `hcpcs-${range.from_code}-${range.to_code}`.toLowerCase(),
      system: "HCPCS",
      category: "Level II",
      label: range.category,
      section: null,
      from_code: range.from_code,
      to_code: range.to_code,
      note: null,
      confidence: range.confidence ?? "medium",
      specialties: range.specialty ? [range.specialty] : [],
    });
  }
  for (const chapter of icd10cmChapters) {
    rows.push({
      ref: `icd10cm-ch${chapter.chapter}`,
      system: "ICD-10-CM",
      category: `Chapter ${chapter.chapter}`,
      label: chapter.title,
      section: null,
      from_code: chapter.from_code,
      to_code: chapter.to_code,
      note: null,
      confidence: "high",
      specialties: chapter.specialties ?? [],
    });
  }
  const pcsOther = icd10pcs.other_sections_to_specialty as Record<string, string>;
  for (const [key, title] of Object.entries(icd10pcs.sections as Record<string, string>)) {
    rows.push({
      ref: `icd10pcs-${key}`.toLowerCase(),
      system: "ICD-10-PCS",
      category: "Section",
      label: title,
      section: null,
      from_code: key,
      to_code: key,
      note: null,
      confidence: "high",
      specialties: pcsOther[key] ? pcsOther[key].split("/") : [],
    });
  }
  const bodySystems = icd10pcs.medsurg_body_system_to_specialty as Record<string, string>;
  for (const [key, slugs] of Object.entries(bodySystems)) {
    rows.push({
      ref: `icd10pcs-${key}`.toLowerCase(),
      system: "ICD-10-PCS",
      category: "Medical and Surgical body system",
      label: `Medical and Surgical, body system ${key[1]}`,
      section: "Medical and Surgical",
      from_code: key,
      to_code: key,
      note: null,
      confidence: "medium",
      specialties: slugs.split("/"),
    });
  }
  return rows;
}

/** Single Category III codes from the curated examples ("0623T-0626T" expands to four). */
export function referenceCodes() {
  return cat3Examples.flatMap((entry) => {
    const [from, to = from] = entry.codes.split("-");
    const start = Number.parseInt(from, 10);
    const end = Number.parseInt(to, 10);
    const replaced = /replaced by (?:Category I )?(\d{5})/.exec(entry.status ?? "");
    return Array.from({ length: end - start + 1 }, (_, i) => ({
      code: `${String(start + i).padStart(4, "0")}T`,
      system: "CPT",
      topic: entry.topic.replace(/\s*\u2014\s*paraphrase, not AMA text$/, ""),
      status: entry.status === "verify" ? null : entry.status,
      replaced_by: replaced ? replaced[1] : null,
      confidence: entry.confidence,
      specialties: entry.specialties,
    }));
  });
}

function parseSpecialtyRange(range: string) {
  // "ICD-10-CM:A00-Z99 (CMS-HCC mapped)": a note after the range does not hide it.
  const match = /^(CPT|HCPCS|ICD-10-CM|ICD-10-PCS):([0-9A-Z]+)-([0-9A-Z]+)(?:\s*\(.*\))?$/.exec(
    range,
  );
  return match ? { system: match[1], from_code: match[2], to_code: match[3] } : null;
}

export async function seedReference(db: Kysely<DB>) {
  await db.transaction().execute(async (trx) => {
    for (const s of specialties) {
      const summary = specialtySummaries[s.slug];
      if (!summary) throw new Error(`no summary written for specialty ${s.slug}`);
      await trx
        .insertInto("specialties")
        .values({
          slug: s.slug,
          name: s.name,
          group: s.group,
          summary,
          verify_note: s.verify ?? null,
        })
        .onConflict((oc) =>
          oc.column("slug").doUpdateSet((eb) => ({
            name: eb.ref("excluded.name"),
            group: eb.ref("excluded.group"),
            summary: eb.ref("excluded.summary"),
            verify_note: eb.ref("excluded.verify_note"),
          })),
        )
        .execute();
    }
    const specialtyIds = new Map(
      (await trx.selectFrom("specialties").select(["id", "slug"]).execute()).map((r) => [
        r.slug,
        r.id,
      ]),
    );
    const idOf = (slug: string) => {
      const id = specialtyIds.get(slug);
      if (!id) throw new Error(`reference data names an unknown specialty: ${slug}`);
      return id;
    };

    await trx.deleteFrom("specialty_code_ranges").execute();
    const specialtyRanges = specialties.flatMap((s) =>
      s.code_ranges.flatMap((range) => {
        const parsed = parseSpecialtyRange(range);
        return parsed ? [{ specialty_id: idOf(s.slug), ...parsed }] : [];
      }),
    );
    await trx
      .insertInto("specialty_code_ranges")
      .values(specialtyRanges)
      .onConflict((oc) => oc.doNothing())
      .execute();

    for (const c of credentials) {
      await trx
        .insertInto("credentials")
        .values({
          code: c.code,
          slug: c.code.toLowerCase(),
          name: c.name,
          issuer: c.issuer,
          focus: c.focus ?? null,
        })
        .onConflict((oc) =>
          oc.column("code").doUpdateSet((eb) => ({
            name: eb.ref("excluded.name"),
            issuer: eb.ref("excluded.issuer"),
            focus: eb.ref("excluded.focus"),
          })),
        )
        .execute();
    }
    const credentialIds = new Map(
      (await trx.selectFrom("credentials").select(["id", "code"]).execute()).map((r) => [
        r.code,
        r.id,
      ]),
    );
    const pairs = new Set<string>();
    for (const c of credentials) for (const slug of c.specialties) pairs.add(`${c.code}|${slug}`);
    for (const s of specialties) for (const code of s.credentials) pairs.add(`${code}|${s.slug}`);
    await trx.deleteFrom("credential_specialties").execute();
    const credentialLinks = [...pairs].flatMap((pair) => {
      const [code, slug] = pair.split("|");
      const credentialId = credentialIds.get(code);
      return credentialId && specialtyIds.has(slug)
        ? [{ credential_id: credentialId, specialty_id: idOf(slug) }]
        : [];
    });
    await trx.insertInto("credential_specialties").values(credentialLinks).execute();

    for (const { specialties: slugs, ...range } of referenceRanges()) {
      const { id } = await trx
        .insertInto("code_ranges")
        .values({ ...range, verified: range.confidence === "high" })
        .onConflict((oc) =>
          oc.column("ref").doUpdateSet((eb) => ({
            label: eb.ref("excluded.label"),
            section: eb.ref("excluded.section"),
            category: eb.ref("excluded.category"),
            from_code: eb.ref("excluded.from_code"),
            to_code: eb.ref("excluded.to_code"),
            note: eb.ref("excluded.note"),
            confidence: eb.ref("excluded.confidence"),
            verified: eb.ref("excluded.verified"),
          })),
        )
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx.deleteFrom("code_range_specialties").where("code_range_id", "=", id).execute();
      const links = slugs
        .filter((slug) => specialtyIds.has(slug))
        .map((slug) => ({ code_range_id: id, specialty_id: idOf(slug) }));
      if (links.length) await trx.insertInto("code_range_specialties").values(links).execute();
    }

    for (const { specialties: slugs, ...code } of referenceCodes()) {
      await trx
        .insertInto("codes")
        .values(code)
        .onConflict((oc) =>
          oc.column("code").doUpdateSet((eb) => ({
            topic: eb.ref("excluded.topic"),
            status: eb.ref("excluded.status"),
            replaced_by: eb.ref("excluded.replaced_by"),
            confidence: eb.ref("excluded.confidence"),
          })),
        )
        .execute();
      await trx.deleteFrom("code_specialties").where("code", "=", code.code).execute();
      await trx
        .insertInto("code_specialties")
        .values(slugs.map((slug) => ({ code: code.code, specialty_id: idOf(slug) })))
        .execute();
    }
  });
  await seedPlaces(db);
}
