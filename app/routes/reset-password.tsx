import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { checkResetToken, resetPassword } from "~/auth/accounts.server";
import { ResetPasswordSchema } from "~/auth/auth-schemas";
import { passwordProblem } from "~/auth/password-policy.server";
import { startSession } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, Field } from "~/components/forms";

export const meta: MetaFunction = () => [{ title: "Choose a new password | MedCode Jobs" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  return { token, valid: token ? await checkResetToken(token) : false };
}

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: ResetPasswordSchema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password", "confirm"] }), { status: 400 });
  }
  const problem = passwordProblem(submission.value.password);
  if (problem) {
    return data(
      submission.reply({
        fieldErrors: { password: [problem] },
        hideFields: ["password", "confirm"],
      }),
      { status: 400 },
    );
  }
  const result = await resetPassword({
    token: submission.value.token,
    password: submission.value.password,
  });
  if (!result.ok) {
    return data(
      submission.reply({
        formErrors: ["This link has expired or was already used. Ask for a new one."],
        hideFields: ["password", "confirm"],
      }),
      { status: 400 },
    );
  }
  throw redirect("/?password-reset=1", {
    headers: { "Set-Cookie": await startSession(result.userId) },
  });
}

export default function ResetPassword() {
  const { token, valid } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ResetPasswordSchema }),
  });
  if (!valid && !lastResult) {
    return (
      <div className="container">
        <section className="card form-card">
          <h1>This link has expired</h1>
          <p>Reset links work once, for 30 minutes.</p>
          <Link to="/forgot-password" className="button">
            Ask for a new link
          </Link>
        </section>
      </div>
    );
  }
  return (
    <div className="container">
      <section className="card form-card">
        <h1>Choose a new password</h1>
        <Form method="post" {...getFormProps(form)}>
          <ErrorList id={form.errorId} errors={form.errors} />
          <input type="hidden" name="token" value={token} />
          <Field
            label="New password"
            meta={fields.password}
            type="password"
            autoComplete="new-password"
            help="At least 8 characters."
          />
          <Field
            label="New password, again"
            meta={fields.confirm}
            type="password"
            autoComplete="new-password"
          />
          <p className="muted">Every device signed in to this account will be signed out.</p>
          <button type="submit" className="button">
            Save password
          </button>
        </Form>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
