// Why a specialty is suggested, in words an employer reads on the posting form. Code labels are
// our own range labels (code_ranges), never the code set's descriptors.
import type { TagReason } from "./tagging.server";

/** "a", "a and b", "a, b and c". */
export function andList(items: string[]) {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/**
 * One sentence per kind of reason, codes grouped by their range:
 * "names 99213 and 99214 (Office or other outpatient services)", "asks for CIC",
 * "mentions “emergency department” in the title".
 */
export function describeReasons(reasons: TagReason[]): string[] {
  const byLabel = new Map<string, string[]>();
  const credentials: string[] = [];
  const keywords = { title: [] as string[], description: [] as string[] };
  for (const reason of reasons) {
    if (reason.kind === "code") {
      const key = reason.label ?? "";
      const list = byLabel.get(key) ?? [];
      if (!list.includes(reason.code)) list.push(reason.code);
      byLabel.set(key, list);
    } else if (reason.kind === "credential") {
      if (!credentials.includes(reason.code)) credentials.push(reason.code);
    } else {
      const list = keywords[reason.where];
      if (!list.includes(reason.keyword)) list.push(reason.keyword);
    }
  }
  const lines: string[] = [];
  for (const where of ["title", "description"] as const) {
    const words = keywords[where];
    if (words.length) lines.push(`mentions ${andList(words.map((w) => `“${w}”`))} in the ${where}`);
  }
  for (const [label, codes] of byLabel)
    lines.push(`names ${andList(codes)}${label ? ` (${label})` : ""}`);
  if (credentials.length) lines.push(`asks for ${andList(credentials)}`);
  return lines;
}
