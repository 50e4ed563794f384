// The apply page's workflow: a visitor may log in or create an account in the same post,
// an uploaded resume is checked and kept even when something else is wrong, and the
// application is recorded once.
import { logIn, signUp } from "~/auth/accounts.server";
import { passwordProblem } from "~/auth/password-policy.server";
import { hitAll, LIMITS } from "~/auth/rate-limit.server";
import { startSession } from "~/auth/session.server";
import { claimFile, deleteOwnFile, getPendingFile, storeResume } from "~/files/files.server";
import { uploadedFile } from "~/files/upload.server";
import { getDb } from "~/utils/db.server";
import { recordApplication } from "./applications.server";

export type ApplyValues = {
  resumeFile: string;
  pendingResume?: string;
  coverLetter?: string;
  phone?: string;
  credentials: string[];
  aapcNumber?: string;
  ahimaNumber?: string;
  answers: Record<string, string | undefined>;
  accountMode?: string;
  name?: string;
  email?: string;
  password?: string;
};

/** A resume kept from a failed submission, to offer again without re-uploading. */
export type KeptResume = { fileId: number; name: string } | { token: string; name: string };

export type ApplyOutcome =
  | { ok: true; applicationId: number; created: boolean; setCookie: string | null }
  | {
      ok: false;
      status: 400 | 403 | 410 | 429;
      formErrors?: string[];
      fieldErrors?: Record<string, string[]>;
      kept: KeptResume | null;
      setCookie: string | null;
    };

/**
 * Stores an upload before anything else can fail, so the visitor never chooses the file
 * twice: a signed-in coder's goes to their files, a visitor's waits under a claim token.
 * Visitors' uploads are limited per address before anything is written: anyone can post the
 * form, and each post could store 5 MiB. Unclaimed ones are swept after a day (server/worker.ts).
 */
export async function keepUpload(input: {
  userId: number | null;
  upload: { name: string; bytes: Uint8Array } | null;
  ip: string;
}): Promise<{ kept: KeptResume | null; error: string | null; limited?: true }> {
  if (!input.upload) return { kept: null, error: null };
  if (!input.userId) {
    const rate = await hitAll([[`upload:ip:${input.ip}`, LIMITS.anonymousUploadPerIp]]);
    if (!rate.allowed) {
      return {
        kept: null,
        error: `Too many uploads from your network. Try again in ${Math.ceil(rate.retryAfterSeconds / 60)} minutes, or log in first.`,
        limited: true,
      };
    }
  }
  const stored = await storeResume({ userId: input.userId, ...input.upload });
  if (!stored.ok) return { kept: null, error: stored.message };
  return {
    kept: stored.claimToken
      ? { token: stored.claimToken, name: stored.file.original_name }
      : { fileId: stored.file.id, name: stored.file.original_name },
    error: null,
  };
}

export async function describePending(token: string | undefined): Promise<KeptResume | null> {
  if (!token) return null;
  const file = await getPendingFile(token);
  return file ? { token, name: file.original_name } : null;
}

/**
 * The resume of one apply post: the file just uploaded (kept at once), else the one kept from
 * an earlier failed post, and the one error to show for it, most specific first: too large
 * (413), too many visitors' uploads (429), a refused file, or "new" chosen with no file.
 */
export async function resolveResume(input: {
  formData: FormData;
  sizeError: string | undefined;
  userId: number | null;
  ip: string;
}): Promise<{ kept: KeptResume | null; error: string | null; status: 400 | 413 | 429 }> {
  const { formData } = input;
  const upload = await uploadedFile(formData, "resume");
  const now = await keepUpload({ userId: input.userId, upload, ip: input.ip });
  const pending = String(formData.get("pendingResume") ?? "") || undefined;
  const kept = now.kept ?? (await describePending(pending));
  const error =
    input.sizeError ??
    now.error ??
    (formData.get("resumeFile") === "new" && !kept
      ? "Choose your resume file (PDF or DOCX)."
      : null);
  return { kept, error, status: input.sizeError ? 413 : now.limited ? 429 : 400 };
}

