import { z } from "zod";
import { secretField, textField } from "~/utils/text-fields";

// Shared by the forms (client-side hints) and the actions (the real check).
const email = z.email("Enter an email address like name@example.com.").max(254).trim();
const newPassword = secretField({ error: "Choose a password." })
  .min(8, "Use at least 8 characters.")
  .max(128, "Use at most 128 characters.");

export const LoginSchema = z.object({
  email: textField({ error: "Enter your email address." }).pipe(email),
  password: secretField({ error: "Enter your password." }),
  redirectTo: textField().max(2000).optional(),
});

export const SignupSchema = z
  .object({
    name: textField({ error: "Tell us your name." }).trim().min(1, "Tell us your name.").max(120),
    email: textField({ error: "Enter your email address." }).pipe(email),
    password: newPassword,
    role: z.enum(["candidate", "employer"], { error: "Choose what you are here for." }),
    companyName: textField().trim().max(160).optional(),
    website: textField().optional(), // honeypot: people never fill it
  })
  .superRefine((value, ctx) => {
    if (value.role === "employer" && !value.companyName) {
      ctx.addIssue({ code: "custom", path: ["companyName"], message: "Name your company." });
    }
  });

export const ForgotPasswordSchema = z.object({
  email: textField({ error: "Enter your email address." }).pipe(email),
  website: textField().optional(),
});

export const ResetPasswordSchema = z
  .object({
    token: textField().min(1).max(200),
    password: newPassword,
    confirm: secretField({ error: "Type the password again." }),
  })
  .refine((v) => v.password === v.confirm, {
    path: ["confirm"],
    message: "The two passwords differ.",
  });

export const ChangePasswordSchema = z
  .object({
    intent: z.literal("change-password"),
    current: secretField({ error: "Enter your current password." }),
    password: newPassword,
    confirm: secretField({ error: "Type the new password again." }),
  })
  .refine((v) => v.password === v.confirm, {
    path: ["confirm"],
    message: "The two passwords differ.",
  });

export const ChangeEmailSchema = z.object({
  intent: z.literal("change-email"),
  email: textField({ error: "Enter the new address." }).pipe(email),
  password: secretField({ error: "Enter your current password." }),
});

export const DeleteAccountSchema = z.object({
  intent: z.literal("delete-account"),
  password: secretField({ error: "Enter your password to confirm." }),
  confirm: z.literal("delete", { error: 'Type "delete" to confirm.' }),
});

export const InviteSchema = z.object({
  intent: z.literal("invite"),
  email: textField({ error: "Enter their email address." }).pipe(email),
  role: z.enum(["owner", "recruiter"]),
});

export const AcceptInviteSchema = z.object({
  name: textField({ error: "Tell us your name." }).trim().min(1, "Tell us your name.").max(120),
  password: newPassword,
});
