import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { signUp } from "~/auth/accounts.server";
import { SignupSchema } from "~/auth/auth-schemas";
import { requireAnonymous } from "~/auth/guards.server";
import { passwordProblem } from "~/auth/password-policy.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, Field, Honeypot } from "~/components/forms";
import { LocalEmailsHint } from "~/components/local-emails";

export const meta: MetaFunction = () => [
  { title: "Create an account | MedCode Jobs" },
  {
    name: "description",
    content:
      "Create a free MedCode Jobs account: coders apply and track applications; employers post coding jobs.",
  },
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const submission = parseWithZod(await request.formData(), { schema: SignupSchema });
  if (submission.status !== "success") {
    return data(
      { result: submission.reply({ hideFields: ["password"] }), sentTo: null },
      { status: 400 },
    );
  }
  const { website, ...input } = submission.value;
  // A filled honeypot is a bot: answer as if all went well, do nothing.
  if (website) return { result: submission.reply({ resetForm: true }), sentTo: input.email };
  const problem = passwordProblem(input.password, input);
  if (problem) {
    return data(
      {
        result: submission.reply({
          fieldErrors: { password: [problem] },
          hideFields: ["password"],
        }),
        sentTo: null,
      },
      { status: 400 },
    );
  }
  const outcome = await signUp({ ...input, ip: context.clientIp });
  if (!outcome.ok) {
    return data(
      {
        result: submission.reply({
          formErrors: [
            `Too many sign-ups from here. Try again in ${Math.ceil(outcome.retryAfterSeconds / 60)} minutes.`,
          ],
          hideFields: ["password"],
        }),
        sentTo: null,
      },
      { status: 429 },
    );
  }
  // The same answer whether or not the address already had an account.
  return { result: submission.reply({ resetForm: true }), sentTo: input.email };
}

export default function Signup() {
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    defaultValue: { role: params.get("role") === "employer" ? "employer" : "candidate" },
    shouldRevalidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SignupSchema }),
  });
  if (actionData?.sentTo) {
    return (
      <div className="container">
        <section className="card form-card" aria-live="polite">
          <h1>Check your email</h1>
          <p>
            We sent a link to <strong>{actionData.sentTo}</strong>. Open it to confirm your address
            and finish creating your account. The link works for 24 hours.
          </p>
          <LocalEmailsHint />
          <p className="muted">
            Already have an account with this address? <Link to="/login">Log in</Link> or{" "}
            <Link to="/forgot-password">reset your password</Link>.
          </p>
        </section>
      </div>
    );
  }
  const employer = fields.role.value === "employer";
  return (
    <div className="container">
      <section className="card form-card">
        <h1>Create your account</h1>
        <Form method="post" {...getFormProps(form)}>
          <ErrorList id={form.errorId} errors={form.errors} />
          <fieldset>
            <legend>I am</legend>
            <div className="choice-row">
              <label>
                <input
                  {...getInputProps(fields.role, { type: "radio", value: "candidate" })}
                  id={`${fields.role.id}-candidate`}
                  key="candidate"
                />
                a coder looking for work
              </label>
              <label>
                <input
                  {...getInputProps(fields.role, { type: "radio", value: "employer" })}
                  id={`${fields.role.id}-employer`}
                  key="employer"
                />
                hiring coders
              </label>
            </div>
            <ErrorList id={fields.role.errorId} errors={fields.role.errors} />
          </fieldset>
          <Field label="Your name" meta={fields.name} autoComplete="name" />
          <Field label="Email" meta={fields.email} type="email" autoComplete="email" />
          <Field
            label="Password"
            meta={fields.password}
            type="password"
            autoComplete="new-password"
            help="At least 8 characters. A long phrase is easiest to remember."
          />
          <Field
            label={employer ? "Company name" : "Company name (employers only)"}
            meta={fields.companyName}
            autoComplete="organization"
            help="For employers: we create the company with you as its owner."
          />
          <Honeypot />
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            Create account
          </button>
        </Form>
        <p className="muted">
          Already registered? <Link to="/login">Log in</Link>
        </p>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
