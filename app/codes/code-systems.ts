// Code systems by shape: which system a code string belongs to, its canonical spelling, and
// which stored ranges contain it. Pure and client-safe; docs/decisions/010-code-resolution.md
// explains the ambiguous cases.

export type CodeSystem = "CPT" | "HCPCS" | "ICD-10-CM" | "ICD-10-PCS";

export type ParsedCode = {
  system: CodeSystem;
  /** "I", "II", "III", "PLA" for CPT; "Level II" for HCPCS; null for ICD-10. */
  category: string | null;
  /** The one spelling a code page lives at: upper case, ICD-10-CM with its dot. */
  canonical: string;
  /** A human name for the system and category, e.g. "CPT Category III". */
  systemLabel: string;
};

// HCPCS Level II uses these letters; D (dental, CDT) belongs to the ADA and is left out.
const HCPCS_LETTERS = "ABCEGHJKLMPQRSTUV";
// ICD-10-PCS section characters (first of seven).
const PCS_SECTIONS = "0123456789BCDFGHX";

const SYSTEM_LABELS: Record<string, string> = {
  "CPT:I": "CPT Category I",
  "CPT:II": "CPT Category II",
  "CPT:III": "CPT Category III",
  "CPT:PLA": "CPT Proprietary Laboratory Analyses (PLA)",
  "HCPCS:Level II": "HCPCS Level II",
  "ICD-10-CM:": "ICD-10-CM (diagnoses)",
  "ICD-10-PCS:": "ICD-10-PCS (inpatient procedures)",
};

function make(system: CodeSystem, category: string | null, canonical: string): ParsedCode {
  return {
    system,
    category,
    canonical,
    systemLabel: SYSTEM_LABELS[`${system}:${category ?? ""}`],
  };
}

/** The system and canonical form of a code, or null when it fits no supported shape. */
export function parseCode(raw: string | null | undefined): ParsedCode | null {
  if (!raw) return null;
  const code = raw.trim().toUpperCase();
  if (code.length < 3 || code.length > 8) return null;
  if (/^\d{5}$/.test(code)) return make("CPT", "I", code);
  if (/^\d{4}F$/.test(code)) return make("CPT", "II", code);
  if (/^\d{4}T$/.test(code)) return make("CPT", "III", code);
  if (/^\d{4}U$/.test(code)) return make("CPT", "PLA", code);
  if (/^[A-Z]\d{4}$/.test(code) && HCPCS_LETTERS.includes(code[0])) {
    return make("HCPCS", "Level II", code);
  }
  // D + four digits is a CDT (dental) code, the ADA's: no page, rather than a misread ICD code.
  if (/^D\d{4}$/.test(code)) return null;
  // PCS codes are seven characters without a dot (never I or O); a dotless seven-character
  // string that starts with a PCS section character is read as PCS.
  if (/^[0-9A-HJ-NP-Z]{7}$/.test(code) && PCS_SECTIONS.includes(code[0])) {
    return make("ICD-10-PCS", null, code);
  }
  // ICD-10-CM: a letter, a digit, an alphanumeric; then optionally a dot and 1–4 more.
  const cm = /^([A-Z]\d[0-9A-Z])(?:\.?([0-9A-Z]{1,4}))?$/.exec(code);
  if (cm) return make("ICD-10-CM", null, cm[2] ? `${cm[1]}.${cm[2]}` : cm[1]);
  return null;
}

export type RangeLike = { system: string; from_code: string; to_code: string };

const shape = (code: string) => code.replace(/\d/g, "9");

/** Whether a stored range contains the code, comparing only codes of the same shape. */
export function rangeContains(code: ParsedCode, range: RangeLike): boolean {
  if (range.system !== code.system) return false;
  const { from_code: from, to_code: to } = range;
  switch (code.system) {
    case "CPT":
    case "HCPCS": {
      // 0624T only falls in ranges bounded by xxxxT codes; 99213 only in all-digit ranges.
      const s = shape(code.canonical);
      return shape(from) === s && shape(to) === s && from <= code.canonical && code.canonical <= to;
    }
    case "ICD-10-CM": {
      // Chapters are bounded by three-character categories.
      const category = code.canonical.slice(0, 3);
      return from.length === 3 && to.length === 3 && from <= category && category <= to;
    }
    case "ICD-10-PCS":
      // Rows are a section (one character) or, for section 0, a body system (two).
      return from === to && (from === code.canonical[0] || from === code.canonical.slice(0, 2));
  }
}

