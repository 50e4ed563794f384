import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { logIn } from "~/auth/accounts.server";
import { LoginSchema } from "~/auth/auth-schemas";
import { requireAnonymous } from "~/auth/guards.server";
import { startSession } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, Field } from "~/components/forms";
import { safeRedirect } from "~/utils/http";

export const meta: MetaFunction = () => [
  { title: "Log in | MedCode Jobs" },
  {
    name: "description",
    content: "Log in to MedCode Jobs to apply, save jobs and manage postings.",
  },
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const submission = parseWithZod(await request.formData(), { schema: LoginSchema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;
  const result = await logIn({ email, password, ip: context.clientIp });
  if (!result.ok) {
    const message =
      result.reason === "rate_limited"
        ? `Too many attempts. Try again in ${Math.ceil(result.retryAfterSeconds / 60)} minutes.`
        : result.reason === "suspended"
          ? result.message
          : "That email and password do not match an account.";
    return data(submission.reply({ formErrors: [message], hideFields: ["password"] }), {
      status: result.reason === "rate_limited" ? 429 : result.reason === "suspended" ? 403 : 400,
    });
  }
  throw redirect(safeRedirect(redirectTo, "/"), {
    headers: { "Set-Cookie": await startSession(result.userId) },
  });
}

export default function Login() {
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult,
    shouldRevalidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
  });
  return (
    <div className="container">
      <section className="card form-card">
        <h1>Log in</h1>
        <Form method="post" {...getFormProps(form)}>
          <ErrorList id={form.errorId} errors={form.errors} />
          <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
          <Field label="Email" meta={fields.email} type="email" autoComplete="email" />
          <Field
            label="Password"
            meta={fields.password}
            type="password"
            autoComplete="current-password"
          />
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            Log in
          </button>
        </Form>
        <p>
          <Link to="/forgot-password">Forgot your password?</Link>
        </p>
        <p className="muted">
          New here? <Link to="/signup">Create an account</Link>
        </p>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
