import { z } from "zod";

// Shared by the forms (client-side hints) and the actions (the real check).
const email = z.email("Enter an email address like name@example.com.").max(254).trim();
const newPassword = z
  .string({ error: "Choose a password." })
  .min(8, "Use at least 8 characters.")
  .max(128, "Use at most 128 characters.");

export const LoginSchema = z.object({
  email: z.string({ error: "Enter your email address." }).pipe(email),
  password: z.string({ error: "Enter your password." }).max(1024),
  redirectTo: z.string().optional(),
});

export const SignupSchema = z
  .object({
    name: z.string({ error: "Tell us your name." }).trim().min(1, "Tell us your name.").max(120),
    email: z.string({ error: "Enter your email address." }).pipe(email),
    password: newPassword,
    role: z.enum(["candidate", "employer"], { error: "Choose what you are here for." }),
    companyName: z.string().trim().max(160).optional(),
    website: z.string().optional(), // honeypot: people never fill it
  })
  .superRefine((value, ctx) => {
    if (value.role === "employer" && !value.companyName) {
      ctx.addIssue({ code: "custom", path: ["companyName"], message: "Name your company." });
    }
  });

export const ForgotPasswordSchema = z.object({
  email: z.string({ error: "Enter your email address." }).pipe(email),
  website: z.string().optional(),
});

export const ResetPasswordSchema = z
  .object({
    token: z.string().min(1),
    password: newPassword,
    confirm: z.string({ error: "Type the password again." }),
  })
  .refine((v) => v.password === v.confirm, {
    path: ["confirm"],
    message: "The two passwords differ.",
  });

export const ChangePasswordSchema = z
  .object({
    intent: z.literal("change-password"),
    current: z.string({ error: "Enter your current password." }),
    password: newPassword,
    confirm: z.string({ error: "Type the new password again." }),
  })
  .refine((v) => v.password === v.confirm, {
    path: ["confirm"],
    message: "The two passwords differ.",
  });

export const ChangeEmailSchema = z.object({
  intent: z.literal("change-email"),
  email: z.string({ error: "Enter the new address." }).pipe(email),
  password: z.string({ error: "Enter your current password." }),
});

export const DeleteAccountSchema = z.object({
  intent: z.literal("delete-account"),
  password: z.string({ error: "Enter your password to confirm." }),
  confirm: z.literal("delete", { error: 'Type "delete" to confirm.' }),
});

export const InviteSchema = z.object({
  intent: z.literal("invite"),
  email: z.string({ error: "Enter their email address." }).pipe(email),
  role: z.enum(["owner", "recruiter"]),
});

export const AcceptInviteSchema = z.object({
  name: z.string({ error: "Tell us your name." }).trim().min(1, "Tell us your name.").max(120),
  password: newPassword,
});
