// What a page needs to offer "email me these jobs": the search as a query string and in
// words, and who is asking (one click for an account, an address for a visitor).
import { getUser } from "~/auth/guards.server";
import { emptyFilters, type SearchFilters, toSearchParams } from "~/search/search-schemas";
import { findAccountAlert } from "./alerts.server";

export type AlertSignup = {
  query: string;
  description: string;
  /** What the alert will and will not include, when the page shows more than it. */
  note?: string;
  /** Why this search cannot become an alert as it stands (the /jobs notes). */
  problems: string[];
  viewer:
    | { kind: "visitor" }
    | { kind: "unverified" }
    | { kind: "account"; email: string; existing: { id: number; name: string } | null };
};

export async function getAlertSignup(
  request: Request,
  input: {
    filters: Partial<SearchFilters>;
    description: string;
    note?: string;
    problems?: string[];
  },
): Promise<AlertSignup> {
  const query = toSearchParams({
    ...emptyFilters,
    ...input.filters,
    page: 1,
    sort: null,
  }).toString();
  const user = await getUser(request);
  const base = {
    query,
    description: input.description,
    note: input.note,
    problems: input.problems ?? [],
  };
  // Alerts belong to coder accounts; anyone else subscribes an address, as a visitor does.
  if (user?.role !== "candidate") return { ...base, viewer: { kind: "visitor" } };
  if (!user.email_verified_at) return { ...base, viewer: { kind: "unverified" } };
  const existing = await findAccountAlert({ userId: user.id, query });
  return { ...base, viewer: { kind: "account", email: user.email, existing: existing ?? null } };
}
