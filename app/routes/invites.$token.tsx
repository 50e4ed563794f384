import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { AcceptInviteSchema } from "~/auth/auth-schemas";
import { getUser } from "~/auth/guards.server";
import { passwordProblem } from "~/auth/password-policy.server";
import { startSession } from "~/auth/session.server";
import { acceptInvite, getOpenInvite } from "~/companies/team.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, Field } from "~/components/forms";
import { Notice } from "~/components/notice";

export const meta: MetaFunction = () => [
  { title: "Join your team | MedCode Jobs" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const invite = await getOpenInvite(params.token ?? "");
  const user = await getUser(request);
  return {
    invite: invite
      ? { email: invite.email, role: invite.role, company: invite.company_name }
      : null,
    user: user ? { name: user.name, email: user.email, role: user.role } : null,
  };
}

const REASONS = {
  invalid_or_expired:
    "This invite has expired, was withdrawn or was already used. Ask for a new one.",
  not_employer:
    "This account is a coder's account. Log out and accept with a new employer account.",
  other_company: "Your account already belongs to another company.",
  email_taken: "An account with this address exists. Log in first, then open the link again.",
} as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const user = await getUser(request);
  if (user) {
    const result = await acceptInvite({ token, userId: user.id });
    if (!result.ok) return data({ result: null, error: REASONS[result.reason] }, { status: 400 });
    throw redirect("/employer/team");
  }
  const submission = parseWithZod(await request.formData(), { schema: AcceptInviteSchema });
  if (submission.status !== "success")
    return data(
      { result: submission.reply({ hideFields: ["password"] }), error: null },
      { status: 400 },
    );
  const problem = passwordProblem(submission.value.password);
  if (problem) {
    return data(
      {
        result: submission.reply({
          hideFields: ["password"],
          fieldErrors: { password: [problem] },
        }),
        error: null,
      },
      { status: 400 },
    );
  }
  const result = await acceptInvite({ token, ...submission.value });
  if (!result.ok)
    return data(
      { result: submission.reply({ hideFields: ["password"] }), error: REASONS[result.reason] },
      { status: 400 },
    );
  throw redirect("/employer/team", {
    headers: { "Set-Cookie": await startSession(result.userId) },
  });
}

export default function AcceptInvite() {
  const { invite, user } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { token } = useParams();
  const [form, fields] = useForm({
    lastResult: actionData?.result ?? undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AcceptInviteSchema }),
  });
  if (!invite) {
    return (
      <div className="container">
        <section className="card form-card">
          <h1>This invite is no longer valid</h1>
          <p>{REASONS.invalid_or_expired}</p>
        </section>
      </div>
    );
  }
  return (
    <div className="container">
      <section className="card form-card">
        <h1>Join {invite.company}</h1>
        <p>
          You are invited as {invite.role === "owner" ? "an owner" : "a recruiter"} ({invite.email}
          ).
        </p>
        {actionData?.error ? <Notice kind="error">{actionData.error}</Notice> : null}
        {user ? (
          <Form method="post">
            <p>Signed in as {user.email}.</p>
            <button type="submit" className="button">
              Join {invite.company}
            </button>
          </Form>
        ) : (
          <>
            <Form method="post" {...getFormProps(form)}>
              <ErrorList id={form.errorId} errors={form.errors} />
              <Field label="Your name" meta={fields.name} autoComplete="name" />
              <Field
                label="Choose a password"
                meta={fields.password}
                type="password"
                autoComplete="new-password"
                help="At least 8 characters."
              />
              <button type="submit" className="button">
                Create account and join
              </button>
            </Form>
            <p className="muted">
              Already have an employer account?{" "}
              <Link to={`/login?redirectTo=${encodeURIComponent(`/invites/${token}`)}`}>
                Log in
              </Link>{" "}
              first.
            </p>
          </>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
