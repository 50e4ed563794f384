import { dictionary } from "@zxcvbn-ts/language-common";

// The ~50,000 most common passwords from breach corpora (zxcvbn-ts, MIT), held offline.
const common = new Set<string>(
  (dictionary["passwords-common"] as string[])
    .filter((p) => p.length >= 8)
    .map((p) => p.toLowerCase()),
);

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(
  password: string,
  context: { email?: string; name?: string } = {},
): string | null {
  if (password.length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
  if (password.length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  const lower = password.toLowerCase();
  if (common.has(lower)) {
    return "This password is one of the most common in data breaches. Choose another one.";
  }
  const local = context.email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local))
    return "Don't use your email address in your password.";
  return null;
}
