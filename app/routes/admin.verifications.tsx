import { parseWithZod } from "@conform-to/zod/v4";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { VerificationDecisionSchema } from "~/admin/admin-schemas";
import { requireAdmin } from "~/auth/guards.server";
import { decideVerification, listVerificationQueue } from "~/companies/verification.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/notice";
import { formatDate } from "~/jobs/format";
import { redirectWithFlash } from "~/utils/flash.server";

export const meta: MetaFunction = () => [
  { title: "Company verification | MedCode Jobs" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return { queue: await listVerificationQueue() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireAdmin(request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: VerificationDecisionSchema });
  if (submission.status !== "success")
    return data(
      {
        requestId: Number(formData.get("requestId")) || null,
        error: "To refuse, write the reason the company will read (at least 3 characters).",
      },
      { status: 400 },
    );
  const decision = submission.value;
  const result = await decideVerification({
    requestId: decision.requestId,
    actor: user,
    grant: decision.intent === "grant",
    note: decision.note,
  });
  if (!result.ok) {
    const messages = {
      not_found: "There is no such request.",
      already: "Nothing changed: this request was already decided.",
      website_changed:
        "Not granted: the company's website has moved to another domain since the request. Refuse it; they can ask again.",
    } as const;
    throw await redirectWithFlash("/admin/verifications", {
      kind: "info",
      message: messages[result.reason],
    });
  }
  throw await redirectWithFlash(
    "/admin/verifications",
    decision.intent === "grant"
      ? "Verified: the badge shows now and the owner has been emailed."
      : "Refused: the owner has been emailed the reason.",
  );
}

export default function Verifications() {
  const { queue } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <h1>Company verification</h1>
      <p>
        Each request below names a work address on the company website&apos;s domain, and the
        address has opened our emailed link. Before granting, check that the website is the
        company&apos;s own (it describes the same organization, and the domain is not a free host or
        a look-alike). A verified company&apos;s jobs skip the review queue unless they trip a spam
        rule.
      </p>
      {actionData?.error ? <Notice kind="error">{actionData.error}</Notice> : null}
      {queue.length === 0 ? (
        <p>No requests are waiting.</p>
      ) : (
        queue.map((r) => (
          <section className="card" key={r.id} aria-labelledby={`verify-${r.id}`}>
            <h2 id={`verify-${r.id}`}>
              <Link to={`/admin/companies/${r.company_id}`}>{r.company_name}</Link>
            </h2>
            <dl className="facts">
              <dt>Website</dt>
              <dd>
                <a href={r.website} rel="nofollow noopener noreferrer" target="_blank">
                  {r.website}
                  <span className="visually-hidden"> (opens in a new tab)</span>
                </a>
                {r.current_website !== r.website ? ` (now ${r.current_website ?? "removed"})` : ""}
              </dd>
              <dt>Domain</dt>
              <dd>{r.domain}</dd>
              <dt>Work address</dt>
              <dd>
                {r.work_email}
                {r.email_confirmed_at ? `, confirmed ${formatDate(r.email_confirmed_at)}` : ""}
              </dd>
              <dt>Asked by</dt>
              <dd>
                {r.requested_by_name} ({r.requested_by_email}) on {formatDate(r.created_at)}
              </dd>
              <dt>Company joined</dt>
              <dd>{formatDate(r.company_created_at)}</dd>
            </dl>
            <div className="decision-forms">
              <Form method="post">
                <input type="hidden" name="intent" value="grant" />
                <input type="hidden" name="requestId" value={r.id} />
                <button type="submit" className="button">
                  Grant the badge
                </button>
              </Form>
              <Form method="post">
                <input type="hidden" name="intent" value="refuse" />
                <input type="hidden" name="requestId" value={r.id} />
                <div className="field">
                  <label htmlFor={`refuse-${r.id}`}>Reason for refusing</label>
                  <input id={`refuse-${r.id}`} name="note" maxLength={2000} />
                </div>
                <button type="submit" className="button secondary">
                  Refuse
                </button>
              </Form>
            </div>
          </section>
        ))
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
