import { parseWithZod } from "@conform-to/zod/v4";
import {
  type ActionFunctionArgs,
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireEmployer } from "~/auth/guards.server";
import styles from "~/billing/employer.css?url";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { createJobDraft, getPostingOptions } from "~/jobs/posting.server";
import { JobForm } from "~/jobs/posting-form";
import { jobSchemaFor } from "~/jobs/posting-schemas";
import { suggestFromForm } from "~/jobs/suggestions.server";
import { redirectWithFlash } from "~/utils/flash.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = () => [
  { title: "Post a job | MedCode Jobs" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const { company } = await requireEmployer(request);
  return { company, options: await getPostingOptions() };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, company } = await requireEmployer(request);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const submission = parseWithZod(formData, { schema: jobSchemaFor(intent) });
  // "Suggest specialties from my text" saves nothing: the form comes back with the suggestions.
  const asked = intent === "suggest";
  if (asked || submission.status !== "success") {
    const suggestions = await suggestFromForm(formData, { asked });
    return data(
      { result: submission.reply(), suggestions, asked },
      { status: submission.status === "success" ? 200 : 400 },
    );
  }
  const jobId = await createJobDraft({
    companyId: company.id,
    userId: user.id,
    values: submission.value,
  });
  if (intent === "draft")
    throw await redirectWithFlash(`/employer/jobs/${jobId}/edit`, "Draft saved.");
  throw redirect(`/employer/jobs/${jobId}/preview`);
}

export default function NewJob() {
  const { company, options } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="container narrow stack">
      <p className="muted">
        <Link to="/employer">Dashboard</Link> › New job
      </p>
      <h1>Post a job at {company.name}</h1>
      <p>
        Save a draft at any time; preview shows the page exactly as coders will see it. You pay when
        you publish (<Link to="/pricing">see prices</Link>).
      </p>
      <JobForm
        options={options}
        suggestions={actionData?.suggestions ?? undefined}
        canSuggest
        asked={actionData?.asked}
        lastResult={actionData?.result}
        live={false}
      />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
