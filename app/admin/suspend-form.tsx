// Suspend or unsuspend a person or a company: one form for both operator pages.
import { Form } from "@remix-run/react";
import { ConfirmButton } from "~/components/confirm-button";
import { ErrorList } from "~/components/forms";
import { formatDate } from "~/jobs/format";

export function SuspendForm({
  what,
  suspendedAt,
  reason,
  error,
  typed,
}: {
  what: "account" | "company";
  suspendedAt: string | Date | null;
  reason: string | null;
  error?: string | null;
  typed?: string;
}) {
  const consequences =
    what === "company"
      ? "Its jobs leave search, feeds, the sitemap and alerts at once, every member is signed out, and they see this reason when they try to sign in. Unsuspending puts back what was live, with the days that were left."
      : "Their jobs leave search, feeds, the sitemap and alerts at once, they are signed out everywhere, and they see this reason when they try to sign in. Unsuspending puts back what was live, with the days that were left.";
  if (suspendedAt) {
    return (
      <section className="card" aria-labelledby="suspension-title">
        <h2 id="suspension-title">Suspended</h2>
        <p>
          Since {formatDate(suspendedAt)}. Reason shown at sign-in: {reason}
        </p>
        <Form method="post">
          <input type="hidden" name="intent" value="unsuspend" />
          <button type="submit" className="button">
            Unsuspend
          </button>
        </Form>
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby="suspension-title">
      <h2 id="suspension-title">Suspend this {what}</h2>
      <p className="muted">{consequences}</p>
      <Form method="post">
        <div className="field">
          <label htmlFor="suspend-reason">Reason (they will see it)</label>
          <input
            id="suspend-reason"
            name="reason"
            defaultValue={typed}
            maxLength={2000}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "suspend-reason-error" : undefined}
          />
          <ErrorList id="suspend-reason-error" errors={error ? [error] : null} />
        </div>
        <ConfirmButton value="suspend" confirmLabel={`Click again to suspend this ${what}`}>
          Suspend
        </ConfirmButton>
      </Form>
    </section>
  );
}
