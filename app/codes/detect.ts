// Finds codes, credential abbreviations and specialty keywords in job text. Pure: the
// tagger (app/jobs/tagging.server.ts) and the job page feed it the reference data.
import { type ParsedCode, parseCode } from "./code-systems";

// Word edges that treat "-" and "." as part of a token, so "CPC-A" is not "CPC" and
// "99213.5" is not 99213.
const CODE_PATTERNS: RegExp[] = [
  // CPT Category I (5 digits), II/III/PLA (4 digits + F/T/U).
  /(?<![\w$.,/-])\d{4}[\dFTU](?![\w%]|[.,]\d|-\d{4})/g,
  // HCPCS Level II: letter + 4 digits.
  /(?<![\w.-])[ABCEGHJKLMPQRSTUV]\d{4}(?![\w]|[.,]\d)/g,
  // ICD-10-CM, only with its dot (three-character categories alone are too ambiguous in prose).
  /(?<![\w.-])[A-Z]\d[0-9A-Z]\.[0-9A-Z]{1,4}(?!\w|\.\w|-\w)/g,
];

// "Columbus, OH 43215" is an address, not a CPT code.
const ZIP_CONTEXT = /\b[A-Z]{2}\s+$/;

export type FoundCode = ParsedCode & { index: number };

/** Codes mentioned in a text, in order of first mention, each once. */
export function findCodes(text: string): FoundCode[] {
  const found = new Map<string, FoundCode>();
  for (const pattern of CODE_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const index = match.index ?? 0;
      if (/^\d{5}$/.test(match[0]) && ZIP_CONTEXT.test(text.slice(Math.max(0, index - 8), index)))
        continue;
      const parsed = parseCode(match[0]);
      if (parsed && !found.has(parsed.canonical)) {
        found.set(parsed.canonical, { ...parsed, index });
      }
    }
  }
  return [...found.values()].sort((a, b) => a.index - b.index);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/**
 * A matcher for credential abbreviations (case-sensitive, whole tokens; the longest wins, so
 * "CPC-A" is CPC-A and never CPC; a plural "CPCs" counts).
 */
export function credentialMatcher(codes: string[]) {
  if (codes.length === 0) return () => [] as string[];
  const alternatives = [...codes].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(
    `(?<![A-Za-z0-9-])(${alternatives.join("|")})s?(?![A-Za-z0-9]|-[A-Za-z0-9])`,
    "g",
  );
  return (text: string): string[] => {
    const seen = new Set<string>();
    for (const match of text.matchAll(pattern)) seen.add(match[1]);
    return [...seen];
  };
}

export type Keyword = { slug: string; pattern: RegExp; label: string; titleOnly?: boolean };

const kw = (slug: string, label: string, pattern: RegExp, titleOnly = false): Keyword => ({
  slug,
  label,
  pattern,
  titleOnly,
});
const phrase = (text: string) =>
  new RegExp(`\\b${escapeRegExp(text).replace(/ /g, "[\\s-]+")}\\b`, "i");

/**
 * Words coders and employers use for a specialty. Abbreviations are case-sensitive; words
 * that every posting's boilerplate uses ("billing", "audit", "CDI") only count in the title.
 */
