// A search in words ("Remote CPC “risk adjustment” jobs within 50 miles of 43215"): shown on
// /jobs beside the alert sign-up, as an alert's default name and in every alert email.
// Client-safe.
import { EMPLOYMENT_TYPES, LEVELS, SETTINGS } from "~/jobs/format";
import { formatNumber } from "~/utils/intl";
import type { SearchFilters } from "./search-schemas";

export type FilterNames = {
  /** Specialty slug → name. */
  specialty: Record<string, string>;
  /** The employer's name when the search has one. */
  company?: string | null;
  /** The resolved place ("43215 (Columbus, OH)"), else the location as typed. */
  place?: string | null;
};

const either = (words: string[]) =>
  words.length <= 2
    ? words.join(" or ")
    : `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`;

export function describeSearch(filters: SearchFilters, names: FilterNames): string {
  const before: string[] = [];
  const lower = (word: string) => word.toLowerCase();
  if (filters.setting.length) before.push(either(filters.setting.map((s) => lower(SETTINGS[s]))));
  if (filters.level.length)
    before.push(either(filters.level.map((l) => lower(LEVELS[l].replace(" level", "-level")))));
  if (filters.type.length) before.push(either(filters.type.map((t) => lower(EMPLOYMENT_TYPES[t]))));
  if (filters.credential.length) before.push(either(filters.credential));
  if (filters.specialty.length)
    before.push(either(filters.specialty.map((slug) => names.specialty[slug] ?? slug)));
  if (filters.q) before.push(`“${filters.q}”`);

  const after: string[] = [];
  if (filters.company) after.push(`at ${names.company ?? filters.company}`);
  if (filters.salaryMin != null) after.push(`paying $${formatNumber(filters.salaryMin)}+ a year`);
  if (filters.location)
    after.push(`within ${filters.radius} miles of ${names.place ?? filters.location}`);
  if (filters.posted != null)
    after.push(`posted in the last ${filters.posted} ${filters.posted === 1 ? "day" : "days"}`);

  const head = before.length ? `${before.join(" ")} jobs` : after.length ? "Jobs" : "All jobs";
  const sentence = [head, ...after].join(" ");
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
