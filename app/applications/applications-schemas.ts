import { z } from "zod";
import { formatNumber } from "~/utils/intl";
import { idField, secretField, textArea, textField } from "~/utils/text-fields";

// Shared by the apply, profile and applicant forms (client hints) and their actions (the check).

export const PIPELINE = ["new", "reviewing", "interview", "offer", "hired"] as const;
export const EMPLOYER_STATUSES = [...PIPELINE, "rejected"] as const;
export const STATUSES = [...EMPLOYER_STATUSES, "withdrawn"] as const;
export type EmployerStatus = (typeof EMPLOYER_STATUSES)[number];
export type ApplicationStatus = (typeof STATUSES)[number];

export const STATUS_LABELS: Record<ApplicationStatus, string> = {
  new: "New",
  reviewing: "Reviewing",
  interview: "Interview",
  offer: "Offer",
  hired: "Hired",
  rejected: "Not selected",
  withdrawn: "Withdrawn",
};

const optionalText = (max: number, message?: string) =>
  textField()
    .trim()
    .max(max, message ?? `Use at most ${max} characters.`)
    .optional();
const optionalParagraphs = (max: number) =>
  textArea()
    .trim()
    .max(max, `Use at most ${formatNumber(max)} characters.`)
    .optional();
const memberNumber = textField()
  .trim()
  .max(40)
  .regex(/^[A-Za-z0-9-]+$/, "Use letters, digits and dashes only.")
  .optional();

const isoDay = textField()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use the date as YYYY-MM-DD.")
  .refine((v) => {
    const date = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(v);
  }, "That date does not exist.");

/** Member number and expiry of one credential the coder holds. */
export const CredentialDetailSchema = z.object({
  memberNumber,
  expiresOn: isoDay.optional(),
});

export type ApplyQuestion = { id: number; kind: string; prompt: string; required: boolean };

/** The apply form for one job: its screening questions, and account fields for a visitor. */
export function applySchema(
  questions: ApplyQuestion[],
  { needsAccount }: { needsAccount: boolean },
) {
  const answers: Record<string, z.ZodType<string | undefined>> = {};
  for (const q of questions) {
    const base =
      q.kind === "yes_no"
        ? z.enum(["yes", "no"], { error: "Choose yes or no." })
        : textArea()
            .trim()
            .min(1, "Answer this question.")
            .max(1000, "Use at most 1,000 characters.");
    answers[`q${q.id}`] = q.required ? base : base.optional();
  }
  return z
    .object({
      resumeFile: textField({ error: "Choose a resume." }).regex(
        /^(new|pending|[1-9]\d{0,9})$/,
        "Choose a resume.",
      ),
      pendingResume: textField().max(64).optional(),
      coverLetter: optionalParagraphs(10_000),
      phone: optionalText(40),
      credentials: z.array(textField().max(20)).max(20).default([]),
      aapcNumber: memberNumber,
      ahimaNumber: memberNumber,
      // Absent when nothing was answered: still check each required question.
      answers: z.preprocess((v) => v ?? {}, z.object(answers)),
      accountMode: needsAccount
        ? z.enum(["signup", "login"], { error: "Choose how to continue." })
        : textField().optional(),
      name: optionalText(120),
      email: needsAccount
        ? textField({ error: "Enter your email address." })
            .trim()
            .pipe(z.email("Enter an email address like name@example.com.").max(254))
        : textField().optional(),
      password: needsAccount
        ? secretField({ error: "Enter a password." })
        : secretField().optional(),
      website: textField().optional(),
    })
    .superRefine((value, ctx) => {
      if (needsAccount && value.accountMode === "signup" && !value.name) {
        ctx.addIssue({ code: "custom", path: ["name"], message: "Tell us your name." });
      }
    });
}

export const ProfileSchema = z.object({
  headline: optionalText(160),
  summary: optionalParagraphs(4000),
  yearsExperience: textField()
    .trim()
    .regex(/^\d{1,2}$/, "Use 0 to 60.")
    .transform(Number)
    .pipe(z.number().max(60, "Use 0 to 60."))
    .optional(),
  phone: optionalText(40),
  city: optionalText(100),
  state: textField()
    .trim()
    .regex(/^[A-Za-z]{2}$/, "Use the two-letter state code, like TX.")
    .optional(),
  zip: textField()
    .trim()
    .regex(/^\d{5}$/, "Use a 5-digit ZIP code.")
    .optional(),
  settingPreference: z.enum(["remote", "hybrid", "onsite", "any"]).optional(),
  credentials: z.array(textField().max(20)).max(30).default([]),
  credentialDetails: z.record(textField().max(20), CredentialDetailSchema).default({}),
  specialties: z.array(textField().max(80)).max(40).default([]),
  codeFamilies: z.array(textField().max(40)).max(40).default([]),
  defaultResume: idField("Choose one of your files.").optional(),
});

export const NoteSchema = z.object({
  intent: z.literal("note"),
  body: textArea({ error: "Write a note first." })
    .trim()
    .min(1, "Write a note first.")
    .max(5000, "Use at most 5,000 characters."),
});

/** What a move did, in words: said only of applicants that actually moved. */
export function moveSummary({
  moved,
  asked,
  to,
}: {
  moved: number;
  asked: number;
  to: EmployerStatus;
}): { kind: "success" | "info"; message: string } {
  const stage = STATUS_LABELS[to];
  if (moved === 0)
    return {
      kind: "info",
      message:
        asked === 1
          ? `Nothing changed: this applicant is already in ${stage} or withdrew.`
          : `Nothing changed: the selected applicants are already in ${stage} or withdrew.`,
    };
  const who = moved === 1 ? "1 applicant" : `${moved} applicants`;
  const rest = asked - moved;
  return {
    kind: "success",
    message: `Moved ${who} to ${stage}.${rest > 0 ? ` ${rest} ${rest === 1 ? "was" : "were"} already there or withdrew.` : ""}`,
  };
}

export const MoveSchema = z.object({
  intent: z.literal("move"),
  to: z.enum(EMPLOYER_STATUSES, { error: "Choose a stage." }),
  ids: z
    .array(idField("Select applicants from the list."))
    .min(1, "Select at least one applicant.")
    .max(500),
});

export const NotificationSettingsSchema = z.object({
  notifyCandidateOnStatus: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
  newApplicationEmail: z.enum(["instant", "daily", "off"], {
    error: "Choose when to hear about applications.",
  }),
});
