import { z } from "zod";
import { textArea, textField, webAddress } from "~/utils/text-fields";

export const COMPANY_KINDS = {
  hospital_system: "Hospital or health system",
  physician_group: "Physician group",
  coding_vendor: "Coding company or vendor",
  payer: "Health plan or payer",
  health_tech: "Health technology",
  other: "Other",
} as const;

export const COMPANY_SIZES = [
  "1-10",
  "11-50",
  "51-200",
  "201-1,000",
  "1,001-5,000",
  "5,000+",
] as const;

export const CompanyProfileSchema = z.object({
  name: textField({ error: "Name your company." })
    .trim()
    .min(2, "Use at least 2 characters.")
    .max(160),
  kind: z
    .enum(Object.keys(COMPANY_KINDS) as [keyof typeof COMPANY_KINDS], { error: "Choose a kind." })
    .optional(),
  website: webAddress(300).optional(),
  description: textArea().trim().max(5000, "Keep it under 5,000 characters.").optional(),
  size: z.enum(COMPANY_SIZES, { error: "Choose a size." }).optional(),
  headquarters: textField().trim().max(120, "Keep it under 120 characters.").optional(),
});

export const VerificationRequestSchema = z.object({
  workEmail: textField({ error: "Enter your work email address." })
    .trim()
    .pipe(z.email("Enter an email address like you@yourcompany.com.").max(254)),
});