/** How wide a range is: longer bounds first (a PCS body system inside its section), then span. */
function width(range: RangeLike): [number, number] {
  return [
    -range.from_code.length,
    Number.parseInt(range.to_code, 36) - Number.parseInt(range.from_code, 36),
  ];
}

/** Ranges containing the code, narrowest first. */
export function matchingRanges<R extends RangeLike & { ref?: string }>(
  code: ParsedCode,
  ranges: R[],
): R[] {
  return ranges
    .filter((range) => rangeContains(code, range))
    .sort((a, b) => {
      const [la, sa] = width(a);
      const [lb, sb] = width(b);
      return la - lb || sa - sb || (a.ref ?? "").localeCompare(b.ref ?? "");
    });
}

/** The narrowest range containing the code, or null. */
export function narrowestRange<R extends RangeLike & { ref?: string }>(
  code: ParsedCode,
  ranges: R[],
): R | null {
  return matchingRanges(code, ranges)[0] ?? null;
}

export function codePath(code: string) {
  return `/codes/${encodeURIComponent(code)}`;
}

/** "33016–37799", or one code when both bounds are equal. */
export function formatRange(from: string, to: string) {
  return from === to ? from : `${from}–${to}`;
}

/**
 * The family a code belongs to on a code page: for ICD-10-CM its three-character category
 * (E11 for E11.9: chapters are far too wide); otherwise the narrowest range we track, or the
 * code alone when no range holds it.
 */
export function familyOf(
  code: Pick<ParsedCode, "system" | "canonical">,
  narrowestRef: string | null,
) {
  if (code.system === "ICD-10-CM") return `icd10cm-${code.canonical.slice(0, 3).toLowerCase()}`;
  return narrowestRef ?? `code-${code.canonical.toLowerCase()}`;
}

const SYSTEM_SLUGS: Record<string, string> = {
  CPT: "cpt",
  HCPCS: "hcpcs",
  "ICD-10-CM": "icd10cm",
  "ICD-10-PCS": "icd10pcs",
};

/** The page about a range: /codes/range/cpt-33016-37799. */
export function rangePath(range: RangeLike) {
  const slug = SYSTEM_SLUGS[range.system];
  return `/codes/range/${slug}-${range.from_code}-${range.to_code}`.toLowerCase();
}

/** The range a /codes/range/:key address names, or null when it is not one we could show. */
export function parseRangeKey(key: string): RangeLike | null {
  const match = /^(cpt|hcpcs|icd10cm|icd10pcs)-([0-9a-z]{1,7})-([0-9a-z]{1,7})$/i.exec(key);
  if (!match) return null;
  const system = Object.entries(SYSTEM_SLUGS).find(([, s]) => s === match[1].toLowerCase())?.[0];
  if (!system) return null;
  return { system, from_code: match[2].toUpperCase(), to_code: match[3].toUpperCase() };
}

/** Whether `inner` lies inside `outer` (same system and shape, bounds within). */
export function rangeWithin(inner: RangeLike, outer: RangeLike): boolean {
  if (inner.system !== outer.system) return false;
  if (inner.from_code.length !== outer.from_code.length && inner.system !== "ICD-10-PCS")
    return false;
  if (inner.system === "CPT" || inner.system === "HCPCS") {
    const s = shape(outer.from_code);
    if (shape(inner.from_code) !== s || shape(inner.to_code) !== s) return false;
  }
  if (inner.system === "ICD-10-PCS") {
    const a = inner.from_code.slice(0, outer.from_code.length);
    const b = inner.to_code.slice(0, outer.to_code.length);
    return outer.from_code <= a && b <= outer.to_code;
  }
  return outer.from_code <= inner.from_code && inner.to_code <= outer.to_code;
}
