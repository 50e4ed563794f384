import { parseWithZod } from "@conform-to/zod/v4";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CREDENTIAL_CHECK_METHODS, CredentialCheckSchema } from "~/admin/admin-schemas";
import { listCredentialQueue, setCredentialVerification } from "~/applications/credentials.server";
import { requireAdmin } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/notice";
import { formatDate } from "~/jobs/format";
import { redirectWithFlash } from "~/utils/flash.server";

export const meta: MetaFunction = () => [
  { title: "Credential checks | MedCode Jobs" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const show =
    new URL(request.url).searchParams.get("show") === "verified" ? "verified" : "unverified";
  return { show, credentials: await listCredentialQueue({ status: show }) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireAdmin(request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: CredentialCheckSchema });
  if (submission.status !== "success")
    return data(
      {
        credentialId: Number(formData.get("credentialId")) || null,
        error:
          formData.get("intent") === "unverify"
            ? "Say why the verification is withdrawn (at least 3 characters)."
            : "Choose how you checked the credential.",
      },
      { status: 400 },
    );
  const input = submission.value;
  const result = await setCredentialVerification({
    credentialId: input.credentialId,
    actor: user,
    verified: input.intent === "verify",
    method: input.intent === "verify" ? input.method : undefined,
    note: input.note,
  });
  if (!result.ok)
    throw await redirectWithFlash("/admin/credentials", {
      kind: "info",
      message:
        result.reason === "already"
          ? "Nothing changed: it was already in that state."
          : "No such credential.",
    });
  throw await redirectWithFlash(
    input.intent === "verify" ? "/admin/credentials" : "/admin/credentials?show=verified",
    input.intent === "verify"
      ? "Verified: employers see it as verified on this coder's applications."
      : "Verification withdrawn.",
  );
}

export default function CredentialChecks() {
  const { show, credentials } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <h1>Credential checks</h1>
      <p>
        Coders&apos; credentials with a member number. Look each one up by hand in the issuer&apos;s
        public directory (AAPC&apos;s member directory, AHIMA&apos;s credential verification), check
        the name and the expiry, then record how you checked it. Employers then see the credential
        as verified; it shows as expired after its expiry date, and a change of number or date by
        the coder clears the check.
      </p>
      <p>
        {show === "unverified" ? (
          <Link to="?show=verified">Show verified credentials</Link>
        ) : (
          <Link to="/admin/credentials">Show credentials waiting for a check</Link>
        )}
      </p>
      {actionData?.error ? <Notice kind="error">{actionData.error}</Notice> : null}
      {credentials.length === 0 ? (
        <p>{show === "unverified" ? "Nothing is waiting." : "None verified yet."}</p>
      ) : (
        <table className="table stacked">
          <caption className="visually-hidden">Credentials</caption>
          <thead>
            <tr>
              <th scope="col">Coder</th>
              <th scope="col">Credential</th>
              <th scope="col">Member number</th>
              <th scope="col">Expires</th>
              <th scope="col">{show === "unverified" ? "Record the check" : "Checked"}</th>
            </tr>
          </thead>
          <tbody>
            {credentials.map((c) => (
              <tr key={c.id}>
                <td data-label="Coder">
                  <Link to={`/admin/users/${c.user_id}`}>{c.user_name}</Link>
                </td>
                <td data-label="Credential">
                  {c.code} <span className="muted small">{c.issuer}</span>
                  {c.verify_note ? <div className="muted small">{c.verify_note}</div> : null}
                </td>
                <td data-label="Member number">
                  <code>{c.member_number}</code>
                </td>
                <td data-label="Expires">
                  {c.expires_on ?? "not given"}
                  {c.expired ? <strong> (expired)</strong> : null}
                </td>
                <td>
                  {show === "unverified" ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="verify" />
                      <input type="hidden" name="credentialId" value={c.id} />
                      <label className="visually-hidden" htmlFor={`method-${c.id}`}>
                        How you checked {c.user_name}&apos;s {c.code}
                      </label>
                      <select id={`method-${c.id}`} name="method" defaultValue="issuer_directory">
                        {Object.entries(CREDENTIAL_CHECK_METHODS).map(([value, label]) => (
                          <option key={value} value={value}>
                            {label}
                          </option>
                        ))}
                      </select>
                      <label className="visually-hidden" htmlFor={`note-${c.id}`}>
                        Note
                      </label>
                      <input
                        id={`note-${c.id}`}
                        name="note"
                        placeholder="Note (optional)"
                        maxLength={500}
                      />
                      <button type="submit" className="button">
                        Mark verified
                      </button>
                    </Form>
                  ) : (
                    <>
                      <span className="small">
                        {c.verified_at ? formatDate(c.verified_at) : ""} by{" "}
                        {c.checked_by_name ?? "a former operator"}:{" "}
                        {CREDENTIAL_CHECK_METHODS[
                          c.verification_method as keyof typeof CREDENTIAL_CHECK_METHODS
                        ] ?? c.verification_method}
                        {c.verification_note ? `. ${c.verification_note}` : ""}
                      </span>
                      <Form method="post">
                        <input type="hidden" name="intent" value="unverify" />
                        <input type="hidden" name="credentialId" value={c.id} />
                        <label className="visually-hidden" htmlFor={`why-${c.id}`}>
                          Why withdraw
                        </label>
                        <input
                          id={`why-${c.id}`}
                          name="note"
                          placeholder="Why withdraw"
                          maxLength={500}
                        />
                        <button type="submit" className="button link">
                          Withdraw verification
                        </button>
                      </Form>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
