import { z } from "zod";
import { formatNumber } from "~/utils/intl";
import { idField, textArea, textField } from "~/utils/text-fields";

// Operators' forms and the public report form: shared by the pages (client hints) and their
// actions (the check).

export const REPORT_REASONS = {
  scam: "Scam or fake job",
  fees: "Asks applicants to pay",
  misleading: "Misleading pay, location or details",
  not_coding: "Not a medical coding job",
  discriminatory: "Discriminatory",
  duplicate: "Duplicate or spam",
  other: "Something else",
} as const;
export type ReportReason = keyof typeof REPORT_REASONS;

const reasonText = (what: string, max = 2000) =>
  textArea({ error: `Write the ${what}.` })
    .trim()
    .min(3, `Write the ${what} (at least 3 characters).`)
    .max(max, `Use at most ${formatNumber(max)} characters.`);

export const ReportSchema = z.object({
  reason: z.enum(Object.keys(REPORT_REASONS) as [ReportReason], {
    error: "Choose what is wrong with this job.",
  }),
  note: textArea().trim().max(2000, "Use at most 2,000 characters.").optional(),
  website: textField().optional(), // honeypot
});

export const ReviewDecisionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("approve") }),
  z.object({ intent: z.literal("reject"), reason: reasonText("reason the employer will read") }),
  z.object({ intent: z.literal("changes"), note: reasonText("changes the employer should make") }),
]);

export const ReportDecisionSchema = z.object({
  intent: z.enum(["dismiss", "remove"]),
  jobId: idField(),
  note: textArea().trim().max(2000).optional(),
});

export const SpamRuleSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("add"),
    kind: z.enum(["domain", "phrase"], { error: "Choose a domain or a phrase." }),
    value: textField({ error: "Type the domain or phrase." })
      .trim()
      .toLowerCase()
      .min(2, "Use at least 2 characters.")
      .max(200, "Use at most 200 characters."),
    note: textField().trim().max(300).optional(),
  }),
  z.object({ intent: z.literal("remove"), ruleId: idField() }),
  z.object({
    intent: z.literal("settings"),
    maxLinks: textField({ error: "Use a whole number from 0 to 100." })
      .trim()
      .regex(/^\d{1,3}$/, "Use a whole number from 0 to 100.")
      .transform(Number)
      .refine((n) => n <= 100, "Use a whole number from 0 to 100."),
    flagOffsiteContact: z.preprocess((v) => v === "on", z.boolean()),
    flagApplicantFees: z.preprocess((v) => v === "on", z.boolean()),
  }),
]);

export const SuspendSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("suspend"), reason: reasonText("reason they will see") }),
  z.object({ intent: z.literal("unsuspend") }),
]);

export const ORDER_STATUSES = [
  "pending",
  "processing",
  "paid",
  "failed",
  "refunded",
  "disputed",
] as const;

export const RefundSchema = z.object({
  orderId: idField(),
  reason: reasonText("reason for the refund", 500),
});

export const VerificationDecisionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("grant"),
    requestId: idField(),
    note: textArea().trim().max(2000).optional(),
  }),
  z.object({
    intent: z.literal("refuse"),
    requestId: idField(),
    note: reasonText("reason the company will read"),
  }),
]);

export const CREDENTIAL_CHECK_METHODS = {
  issuer_directory: "Issuer's public directory (AAPC or AHIMA member look-up)",
  issuer_letter: "Certificate or letter from the issuer, checked with the issuer",
  issuer_contact: "Confirmed by the issuer by phone or email",
} as const;

export const CredentialCheckSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("verify"),
    credentialId: idField(),
    method: z.enum(
      Object.keys(CREDENTIAL_CHECK_METHODS) as [keyof typeof CREDENTIAL_CHECK_METHODS],
      {
        error: "Say how you checked it.",
      },
    ),
    note: textField().trim().max(500).optional(),
  }),
  z.object({
    intent: z.literal("unverify"),
    credentialId: idField(),
    note: reasonText("reason", 500),
  }),
]);

/** Every action the audit log records, for its filter. */
export const AUDIT_ACTIONS = [
  "review.approve",
  "review.reject",
  "review.request_changes",
  "review.resubmit",
  "report.dismiss",
  "report.remove",
  "user.suspend",
  "user.unsuspend",
  "company.suspend",
  "company.unsuspend",
  "order.refund",
  "company.verify",
  "company.verification_refused",
  "company.verification_revoked",
  "company.verification_lapsed",
  "credential.verify",
  "credential.unverify",
  "spam_rule.add",
  "spam_rule.remove",
  "spam_settings.update",
  "job.edit",
  "job.close",
  "admin.grant",
] as const;

const isoDate = textField()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(v)));

export const AuditFilterSchema = z.object({
  action: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
  subjectType: z
    .enum(["job", "company", "user", "order", "credential", "spam_rule", "spam_settings"])
    .optional()
    .catch(undefined),
  subjectId: idField().optional().catch(undefined),
  companyId: idField().optional().catch(undefined),
  actor: textField().trim().max(120).optional().catch(undefined),
  from: isoDate.optional().catch(undefined),
  to: isoDate.optional().catch(undefined),
  before: idField().optional().catch(undefined),
});