export async function submitApplication(input: {
  jobId: number;
  userId: number | null;
  values: ApplyValues;
  kept: KeptResume | null;
  ip: string;
}): Promise<ApplyOutcome> {
  const { values } = input;
  let kept = input.kept;
  let userId = input.userId;
  let setCookie: string | null = null;
  const fail = (
    status: 400 | 403 | 410 | 429,
    errors: { formErrors?: string[]; fieldErrors?: Record<string, string[]> },
  ): ApplyOutcome => ({ ok: false, status, ...errors, kept, setCookie });

  if (!userId) {
    const email = values.email ?? "";
    const password = values.password ?? "";
    if (values.accountMode === "login") {
      const result = await logIn({ email, password, ip: input.ip });
      if (!result.ok) {
        return result.reason === "rate_limited"
          ? fail(429, {
              formErrors: [
                `Too many attempts. Try again in ${Math.ceil(result.retryAfterSeconds / 60)} minutes.`,
              ],
            })
          : fail(400, {
              fieldErrors: { password: ["That email and password do not match an account."] },
            });
      }
      const user = await getDb()
        .selectFrom("users")
        .select("role")
        .where("id", "=", result.userId)
        .executeTakeFirstOrThrow();
      if (user.role !== "candidate") {
        return fail(403, {
          formErrors: [
            "That is an employer or operator account. Applying needs a coder's account.",
          ],
        });
      }
      userId = result.userId;
    } else {
      const name = values.name ?? "";
      const problem = passwordProblem(password, { email, name });
      if (problem) return fail(400, { fieldErrors: { password: [problem] } });
      const result = await signUp({ name, email, password, role: "candidate", ip: input.ip });
      if (!result.ok) {
        return fail(429, {
          formErrors: [
            `Too many sign-ups from here. Try again in ${Math.ceil(result.retryAfterSeconds / 60)} minutes.`,
          ],
        });
      }
      if (!result.userId) {
        // Decision 012: the apply page says so (sign-up rate limits bound what this reveals).
        return fail(400, {
          fieldErrors: {
            email: [
              'This email already has an account. Choose "I have an account" and enter its password.',
            ],
          },
        });
      }
      userId = result.userId;
    }
    setCookie = await startSession(userId);
  }

  // Resolve the resume: one of theirs, a visitor's upload they now claim, or nothing.
  let resumeFileId: number | null = null;
  let uploadedNow = false;
  if (kept && "token" in kept) {
    const claimed = await claimFile({ token: kept.token, userId });
    if (claimed) {
      kept = { fileId: claimed.id, name: claimed.original_name };
      resumeFileId = claimed.id;
      uploadedNow = values.resumeFile === "new";
    }
  } else if (kept && values.resumeFile === "new") {
    resumeFileId = kept.fileId;
    uploadedNow = true;
  }
  if (!resumeFileId && /^\d+$/.test(values.resumeFile)) resumeFileId = Number(values.resumeFile);
  if (!resumeFileId)
    return fail(400, {
      fieldErrors: { resumeFile: ["Upload your resume (PDF or DOCX) or choose a saved one."] },
    });

  const result = await recordApplication({
    jobId: input.jobId,
    candidateId: userId,
    resumeFileId,
    coverLetter: values.coverLetter,
    phone: values.phone,
    credentials: values.credentials,
    aapcNumber: values.aapcNumber,
    ahimaNumber: values.ahimaNumber,
    answers: values.answers,
  });
  if (!result.ok) {
    return fail(result.reason === "closed" ? 410 : 400, {
      ...(result.reason === "resume"
        ? { fieldErrors: { resumeFile: [result.message] } }
        : { formErrors: [result.message] }),
    });
  }
  // A duplicate submission (double click, many tabs) must not leave a copy of the file behind.
  if (!result.created && uploadedNow) await deleteOwnFile({ userId, fileId: resumeFileId });
  return { ok: true, applicationId: result.applicationId, created: result.created, setCookie };
}
