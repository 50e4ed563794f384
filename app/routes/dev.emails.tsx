import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { requireDevAccess } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { emailPreviewEnabled, listRecentEmails } from "~/email/outbox.server";

export const meta: MetaFunction = () => [
  { title: "Captured emails | MedCode Jobs" },
  { name: "robots", content: "noindex" },
];

/** Local stand-in for Resend: every email the site would have sent, newest first. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  if (!emailPreviewEnabled()) throw data("Not found", { status: 404 });
  await requireDevAccess(request, context);
  const emails = await listRecentEmails();
  return {
    emails: emails.map(({ headers, ...email }) => ({
      ...email,
      // The one-click unsubscribe address mail providers would POST to (alert emails).
      unsubscribe:
        /^<(.+)>$/.exec(
          (headers as Record<string, string> | null)?.["List-Unsubscribe"] ?? "",
        )?.[1] ?? null,
      created_at: email.created_at.toISOString(),
    })),
  };
}

export default function DevEmails() {
  const { emails } = useLoaderData<typeof loader>();
  return (
    <div className="container narrow">
      <h1>Captured emails</h1>
      <p className="muted">
        No <code>RESEND_API_KEY</code> is set, so the worker keeps emails here instead of sending
        them. Newest first; the latest 100.
      </p>
      {emails.length === 0 ? (
        <p>No emails yet. Sign up or reset a password and they will appear here.</p>
      ) : (
        <ol className="job-list">
          {emails.map((email) => (
            <li key={email.id} className="card">
              <h2>
                <a href={`/dev/emails/${email.id}`}>{email.subject ?? "(not rendered yet)"}</a>
              </h2>
              <p className="muted">
                To {email.to_address} · <time dateTime={email.created_at}>{email.created_at}</time>{" "}
                · {email.template} · <span className="tag">{email.state}</span>
              </p>
              {email.unsubscribe ? (
                <p className="muted small">
                  List-Unsubscribe (one-click POST): <code>{email.unsubscribe}</code>
                </p>
              ) : null}
              <details>
                <summary>Plain-text part</summary>
                <pre style={{ whiteSpace: "pre-wrap" }}>
                  {email.text === null ? (
                    "Not rendered yet: the worker renders this email when it delivers it."
                  ) : (
                    <Linkified text={email.text} />
                  )}
                </pre>
              </details>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/** Plain text with its web links made clickable, so a verification link can be followed. */
function Linkified({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s<>"]+)/g);
  return parts.map((part, i) =>
    i % 2 === 1 ? (
      <a key={i} href={part}>
        {part}
      </a>
    ) : (
      <Fragment key={i}>{part}</Fragment>
    ),
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
