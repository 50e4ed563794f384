import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { resendVerification, verifyEmail } from "~/auth/accounts.server";
import { getAuth, requireUser } from "~/auth/guards.server";
import { invalidateUserSessions, startSession } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/notice";
import { redirectWithFlash } from "~/utils/flash.server";

export const meta: MetaFunction = () => [{ title: "Confirm your email | MedCode Jobs" }];

// The emailed link opens this page; the POST spends the token. A GET never does, so mail
// scanners that prefetch links cannot use them up.
export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  return { token };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  if (form.get("intent") === "resend") {
    const user = await requireUser(request);
    const result = await resendVerification(user.id);
    if (!result.ok)
      return data(
        { error: "You asked for several links already. Try again in an hour." },
        { status: 429 },
      );
    return redirectWithFlash("/verify-email", `We sent a new link to ${user.email}.`);
  }
  const token = String(form.get("token") ?? "");
  const result = await verifyEmail(token);
  if (!result.ok) {
    const error =
      result.reason === "email_taken"
        ? "That address now belongs to another account."
        : "This link has expired or was already used. Log in and ask for a new one.";
    return data({ error }, { status: 400 });
  }
  const { session, user } = await getAuth(request);
  if (session && user?.id === result.userId) {
    // A confirmed change of address ends every other session.
    if (result.changedEmail) await invalidateUserSessions(result.userId, { except: session.id });
    throw await redirectWithFlash("/me/settings", "Your email address is confirmed.");
  }
  if (result.changedEmail) await invalidateUserSessions(result.userId);
  throw await redirectWithFlash("/", "Your email address is confirmed: you are signed in.", {
    headers: { "Set-Cookie": await startSession(result.userId) },
  });
}

export default function VerifyEmail() {
  const { token } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="container">
      <section className="card form-card">
        <h1>Confirm your email</h1>
        {actionData?.error ? <Notice kind="error">{actionData.error}</Notice> : null}
        {token ? (
          <Form method="post">
            <input type="hidden" name="token" value={token} />
            <p>One click to confirm this address and sign in.</p>
            <button type="submit" className="button">
              Confirm my email
            </button>
          </Form>
        ) : (
          <p>
            Open the link we emailed you. No email? <Link to="/login">Log in</Link> and ask for a
            new one.
          </p>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