export const SPECIALTY_KEYWORDS: Keyword[] = [
  kw("evaluation-management", "E/M", /(?<![\w/])E\/M(?![\w/])|\bE&M\b/),
  kw("evaluation-management", "evaluation and management", /\bevaluation (?:and|&) management\b/i),
  kw("risk-adjustment-hcc", "risk adjustment", phrase("risk adjustment")),
  kw("risk-adjustment-hcc", "HCC", /\bHCCs?\b/),
  kw("inpatient-facility", "DRG", /\b(?:MS-|APR-)?DRGs?\b/),
  kw("inpatient-facility", "inpatient", /\binpatient\b/i, true),
  kw(
    "inpatient-facility",
    "inpatient coding",
    /\binpatient (?:facility|coding|coders?|stays?|and outpatient)\b|\bacute inpatient\b/i,
  ),
  kw("outpatient-facility", "OPPS", /\bOPPS\b|\bAPCs?\b/),
  kw("outpatient-facility", "hospital outpatient", phrase("hospital outpatient")),
  kw("outpatient-facility", "outpatient", /\boutpatient\b/i, true),
  kw("ambulatory-surgery-center", "ASC", /\bASCs?\b/),
  kw("ambulatory-surgery-center", "surgery center", /\b(?:ambulatory )?surgery cent(?:er|re)s?\b/i),
  kw("emergency-department", "ED", /\bED\b/, true),
  kw("emergency-department", "emergency", /\bemergency (?:department|medicine|room)\b/i),
  kw("interventional-radiology", "IR", /\bIR\b/),
  kw("interventional-radiology", "interventional radiology", phrase("interventional radiology")),
  kw("radiology", "radiology", /(?<!interventional )\b(?:tele)?radiology\b/i),
  kw(
    "radiology",
    "diagnostic imaging",
    /\bdiagnostic imaging\b|(?<!cardiac |cardiovascular )\bimaging coder\b/i,
  ),
  kw("cardiology", "cardiology", /(?<!nuclear )\bcardiology\b/i),
  kw("cardiology", "cath lab", /\bcath(?:eterization)? lab\b|\bcardiac catheterization\b/i),
  kw("cardiology", "electrophysiology", /\belectrophysiology\b/i),
  kw("cardiac-imaging", "cardiac imaging", /\b(?:cardiac|cardiovascular) imaging\b/i),
  kw("cardiac-imaging", "echo", /\becho(?:cardiography)?\b/i),
  kw("cardiac-imaging", "nuclear cardiology", /\bnuclear cardiology\b|\bCCTA\b/i),
  kw("cardiothoracic-vascular-surgery", "cardiothoracic", /\bcardiothoracic\b/i),
  kw("cardiothoracic-vascular-surgery", "vascular surgery", /\bvascular surg(?:ery|ical)\b/i),
  kw("cardiothoracic-vascular-surgery", "CV surgery", /\bCV surgery\b/),
  kw("hematology-oncology", "oncology", /(?<!radiation )\boncology\b|\bhem\/onc\b/i),
  kw("hematology-oncology", "hematology", /\bhematology\b/i),
  kw("hematology-oncology", "infusion", /\binfusions?\b/i, true),
  kw("hematology-oncology", "chemotherapy", /\bchemo(?:therapy)?\b/i),
  kw("radiation-oncology", "radiation oncology", /\bradiation (?:oncology|therapy)\b/i),
  kw("orthopedics", "orthopedics", /\borthopa?edics?\b|\bortho\b|\bsports medicine\b/i),
  kw("general-surgery", "general surgery", phrase("general surgery")),
  kw("plastic-surgery", "plastic surgery", /\bplastics?(?: surgery)?\b|\breconstructive\b/i),
  kw(
    "gastroenterology",
    "gastroenterology",
    /\bgastroenterology\b|(?<!nasal |sinus )\bendoscopy\b/i,
  ),
  kw("gastroenterology", "GI", /\bGI\b/),
  kw("obgyn", "OB/GYN", /\bOB\/GYN\b|\bobstetrics?\b|\bgynecology\b|\bwomen's health\b/i),
  kw("urology", "urology", /\burology\b/i),
  kw("nephrology", "nephrology", /\bnephrology\b|\bdialysis\b(?! access)/i),
  kw("dermatology", "dermatology", /\bdermatology\b|\bMohs\b/i),
  kw(
    "ophthalmology",
    "ophthalmology",
    /\bophthalm(?:ology|ic)\b|\beye (?:care|surgery)\b|\bretina\b|\bcataracts?\b|\bglaucoma\b/i,
  ),
  kw("otolaryngology", "ENT", /\bENT\b/),
  kw("otolaryngology", "otolaryngology", /\botolaryngology\b|\baudiology\b/i),
  kw("neurology-neurosurgery", "neurology", /\bneuro(?:logy|surgery|surgical|diagnostics)\b/i),
  kw("neurology-neurosurgery", "spine", /\bspine\b/i, true),
  kw("pulmonology", "pulmonology", /\bpulmon(?:ology|ary)\b/i),
  kw("pediatrics", "pediatrics", /\bpediatrics?\b|\bchildren's hospital\b/i),
  kw(
    "primary-care",
    "primary care",
    /\bprimary care\b|\bfamily (?:medicine|practice)\b|\binternal medicine\b/i,
  ),
  kw("behavioral-health", "behavioral health", /\bbehavioral health\b|\bpsychiatr(?:y|ic)\b/i),
  kw(
    "pathology-laboratory",
    "pathology",
    /\bpathology\b|\blaboratory\b|\bmolecular diagnostics\b/i,
  ),
  kw(
    "rehab-therapy",
    "therapy services",
    /\b(?:physical|occupational) therapy\b|\bPT\/OT\b|\brehab(?:ilitation)?\b/i,
  ),
  kw(
    "cdi",
    "clinical documentation",
    /\bclinical documentation (?:integrity|improvement|specialist)\b/i,
  ),
  kw("cdi", "CDI", /\bCDI\b/, true),
  kw("auditing-compliance", "auditor", /\baudit(?:or|ing)?\b|\bcompliance\b/i, true),
  kw("auditing-compliance", "DRG validation", /\bDRG validation\b|\bcoding audits?\b/i),
  kw("denials-ar-billing", "denials", /\bdenials?\b|\bA\/R\b|\brevenue cycle\b/i, true),
  // "Coding & Billing Specialist" is a coder who also bills; "Billing Specialist" bills.
  kw("denials-ar-billing", "billing", /^(?!.*\bcod(?:er|ing)\b).*\bbilling\b/i, true),
  kw("hedis-quality", "HEDIS", /\bHEDIS\b/),
  kw("hedis-quality", "quality measures", /\bquality (?:abstraction|measures?)\b/i),
  kw("home-health", "home health", /\bhome health\b|\bhospice\b|\bOASIS\b|\bPDGM\b/i),
  kw(
    "snf-ltc",
    "skilled nursing",
    /\bskilled nursing\b|\bSNF\b|\bMDS\b|\bPDPM\b|\blong-term care\b/i,
  ),
  kw("dme-supplies", "DME", /\bDME(?:POS)?\b/),
  kw("dme-supplies", "orthotics and prosthetics", /\borthotics\b|\bprosthetics\b/i),
  kw("anesthesia", "anesthesia", /\ban(?:a)?esthesia\b|\bCRNA\b/i),
  kw(
    "pain-management",
    "pain management",
    /\bpain (?:management|medicine)\b|\binterventional pain\b/i,
  ),
  kw(
    "profee-physician",
    "professional fee",
    /\bpro-?fee\b|\bprofessional fee\b|\bmultispecialty\b|\bphysician cod(?:er|ing)\b/i,
    true,
  ),
  kw("profee-physician", "multispecialty", /\bmultispecialty\b|\bmulti-specialty physician\b/i),
];

/**
 * The keyword list plus, per specialty, its name when it is one phrase ("Radiation oncology",
 * not "Hematology / oncology") and its slug as words when it has several ("risk adjustment hcc").
 */
export function keywordsFor(specialties: { slug: string; name: string }[]): Keyword[] {
  const extra: Keyword[] = [];
  // A specialty whose own keyword already is its name keeps that keyword's exceptions
  // ("nuclear cardiology" is cardiac imaging, not cardiology).
  const labelled = new Set(SPECIALTY_KEYWORDS.map((k) => `${k.slug}|${k.label.toLowerCase()}`));
  for (const s of specialties) {
    const name = s.name.replace(/\s*\(.*?\)/g, "").trim();
    if (name && !/[/&,]/.test(name) && !labelled.has(`${s.slug}|${name.toLowerCase()}`))
      extra.push(kw(s.slug, name, phrase(name)));
    if (s.slug.includes("-")) {
      const words = s.slug.replace(/-/g, " ");
      extra.push(kw(s.slug, words, phrase(words)));
    }
  }
  return [...SPECIALTY_KEYWORDS, ...extra];
}

export type KeywordHit = { slug: string; label: string; where: "title" | "description" };

/** Specialty keywords in a job's title and description; one hit per specialty and place. */
export function findKeywords(
  { title, description }: { title: string; description: string },
  keywords: Keyword[] = SPECIALTY_KEYWORDS,
): KeywordHit[] {
  const hits = new Map<string, KeywordHit>();
  for (const keyword of keywords) {
    for (const where of ["title", "description"] as const) {
      if (where === "description" && keyword.titleOnly) continue;
      const key = `${keyword.slug}|${where}`;
      if (hits.has(key)) continue;
      if (keyword.pattern.test(where === "title" ? title : description)) {
        hits.set(key, { slug: keyword.slug, label: keyword.label, where });
      }
    }
  }
  return [...hits.values()];
}
