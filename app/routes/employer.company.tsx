import { getFormProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  type ActionFunctionArgs,
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireEmployer } from "~/auth/guards.server";
import styles from "~/billing/employer.css?url";
import { getCompanyProfile, updateCompanyProfile } from "~/companies/profile.server";
import { COMPANY_KINDS, COMPANY_SIZES, CompanyProfileSchema } from "~/companies/profile-schemas";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, Field } from "~/components/forms";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = () => [
  { title: "Company profile | MedCode Jobs" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const { company, role } = await requireEmployer(request);
  return { profile: await getCompanyProfile(company.id), owner: role === "owner" };
}

export async function action({ request }: ActionFunctionArgs) {
  const { company } = await requireEmployer(request, { role: "owner" });
  const submission = parseWithZod(await request.formData(), { schema: CompanyProfileSchema });
  if (submission.status !== "success")
    return data({ result: submission.reply(), done: false }, { status: 400 });
  await updateCompanyProfile(company.id, submission.value);
  return { result: submission.reply(), done: true };
}

export default function CompanyProfile() {
  const { profile, owner } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    defaultValue: {
      name: profile.name,
      kind: profile.kind ?? "",
      website: profile.website ?? "",
      description: profile.description ?? "",
      size: profile.size ?? "",
      headquarters: profile.headquarters ?? "",
    },
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CompanyProfileSchema }),
  });
  return (
    <div className="container narrow stack">
      <p className="muted">
        <Link to="/employer">Dashboard</Link> › Company profile
      </p>
      <h1>Company profile</h1>
      <p>
        Shown on <Link to={`/companies/${profile.slug}`}>your public company page</Link> and beside
        every job.
        {profile.verified_at
          ? " ✓ Verified employer."
          : " The verified badge is granted by our team after a check."}
      </p>
      {actionData?.done ? (
        <p className="form-success" role="status">
          Saved.
        </p>
      ) : null}
      {owner ? (
        <Form method="post" {...getFormProps(form)}>
          <Field label="Company name" meta={fields.name} />
          <div className="field">
            <label htmlFor={fields.kind.id}>Kind of organization</label>
            <select {...getSelectProps(fields.kind)} key={fields.kind.key}>
              <option value="">—</option>
              {Object.entries(COMPANY_KINDS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
            <ErrorList id={fields.kind.errorId} errors={fields.kind.errors} />
          </div>
          <Field label="Website" meta={fields.website} type="url" />
          <div className="field">
            <label htmlFor={fields.description.id}>About the company</label>
            <textarea
              {...getTextareaProps(fields.description)}
              key={fields.description.key}
              rows={6}
              style={{ width: "100%" }}
            />
            <ErrorList id={fields.description.errorId} errors={fields.description.errors} />
          </div>
          <div className="field">
            <label htmlFor={fields.size.id}>Size (employees)</label>
            <select {...getSelectProps(fields.size)} key={fields.size.key}>
              <option value="">—</option>
              {COMPANY_SIZES.map((size) => (
                <option key={size} value={size}>
                  {size}
                </option>
              ))}
            </select>
            <ErrorList id={fields.size.errorId} errors={fields.size.errors} />
          </div>
          <Field
            label="Headquarters"
            meta={fields.headquarters}
            help="City and state, e.g. Tampa, FL"
          />
          <button type="submit" className="button">
            Save profile
          </button>
        </Form>
      ) : (
        <p className="muted">Only company owners can change the profile.</p>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
