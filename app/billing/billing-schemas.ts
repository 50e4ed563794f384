import { z } from "zod";
import { textField } from "~/utils/text-fields";

// What the job page's payment buttons send. Unknown plans reach startCheckout as "bad_plan".
export const JobActionSchema = z.object({
  intent: z.enum(["checkout", "upgrade", "credit", "close", "delete", "resubmit"], {
    error: "Unknown action.",
  }),
  plan: textField()
    .regex(/^[a-z0-9_]{1,40}$/)
    .optional()
    .catch(undefined),
});
