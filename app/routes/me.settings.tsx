import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { deleteAccount } from "~/auth/account-data.server";
import { changePassword, requestEmailChange } from "~/auth/accounts.server";
import { ChangeEmailSchema, ChangePasswordSchema, DeleteAccountSchema } from "~/auth/auth-schemas";
import { requireSession, requireUser } from "~/auth/guards.server";
import { passwordProblem } from "~/auth/password-policy.server";
import { deleteSessionCookie } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, Field } from "~/components/forms";
import { redirectWithFlash } from "~/utils/flash.server";

export const meta: MetaFunction = () => [{ title: "Account settings | MedCode Jobs" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return {
    user: {
      name: user.name,
      email: user.email,
      role: user.role,
      verified: Boolean(user.email_verified_at),
    },
  };
}

type Reply = { form: string; result: SubmissionResult<string[]> };

export async function action({ request }: ActionFunctionArgs) {
  const { session, user } = await requireSession(request);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "change-password") {
    const submission = parseWithZod(formData, { schema: ChangePasswordSchema });
    const hide = { hideFields: ["current", "password", "confirm"] };
    if (submission.status !== "success")
      return data<Reply>({ form: "password", result: submission.reply(hide) }, { status: 400 });
    const problem = passwordProblem(submission.value.password, user);
    if (problem)
      return data<Reply>(
        {
          form: "password",
          result: submission.reply({ ...hide, fieldErrors: { password: [problem] } }),
        },
        { status: 400 },
      );
    const result = await changePassword({
      userId: user.id,
      sessionId: session.id,
      current: submission.value.current,
      next: submission.value.password,
    });
    if (!result.ok)
      return data<Reply>(
        {
          form: "password",
          result: submission.reply({
            ...hide,
            fieldErrors: { current: ["That is not your current password."] },
          }),
        },
        { status: 400 },
      );
    return redirectWithFlash("/me/settings", "Password changed. Other devices were signed out.");
  }
  if (intent === "change-email") {
    const submission = parseWithZod(formData, { schema: ChangeEmailSchema });
    if (submission.status !== "success")
      return data<Reply>(
        { form: "email", result: submission.reply({ hideFields: ["password"] }) },
        { status: 400 },
      );
    const result = await requestEmailChange({
      userId: user.id,
      sessionId: session.id,
      password: submission.value.password,
      newEmail: submission.value.email,
    });
    if (!result.ok)
      return data<Reply>(
        {
          form: "email",
          result: submission.reply({
            hideFields: ["password"],
            fieldErrors: { password: ["That is not your current password."] },
          }),
        },
        { status: 400 },
      );
    return redirectWithFlash(
      "/me/settings",
      `We sent a link to ${submission.value.email}. Your address changes when you open it.`,
    );
  }
  if (intent === "delete-account") {
    const submission = parseWithZod(formData, { schema: DeleteAccountSchema });
    if (submission.status !== "success")
      return data<Reply>(
        { form: "delete", result: submission.reply({ hideFields: ["password"] }) },
        { status: 400 },
      );
    const result = await deleteAccount({ userId: user.id, password: submission.value.password });
    if (!result.ok)
      return data<Reply>(
        {
          form: "delete",
          result: submission.reply({
            hideFields: ["password"],
            fieldErrors: { password: ["That is not your password."] },
          }),
        },
        { status: 400 },
      );
    throw await redirectWithFlash(
      "/",
      "Your account has been deleted. Thank you for using MedCode Jobs.",
      {
        headers: { "Set-Cookie": deleteSessionCookie() },
      },
    );
  }
  throw data("Unknown action.", { status: 400 });
}

export default function Settings() {
  const { user } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const reply = (name: string) => (actionData?.form === name ? actionData : undefined);
  const [passwordForm, passwordFields] = useForm({
    id: "change-password",
    lastResult: reply("password")?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ChangePasswordSchema }),
  });
  const [emailForm, emailFields] = useForm({
    id: "change-email",
    lastResult: reply("email")?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ChangeEmailSchema }),
  });
  const [deleteForm, deleteFields] = useForm({
    id: "delete-account",
    lastResult: reply("delete")?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DeleteAccountSchema }),
  });
  return (
    <div className="container narrow stack">
      <h1>Account settings</h1>
      <p>
        Signed in as <strong>{user.email}</strong> (
        {user.role === "candidate" ? "coder" : user.role})
        {user.verified ? "" : " · not yet confirmed"}
      </p>

      <section className="card" aria-labelledby="password-title">
        <h2 id="password-title">Change password</h2>
        <Form method="post" {...getFormProps(passwordForm)}>
          <input type="hidden" name="intent" value="change-password" />
          <Field
            label="Current password"
            meta={passwordFields.current}
            type="password"
            autoComplete="current-password"
          />
          <Field
            label="New password"
            meta={passwordFields.password}
            type="password"
            autoComplete="new-password"
          />
          <Field
            label="New password, again"
            meta={passwordFields.confirm}
            type="password"
            autoComplete="new-password"
          />
          <button type="submit" className="button">
            Change password
          </button>
        </Form>
      </section>

      <section className="card" aria-labelledby="email-title">
        <h2 id="email-title">Change email</h2>
        <Form method="post" {...getFormProps(emailForm)}>
          <input type="hidden" name="intent" value="change-email" />
          <Field label="New email" meta={emailFields.email} type="email" autoComplete="email" />
          <Field
            label="Current password"
            meta={emailFields.password}
            type="password"
            autoComplete="current-password"
          />
          <button type="submit" className="button">
            Send confirmation link
          </button>
        </Form>
      </section>

      <section className="card" aria-labelledby="data-title">
        <h2 id="data-title">Your data</h2>
        <p>Download everything MedCode Jobs holds about you, as one JSON file.</p>
        <a className="button secondary" href="/me/export.json" download>
          Download my data
        </a>
      </section>

      <section className="card" aria-labelledby="delete-title">
        <h2 id="delete-title" className="danger">
          Delete account
        </h2>
        <p>
          This signs you out everywhere and deletes your account and profile. Employers who already
          received an application keep it, shown as from a deleted candidate. Companies and their
          billing records stay.
        </p>
        <Form method="post" {...getFormProps(deleteForm)}>
          <input type="hidden" name="intent" value="delete-account" />
          <ErrorList id={deleteForm.errorId} errors={deleteForm.errors} />
          <Field
            label="Password"
            meta={deleteFields.password}
            type="password"
            autoComplete="current-password"
          />
          <Field label='Type "delete" to confirm' meta={deleteFields.confirm} />
          <button type="submit" className="button danger">
            Delete my account
          </button>
        </Form>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
