// The suspend/unsuspend form's action, shared by the company and the person pages.
import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "@remix-run/node";
import { askToConfirm, isConfirmed } from "~/utils/confirm.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { SuspendSchema } from "./admin-schemas";
import type { Actor } from "./audit.server";
import { type SuspendTarget, setSuspension } from "./suspension.server";

export async function handleSuspensionForm(
  formData: FormData,
  { target, actor, page }: { target: SuspendTarget; actor: Actor; page: string },
) {
  const submission = parseWithZod(formData, { schema: SuspendSchema });
  if (submission.status !== "success") {
    return data(
      {
        suspendError: "Write the reason they will see (at least 3 characters).",
        typed: String(formData.get("reason") ?? ""),
      },
      { status: 400 },
    );
  }
  const input = submission.value;
  const what = target.kind === "company" ? "company" : "account";
  if (input.intent === "suspend" && !isConfirmed(formData)) {
    return askToConfirm(formData, {
      title: `Suspend this ${what}?`,
      message: `Its jobs leave every public list at once and its sessions end. Reason they will see: “${input.reason}”.`,
      confirmLabel: `Yes, suspend this ${what}`,
      cancelHref: page,
    });
  }
  const result = await setSuspension({
    target,
    actor,
    reason: input.intent === "suspend" ? input.reason : null,
  });
  if (!result.ok) {
    const messages = {
      not_found: `There is no such ${what}.`,
      already: "Nothing changed: it was already in that state.",
      self: "You cannot suspend your own account.",
    } as const;
    return redirectWithFlash(page, { kind: "info", message: messages[result.reason] });
  }
  const jobs = input.intent === "suspend" ? result.held : result.released;
  return redirectWithFlash(
    page,
    input.intent === "suspend"
      ? `Suspended: ${jobs} live ${jobs === 1 ? "job" : "jobs"} taken out of every public list, ${result.sessionsEnded} ${result.sessionsEnded === 1 ? "session" : "sessions"} ended.`
      : `Unsuspended: ${jobs} ${jobs === 1 ? "job is" : "jobs are"} back, with the days that were left.`,
  );
}
