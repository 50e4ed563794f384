import {
  type FieldMetadata,
  getFormProps,
  getInputProps,
  getTextareaProps,
  useForm,
} from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { findApplication, getApplyDefaults, getApplyJob } from "~/applications/applications.server";
import {
  type ApplicationStatus,
  applySchema,
  STATUS_LABELS,
} from "~/applications/applications-schemas";
import { resolveResume, submitApplication } from "~/applications/apply.server";
import { listProfileOptions } from "~/applications/profile.server";
import { getUser } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, Field, Honeypot } from "~/components/forms";
import { parseUploadForm } from "~/files/upload.server";
import { formatDate, jobPath } from "~/jobs/format";
import { recordApplyClick } from "~/jobs/posting-stats.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { invariantResponse, parseId } from "~/utils/http";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Apply${data?.job ? `: ${data.job.title}` : ""} | MedCode Jobs` },
  { name: "robots", content: "noindex" },
];

async function loadJob(params: LoaderFunctionArgs["params"]) {
  const id = parseId(params.id);
  const job = id ? await getApplyJob(id) : undefined;
  invariantResponse(job, "This job does not exist.");
  return job;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const job = await loadJob(params);
  const user = await getUser(request);
  const summary = {
    id: job.id,
    title: job.title,
    slug: job.slug,
    company_name: job.company_name,
    company_slug: job.company_slug,
    questions: job.questions,
  };
  if (job.apply_method !== "site")
    return { kind: "external" as const, job: summary, method: job.apply_method };
  if (!job.open) return data({ kind: "closed" as const, job: summary }, { status: 410 });
  if (user && user.role !== "candidate") return { kind: "not-candidate" as const, job: summary };
  const existing = user
    ? await findApplication({ jobId: job.id, candidateId: user.id })
    : undefined;
  if (existing) return { kind: "applied" as const, job: summary, existing };
  const [defaults, options] = await Promise.all([
    user ? getApplyDefaults(user.id) : null,
    listProfileOptions(),
    recordApplyClick(job.id, request),
  ]);
  return {
    kind: "form" as const,
    job: summary,
    user: user ? { name: user.name, email: user.email } : null,
    defaults,
    credentialOptions: options.credentials,
    jobCredentials: job.credentials,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const job = await loadJob(params);
  if (job.apply_method !== "site") throw redirect(`/jobs/${job.id}/go`);
  if (!job.open) throw data("This job no longer takes applications.", { status: 410 });
  const user = await getUser(request);
  if (user && user.role !== "candidate") {
    throw data("Applying needs a coder's account.", { status: 403 });
  }
  // Applying again shows the first application: checked before reading any upload.
  if (user && (await findApplication({ jobId: job.id, candidateId: user.id }))) {
    throw redirect(`/jobs/${job.id}/apply`);
  }
  const { formData, fileErrors } = await parseUploadForm(request, ["resume"]);
  const submission = parseWithZod(formData, {
    schema: applySchema(job.questions, { needsAccount: !user }),
  });
  const hideFields = ["password", "pendingResume"];
  const resume = await resolveResume({
    formData,
    sizeError: fileErrors.resume,
    userId: user?.id ?? null,
    ip: context.clientIp,
  });
  if (submission.status !== "success" || resume.error || formData.get("website")) {
    return data(
      {
        result: submission.reply({
          hideFields,
          fieldErrors: resume.error ? { resumeFile: [resume.error] } : {},
        }),
        kept: resume.kept,
      },
      { status: resume.status },
    );
  }
  const outcome = await submitApplication({
    jobId: job.id,
    userId: user?.id ?? null,
    values: submission.value,
    kept: resume.kept,
    ip: context.clientIp,
  });
  if (!outcome.ok) {
    return data(
      {
        result: submission.reply({
          hideFields,
          formErrors: outcome.formErrors,
          fieldErrors: outcome.fieldErrors,
        }),
        kept: outcome.kept,
      },
      {
        status: outcome.status,
        headers: outcome.setCookie ? { "Set-Cookie": outcome.setCookie } : {},
      },
    );
  }
  throw await redirectWithFlash(
    `/me/applications#application-${outcome.applicationId}`,
    "Application sent. We emailed you a copy of the confirmation.",
    { headers: outcome.setCookie ? { "Set-Cookie": outcome.setCookie } : {} },
  );
}

export default function Apply() {
  const loaderData = useLoaderData<typeof loader>();
  const { job } = loaderData;
  return (
    <div className="container narrow stack">
      <p className="eyebrow muted">
        <Link to={jobPath(job)}>{job.title}</Link> · {job.company_name}
      </p>
      {loaderData.kind === "form" ? (
        <ApplyForm data={loaderData} />
      ) : loaderData.kind === "applied" ? (
        <section className="card">
          <h1>You applied to this job</h1>
          <p>
            You sent your application on {formatDate(loaderData.existing.created_at)}. Its status:{" "}
            <strong>{STATUS_LABELS[loaderData.existing.status as ApplicationStatus]}</strong>.
          </p>
          <Link className="button" to={`/me/applications#application-${loaderData.existing.id}`}>
            See my applications
          </Link>
        </section>
      ) : loaderData.kind === "external" ? (
        <section className="card">
          <h1>Apply on {job.company_name}'s site</h1>
          <p>
            {job.company_name} takes applications for this job{" "}
            {loaderData.method === "email" ? "by email" : "on its own site"}.
          </p>
          <a className="button" href={`/jobs/${job.id}/go`} rel="nofollow noopener">
            Continue to apply
          </a>
        </section>
      ) : loaderData.kind === "closed" ? (
        <section className="card">
          <h1>This job is closed</h1>
          <p>It no longer takes applications.</p>
          <Link to="/jobs">Find open jobs</Link>
        </section>
      ) : (
        <section className="card">
          <h1>Applying needs a coder's account</h1>
          <p>
            You are signed in as an employer or operator. Log out and sign in as a coder to apply.
          </p>
        </section>
      )}
    </div>
  );
}

type ApplyData = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { kind: "form" }>;

function ApplyForm({ data: loaderData }: { data: ApplyData }) {
  const { job, user, defaults, credentialOptions, jobCredentials } = loaderData;
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const kept = actionData?.kept ?? null;
  const needsAccount = !user;
  const [form, fields] = useForm({
    id: "apply",
    lastResult: actionData?.result,
    defaultValue: {
      accountMode: "signup",
      credentials: defaults?.credentials ?? [],
      phone: defaults?.phone ?? "",
    },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onBlur",
    onValidate: ({ formData }) =>
      parseWithZod(formData, { schema: applySchema(job.questions, { needsAccount }) }),
  });
  const files = defaults?.files ?? [];
  const keptId = kept && "fileId" in kept ? kept.fileId : null;
  const chosenResume = kept
    ? "token" in kept
      ? "pending"
      : String(kept.fileId)
    : defaults?.defaultResumeId
      ? String(defaults.defaultResumeId)
      : "new";
  const jobCodes = new Set(jobCredentials.map((c) => c.code));
  const selectedCredentials = new Set(
    (Array.isArray(fields.credentials.initialValue)
      ? fields.credentials.initialValue
      : fields.credentials.initialValue
        ? [fields.credentials.initialValue]
        : []) as string[],
  );
  const credentialList = [...credentialOptions].sort(
    (a, b) =>
      Number(jobCodes.has(b.code)) - Number(jobCodes.has(a.code)) || a.code.localeCompare(b.code),
  );
  const answers = (
    fields.answers as unknown as FieldMetadata<Record<string, string | undefined>>
  ).getFieldset();
  return (
    <section className="card">
      <h1>Apply: {job.title}</h1>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
        <ErrorList id={form.errorId} errors={form.errors} />
        {needsAccount ? (
          <fieldset>
            <legend>Your account</legend>
            <p className="field-help">
              Create a coder's account as you apply, or log in. What you fill in below is kept
              either way.
            </p>
            <div className="choice-row">
              <label>
                <input
                  {...getInputProps(fields.accountMode, { type: "radio", value: "signup" })}
                  id={`${fields.accountMode.id}-signup`}
                  key="signup"
                />
                I'm new here
              </label>
              <label>
                <input
                  {...getInputProps(fields.accountMode, { type: "radio", value: "login" })}
                  id={`${fields.accountMode.id}-login`}
                  key="login"
                />
                I have an account
              </label>
            </div>
            <Field label="Your name (new accounts)" meta={fields.name} autoComplete="name" />
            <Field label="Email" meta={fields.email} type="email" autoComplete="email" />
            <Field
              label="Password"
              meta={fields.password}
              type="password"
              autoComplete="current-password"
              help="New accounts: at least 8 characters. You are signed in at once and confirm your email later."
            />
          </fieldset>
        ) : (
          <p className="muted">
            Applying as <strong>{user.name}</strong> ({user.email}).{" "}
            <Link to="/me/profile">Edit your profile</Link>
          </p>
        )}

        <fieldset>
          <legend>Resume</legend>
          {kept && "token" in kept ? (
            <input type="hidden" name="pendingResume" value={kept.token} />
          ) : null}
          <div className="stack-tight">
            {kept && "token" in kept ? (
              <label className="choice">
                <input
                  type="radio"
                  name="resumeFile"
                  value="pending"
                  defaultChecked={chosenResume === "pending"}
                />
                {kept.name} (just uploaded)
              </label>
            ) : null}
            {[
              ...(keptId && !files.some((f) => f.id === keptId) && kept
                ? [{ id: keptId, original_name: kept.name }]
                : []),
              ...files,
            ].map((file) => (
              <label className="choice" key={file.id}>
                <input
                  type="radio"
                  name="resumeFile"
                  value={String(file.id)}
                  defaultChecked={chosenResume === String(file.id)}
                />
                {file.original_name}
              </label>
            ))}
            <label className="choice">
              <input
                type="radio"
                name="resumeFile"
                value="new"
                defaultChecked={chosenResume === "new"}
              />
              Upload a new resume
            </label>
          </div>
          <div className="field">
            <label htmlFor="resume-upload">Resume file (PDF or DOCX, up to 5 MiB)</label>
            <input
              id="resume-upload"
              type="file"
              name="resume"
              accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              aria-describedby={fields.resumeFile.errors ? fields.resumeFile.errorId : undefined}
            />
          </div>
          <ErrorList id={fields.resumeFile.errorId} errors={fields.resumeFile.errors} />
        </fieldset>

        <fieldset>
          <legend>Credentials you hold</legend>
          <div className="choice-grid">
            {credentialList.map((c) => (
              <label key={c.code} className="choice">
                <input
                  type="checkbox"
                  name="credentials"
                  value={c.code}
                  defaultChecked={selectedCredentials.has(c.code)}
                />
                {c.code}
                {jobCodes.has(c.code) ? <span className="muted small"> (asked for)</span> : null}
              </label>
            ))}
          </div>
          <Field label="AAPC member number (optional)" meta={fields.aapcNumber} />
          <Field label="AHIMA member number (optional)" meta={fields.ahimaNumber} />
        </fieldset>

        {job.questions.length ? (
          <fieldset>
            <legend>Questions from {job.company_name}</legend>
            {job.questions.map((q) => {
              const meta = answers[`q${q.id}`];
              return q.kind === "yes_no" ? (
                <fieldset key={q.id} className="field">
                  <legend>
                    {q.prompt}
                    {q.required ? "" : " (optional)"}
                  </legend>
                  <div className="choice-row">
                    {(["yes", "no"] as const).map((v) => (
                      <label key={v}>
                        <input
                          type="radio"
                          name={meta.name}
                          value={v}
                          defaultChecked={meta.initialValue === v}
                          aria-invalid={meta.errors ? true : undefined}
                        />
                        {v === "yes" ? "Yes" : "No"}
                      </label>
                    ))}
                  </div>
                  <ErrorList id={meta.errorId} errors={meta.errors} />
                </fieldset>
              ) : (
                <Field
                  key={q.id}
                  label={`${q.prompt}${q.required ? "" : " (optional)"}`}
                  meta={meta as FieldMetadata<string | undefined>}
                />
              );
            })}
          </fieldset>
        ) : null}

        <Field label="Phone (optional)" meta={fields.phone} type="tel" autoComplete="tel" />
        <div className="field">
          <label htmlFor={fields.coverLetter.id}>Cover letter (optional)</label>
          <textarea
            {...getTextareaProps(fields.coverLetter)}
            key={fields.coverLetter.key}
            rows={8}
          />
          <ErrorList id={fields.coverLetter.errorId} errors={fields.coverLetter.errors} />
        </div>
        <Honeypot />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          Send application
        </button>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
