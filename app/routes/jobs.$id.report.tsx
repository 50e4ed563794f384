import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { REPORT_REASONS, ReportSchema } from "~/admin/admin-schemas";
import { fileReport, getReportableJob } from "~/admin/reports.server";
import { getUser } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, Honeypot } from "~/components/forms";
import { Notice } from "~/components/notice";
import { jobPath } from "~/jobs/format";
import { notFoundIfMissing, parseId } from "~/utils/http";

// "Report this job": for anyone, signed in or not, and without JavaScript. The reporter is
// thanked; what happens to the job (and what others reported) is never shown here.
export const meta: MetaFunction = () => [
  { title: "Report a job | MedCode Jobs" },
  { name: "robots", content: "noindex" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const id = parseId(params.id);
  const job = notFoundIfMissing(
    id ? await getReportableJob(id) : undefined,
    "This job does not exist.",
  );
  return { job: { id: job.id, title: job.title, slug: job.slug, company: job.company_name } };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const id = notFoundIfMissing(parseId(params.id), "This job does not exist.");
  const submission = parseWithZod(await request.formData(), { schema: ReportSchema });
  if (submission.status !== "success")
    return data({ result: submission.reply(), sent: false }, { status: 400 });
  const { reason, note, website } = submission.value;
  // A filled honeypot is a bot: thanked like anyone, and nothing is recorded.
  if (website) return { result: submission.reply({ resetForm: true }), sent: true };
  const user = await getUser(request);
  const result = await fileReport({
    jobId: id,
    reason,
    note,
    ip: context.clientIp,
    userId: user?.id ?? null,
  });
  if (!result.ok && result.reason === "not_found")
    notFoundIfMissing(null, "This job does not exist.");
  if (!result.ok)
    return data(
      {
        result: submission.reply({
          formErrors: ["Too many reports right now. Please try again in an hour."],
        }),
        sent: false,
      },
      { status: 429 },
    );
  return { result: submission.reply({ resetForm: true }), sent: true };
}

export default function ReportJob() {
  const { job } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    shouldRevalidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ReportSchema }),
  });
  const back = <Link to={jobPath(job)}>Back to the job</Link>;
  if (actionData?.sent) {
    return (
      <div className="container narrow stack">
        <h1>Thank you</h1>
        <Notice kind="success">
          Your report reached our team. An operator reads every report and decides what happens to
          the posting; we do not send updates on reports.
        </Notice>
        <p>{back}</p>
      </div>
    );
  }
  return (
    <div className="container narrow stack">
      <h1>Report this job</h1>
      <p>
        <strong>{job.title}</strong> at {job.company}. Tell us what is wrong: an operator reads
        every report. When several people report the same posting, it leaves search until an
        operator has looked at it.
      </p>
      <Form method="post" {...getFormProps(form)}>
        <ErrorList id={form.errorId} errors={form.errors} />
        <fieldset aria-describedby={fields.reason.errors ? fields.reason.errorId : undefined}>
          <legend>What is wrong with it?</legend>
          {Object.entries(REPORT_REASONS).map(([value, label]) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name={fields.reason.name}
                value={value}
                defaultChecked={fields.reason.initialValue === value}
              />
              {label}
            </label>
          ))}
          <ErrorList id={fields.reason.errorId} errors={fields.reason.errors} />
        </fieldset>
        <div className="field">
          <label htmlFor={fields.note.id}>Anything we should know? (optional)</label>
          <textarea {...getTextareaProps(fields.note)} key={fields.note.key} rows={4} />
          <p className="field-help">
            No need to sign in. We keep a scrambled form of your internet address, so one person
            counts once, and your account if you are signed in.
          </p>
          <ErrorList id={fields.note.errorId} errors={fields.note.errors} />
        </div>
        <Honeypot />
        <button type="submit" className="button">
          Send report
        </button>
      </Form>
      <p>{back}</p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
