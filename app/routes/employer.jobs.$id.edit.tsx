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
import { requireCompanyJob } from "~/auth/guards.server";
import styles from "~/billing/employer.css?url";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/notice";
import {
  formValuesOf,
  getJobForEditing,
  getPostingOptions,
  updateJob,
} from "~/jobs/posting.server";
import { JobForm } from "~/jobs/posting-form";
import { JobSchema, jobSchemaFor } from "~/jobs/posting-schemas";
import { suggestForPosting } from "~/jobs/suggestions.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFoundIfMissing } from "~/utils/http";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = () => [
  { title: "Edit job | MedCode Jobs" },
  { name: "robots", content: "noindex" },
];

async function ownJob(request: Request, params: { id?: string }) {
  const auth = await requireCompanyJob(request, params);
  const job = await getJobForEditing({ companyId: auth.company.id, jobId: auth.job.id });
  return { ...auth, job: notFoundIfMissing(job, "This job does not exist.") };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { job } = await ownJob(request, params);
  const defaultValue = formValuesOf(job);
  const [options, suggestions] = await Promise.all([
    getPostingOptions(),
    suggestForPosting(job, { jobId: job.id, picked: defaultValue.specialties }),
  ]);
  return {
    job: { id: job.id, title: job.title, status: job.status, live: Boolean(job.published_at) },
    defaultValue,
    options,
    suggestions,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, company, job } = await ownJob(request, params);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const live = Boolean(job.published_at);
  // A job that has been live is edited in place: it must stay complete.
  const schema = live ? JobSchema : jobSchemaFor(intent);
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const result = await updateJob({
    companyId: company.id,
    jobId: job.id,
    actor: user,
    values: submission.value,
  });
  if (!result.ok) throw data("This job does not exist.", { status: 404 });
  if (result.inReview)
    throw await redirectWithFlash(`/employer/jobs/${job.id}`, {
      kind: "info",
      message: "Changes saved. The new text needs a look from our team: the job is back in review.",
    });
  if (live)
    throw await redirectWithFlash(
      `/employer/jobs/${job.id}`,
      "Changes saved: they show on the job page now.",
    );
  if (intent === "draft")
    throw await redirectWithFlash(`/employer/jobs/${job.id}/edit`, "Draft saved.");
  throw redirect(`/employer/jobs/${job.id}/preview`);
}

export default function EditJob() {
  const { job, defaultValue, options, suggestions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="container narrow stack">
      <p className="muted">
        <Link to="/employer">Dashboard</Link> ›{" "}
        <Link to={`/employer/jobs/${job.id}`}>{job.title}</Link> › Edit
      </p>
      <h1>Edit: {job.title}</h1>
      {job.live ? (
        <Notice>
          This job has been live: your changes show at once, at no charge, and are logged. If the
          new text trips one of our spam rules, the job goes back to review with the days it had
          left.
        </Notice>
      ) : null}
      <JobForm
        options={options}
        suggestions={suggestions}
        defaultValue={defaultValue}
        lastResult={actionData?.result}
        live={job.live}
      />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
