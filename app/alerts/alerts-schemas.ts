// Alert forms, shared by the actions (the real check) and the browser (Conform hints).
import { z } from "zod";
import { textField } from "~/utils/text-fields";

export const FREQUENCIES = ["instant", "daily", "weekly"] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const FREQUENCY_LABELS: Record<Frequency, string> = {
  instant: "As soon as a job is posted",
  daily: "Daily, at 7 am",
  weekly: "Weekly, Monday at 7 am",
};

export const DEFAULT_TIME_ZONE = "America/New_York";

/** US time zones a digest can follow (7 am there). */
export const TIME_ZONES = [
  { value: "America/New_York", label: "Eastern" },
  { value: "America/Chicago", label: "Central" },
  { value: "America/Denver", label: "Mountain" },
  { value: "America/Phoenix", label: "Arizona" },
  { value: "America/Los_Angeles", label: "Pacific" },
  { value: "America/Anchorage", label: "Alaska" },
  { value: "Pacific/Honolulu", label: "Hawaii" },
  { value: "America/Puerto_Rico", label: "Atlantic (Puerto Rico)" },
] as const;

export const MAX_ALERT_NAME = 120;
/** Alerts one person (account or address) may hold. */
export const MAX_ALERTS = 25;

const frequency = z.enum(FREQUENCIES, { error: "Choose how often to get emails." });
// An unknown zone (a browser abroad) falls back to the default rather than failing the form.
const timeZone = textField()
  .optional()
  .transform((zone) =>
    TIME_ZONES.some((z) => z.value === zone) ? (zone as string) : DEFAULT_TIME_ZONE,
  );
/** The search itself travels as the /alerts URL's query string (the /jobs parameters). */
export const AccountAlertSchema = z.object({ frequency, timeZone });

export const VisitorAlertSchema = AccountAlertSchema.extend({
  email: textField({ error: "Enter your email address." })
    .trim()
    .toLowerCase()
    .pipe(z.email("Enter an email address like name@example.com.").max(254)),
  website: textField().optional(), // honeypot
});

export const AlertSettingsSchema = z.object({
  name: textField({ error: "Give the alert a name." })
    .trim()
    .min(1, "Give the alert a name.")
    .max(MAX_ALERT_NAME, `Keep the name under ${MAX_ALERT_NAME} characters.`),
  frequency,
  timeZone,
});

/** What the manage pages can do; every other intent is refused. */
export const ALERT_INTENTS = ["settings", "filters", "pause", "resume", "delete"] as const;
export type AlertIntent = (typeof ALERT_INTENTS)[number];
