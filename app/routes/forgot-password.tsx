import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, data, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { requestPasswordReset } from "~/auth/accounts.server";
import { ForgotPasswordSchema } from "~/auth/auth-schemas";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, Field, Honeypot } from "~/components/forms";
import { LocalEmailsHint } from "~/components/local-emails";
import { Notice } from "~/components/notice";

export const meta: MetaFunction = () => [{ title: "Reset your password | MedCode Jobs" }];

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: ForgotPasswordSchema });
  if (submission.status !== "success")
    return data({ result: submission.reply(), sentTo: null }, { status: 400 });
  const { email, website } = submission.value;
  if (!website) {
    const result = await requestPasswordReset({ email, ip: context.clientIp });
    if (!result.ok) {
      return data(
        {
          result: submission.reply({ formErrors: ["Too many requests. Try again later."] }),
          sentTo: null,
        },
        { status: 429 },
      );
    }
  }
  // The same answer whether or not the address has an account.
  return { result: submission.reply({ resetForm: true }), sentTo: email };
}

export default function ForgotPassword() {
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ForgotPasswordSchema }),
  });
  return (
    <div className="container">
      <section className="card form-card">
        <h1>Reset your password</h1>
        {actionData?.sentTo ? (
          <Notice kind="success">
            If {actionData.sentTo} has an account, a reset link is on its way. It works for 30
            minutes.
          </Notice>
        ) : null}
        {actionData?.sentTo ? <LocalEmailsHint /> : null}
        <Form method="post" {...getFormProps(form)}>
          <ErrorList id={form.errorId} errors={form.errors} />
          <Field label="Email" meta={fields.email} type="email" autoComplete="email" />
          <Honeypot />
          <button type="submit" className="button">
            Email me a link
          </button>
        </Form>
        <p>
          <Link to="/login">Back to log in</Link>
        </p>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
