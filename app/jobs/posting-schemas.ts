// The job posting form: one field list shared by the browser (hints) and the action (the real
// check). A draft only needs a title, and whatever else it has must be well-formed; a job
// that goes live needs everything a coder reads before applying.
import { z } from "zod";
import { textArea, textField, webAddress } from "~/utils/text-fields";
import { US_STATES } from "~/utils/us-states";

export { US_STATES } from "~/utils/us-states";

export const MAX_QUESTIONS = 5;

const text = (max: number, tooLong: string) => textField().trim().max(max, tooLong);

const question = z.object({
  prompt: text(300, "Keep each question under 300 characters.").optional(),
  kind: z.enum(["yes_no", "text"]).default("yes_no"),
});

const fields = {
  intent: textField().max(40).optional(),
  title: textField({ error: "Give the job a title." })
    .trim()
    .min(3, "Use at least 3 characters.")
    .max(120, "Keep the title under 120 characters."),
  description: textArea()
    .trim()
    .max(20_000, "Keep the description under 20,000 characters.")
    .optional(),
  specialties: z.array(textField().max(80)).max(6, "Pick at most 6 specialties.").optional(),
  // The suggestions the form showed, and those left ticked (kept); the rest are removed.
  suggested: z.array(textField().max(80)).max(40).optional(),
  keepSuggested: z.array(textField().max(80)).max(40).optional(),
  credRequired: z.array(textField().max(20)).max(10).optional(),
  credPreferred: z.array(textField().max(20)).max(10).optional(),
  setting: z
    .enum(["remote", "hybrid", "onsite"], { error: "Choose remote, hybrid or on-site." })
    .optional(),
  city: text(80, "Keep the city under 80 characters.").optional(),
  state: z.enum(US_STATES, { error: "Use a two-letter state code, like FL." }).optional(),
  zip: textField()
    .trim()
    .regex(/^\d{5}$/, "Use a 5-digit ZIP code.")
    .optional(),
  remoteStates: text(400, "Too long.").optional(),
  employmentType: z
    .enum(["full_time", "part_time", "contract", "per_diem", "temporary"], {
      error: "Choose a type.",
    })
    .optional(),
  level: z.enum(["entry", "mid", "senior", "lead"], { error: "Choose a level." }).optional(),
  yearsExperience: z
    .number({ error: "Enter a number of years." })
    .int("Use whole years.")
    .min(0, "Use 0 or more.")
    .max(40, "Use 40 or fewer.")
    .optional(),
  salaryPeriod: z.enum(["hour", "year"], { error: "Choose per hour or per year." }).optional(),
  salaryMin: z
    .number({ error: "Enter an amount in dollars." })
    .positive("Use an amount above 0.")
    .optional(),
  salaryMax: z
    .number({ error: "Enter an amount in dollars." })
    .positive("Use an amount above 0.")
    .optional(),
  chartsPerDay: z
    .number({ error: "Enter a number of charts." })
    .int("Use a whole number.")
    .min(1, "Use 1 or more.")
    .max(2000, "Use 2,000 or fewer.")
    .optional(),
  accuracyPct: z
    .number({ error: "Enter a percentage." })
    .min(50, "Use a percentage from 50 to 100.")
    .max(100, "Use a percentage from 50 to 100.")
    .optional(),
  applyMethod: z.enum(["site", "url", "email"]).default("site"),
  applyUrl: webAddress(500).optional(),
  applyEmail: textField()
    .trim()
    .pipe(z.email("Enter an email address like jobs@example.com.").max(254))
    .optional(),
  questions: z
    .array(question)
    .max(MAX_QUESTIONS, `Ask at most ${MAX_QUESTIONS} questions.`)
    .optional(),
};

type Values = z.infer<z.ZodObject<typeof fields>>;

function parseStates(raw: string | undefined) {
  return [
    ...new Set(
      (raw ?? "")
        .split(/[\s,;]+/)
        .map((s) => s.trim().toUpperCase())
        .filter(Boolean),
    ),
  ];
}

function wellFormed(value: Values, ctx: z.RefinementCtx) {
  const bad = parseStates(value.remoteStates).filter(
    (s) => !(US_STATES as readonly string[]).includes(s),
  );
  if (bad.length) {
    ctx.addIssue({
      code: "custom",
      path: ["remoteStates"],
      message: `Not a state code: ${bad.join(", ")}.`,
    });
  }
  if (value.salaryMin != null && value.salaryMax != null && value.salaryMax < value.salaryMin) {
    ctx.addIssue({
      code: "custom",
      path: ["salaryMax"],
      message: "The top of the range is below the bottom.",
    });
  }
  if ((value.salaryMin != null || value.salaryMax != null) && !value.salaryPeriod) {
    ctx.addIssue({
      code: "custom",
      path: ["salaryPeriod"],
      message: "Say whether the pay is per hour or per year.",
    });
  }
  if (value.salaryPeriod === "hour") {
    for (const key of ["salaryMin", "salaryMax"] as const) {
      const v = value[key];
      if (v != null && (v < 7 || v > 500)) {
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: "An hourly rate is between $7 and $500.",
        });
      }
    }
  }
  if (value.salaryPeriod === "year") {
    for (const key of ["salaryMin", "salaryMax"] as const) {
      const v = value[key];
      if (v != null && (v < 10_000 || v > 1_000_000)) {
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: "A yearly salary is between $10,000 and $1,000,000.",
        });
      }
    }
  }
}

function complete(value: Values, ctx: z.RefinementCtx) {
  wellFormed(value, ctx);
  const need = (path: keyof Values, message: string) =>
    ctx.addIssue({ code: "custom", path: [path], message });
  if (!value.description || value.description.length < 50) {
    need("description", "Describe the job in at least 50 characters.");
  }
  if (!value.setting) need("setting", "Choose remote, hybrid or on-site.");
  if (!value.employmentType) need("employmentType", "Choose a type.");
  if (!value.level) need("level", "Choose a level.");
  if (
    (value.setting === "onsite" || value.setting === "hybrid") &&
    !value.zip &&
    !(value.city && value.state)
  ) {
    need("city", "Give the city and state, or a ZIP code, of the workplace.");
  }
  if (value.city && !value.state) need("state", "Add the state.");
  if (value.salaryPeriod && value.salaryMin == null && value.salaryMax == null) {
    need("salaryMin", "Enter the pay, or clear the pay period.");
  }
  if (value.applyMethod === "url" && !value.applyUrl)
    need("applyUrl", "Enter the address where coders apply.");
  if (value.applyMethod === "email" && !value.applyEmail)
    need("applyEmail", "Enter the address that receives applications.");
  value.questions?.forEach((q, i) => {
    if (q.prompt != null && q.prompt.length < 5) {
      ctx.addIssue({
        code: "custom",
        path: ["questions", i, "prompt"],
        message: "Write the question in at least 5 characters.",
      });
    }
  });
}

export const JobDraftSchema = z.object(fields).superRefine(wellFormed);
export const JobSchema = z.object(fields).superRefine(complete);

export type JobFormValues = Values;

/**
 * "draft" saves whatever is well-formed and "suggest" (specialties from the typed text, nothing
 * saved) asks no more; every other intent needs a complete job.
 */
export function jobSchemaFor(intent: unknown) {
  return intent === "draft" || intent === "suggest" ? JobDraftSchema : JobSchema;
}

export { parseStates };
