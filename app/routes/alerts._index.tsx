import { parseWithZod } from "@conform-to/zod/v4";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AlertSignup } from "~/alerts/alert-signup";
import { createAccountAlert, requestVisitorAlert } from "~/alerts/alerts.server";
import { AccountAlertSchema, MAX_ALERTS, VisitorAlertSchema } from "~/alerts/alerts-schemas";
import { checkAlertFilters } from "~/alerts/match-columns.server";
import { getAlertSignup } from "~/alerts/signup.server";
import { getUser } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { parseSearchParams } from "~/search/search-schemas";
import { redirectWithFlash } from "~/utils/flash.server";
import { safeRedirect } from "~/utils/http";

export const meta: MetaFunction = () => [
  { title: "Create a job alert | MedCode Jobs" },
  { name: "robots", content: "noindex" },
];

// /alerts?<the /jobs filters>: the alert form for that search on a page of its own. Every
// sign-up form posts here, with the search in the URL; without JavaScript an answer with
// errors renders this page, the search and what was typed intact.
export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const checked = await checkAlertFilters(params);
  return {
    signup: await getAlertSignup(request, {
      filters: checked.ok ? checked.filters : parseSearchParams(params).filters,
      description: checked.ok ? checked.description : "This search",
      problems: checked.ok ? [] : checked.problems,
    }),
  };
}

const TOO_MANY = `You have ${MAX_ALERTS} alerts already: delete one in Alerts to make room.`;

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const query = new URL(request.url).searchParams;
  query.delete("index");
  const back = safeRedirect(formData.get("redirectTo"), `/jobs?${query}`);
  const user = await getUser(request);

  // Alerts belong to coder accounts; anyone else subscribes an address, as a visitor does.
  if (user?.role === "candidate") {
    const submission = parseWithZod(formData, { schema: AccountAlertSchema });
    if (submission.status !== "success")
      return data({ result: submission.reply() }, { status: 400 });
    if (!user.email_verified_at)
      return data(
        { result: submission.reply({ formErrors: ["Confirm your email address first."] }) },
        { status: 400 },
      );
    const outcome = await createAccountAlert({
      userId: user.id,
      query: query.toString(),
      ...submission.value,
    });
    if (!outcome.ok)
      return data(
        {
          result: submission.reply({
            formErrors: outcome.reason === "invalid" ? outcome.problems : [TOO_MANY],
          }),
        },
        { status: 400 },
      );
    return redirectWithFlash(
      back,
      outcome.created
        ? `Alert created: “${outcome.name}”. Manage it in Alerts.`
        : `You already have this alert: “${outcome.name}”.`,
    );
  }

  const submission = parseWithZod(formData, { schema: VisitorAlertSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const { website, ...input } = submission.value;
  const sent = `Almost done: we sent a link to ${input.email}. Follow it to start the alert; nothing else is sent until you do.`;
  // A filled honeypot is a bot: the same answer, nothing done.
  if (website) return redirectWithFlash(back, sent);
  const outcome = await requestVisitorAlert({
    ...input,
    query: query.toString(),
    ip: context.clientIp,
  });
  if (!outcome.ok) {
    const errors =
      outcome.reason === "invalid"
        ? outcome.problems
        : [
            `Too many alert requests from here. Try again in ${Math.ceil(outcome.retryAfterSeconds / 60)} minutes.`,
          ];
    return data(
      { result: submission.reply({ formErrors: errors }) },
      { status: outcome.reason === "invalid" ? 400 : 429 },
    );
  }
  return redirectWithFlash(back, sent);
}

export default function CreateAlert() {
  const { signup } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="container narrow stack">
      <h1>Create a job alert</h1>
      <p>
        We email you the new jobs that match this search, instantly, daily or weekly, and never the
        same job twice.{" "}
        <Link to={`/jobs${signup.query ? `?${signup.query}` : ""}`}>See the jobs it finds now</Link>
        .
      </p>
      <AlertSignup
        signup={signup}
        lastResult={actionData?.result}
        returnTo={signup.viewer.kind === "account" ? "/me/alerts" : undefined}
      />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
