import { data } from "@remix-run/node";
import type { Confirmation } from "./confirm";

/** True when the person confirmed a destructive action (the two-step button or the confirm page). */
export function isConfirmed(formData: FormData) {
  return formData.get("confirmed") === "yes";
}

/**
 * The answer to an unconfirmed destructive POST: the route renders <ConfirmPage> from it, which
 * sends the same fields again with `confirmed=yes`. Nothing has changed yet.
 */
export function askToConfirm(formData: FormData, question: Omit<Confirmation, "fields">) {
  const fields: [string, string][] = [];
  for (const [name, value] of formData) {
    if (name !== "confirmed" && typeof value === "string") fields.push([name, value]);
  }
  return data({ confirmation: { ...question, fields } satisfies Confirmation });
}
