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
import { companyLogoUrl } from "~/companies/logo";
import {
  type LogoResult,
  processLogo,
  removeCompanyLogo,
  setCompanyLogo,
} from "~/companies/logo.server";
import { getCompanyProfile, updateCompanyProfile } from "~/companies/profile.server";
import { COMPANY_KINDS, COMPANY_SIZES, CompanyProfileSchema } from "~/companies/profile-schemas";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, Field } from "~/components/forms";
import { MAX_LOGO_BYTES } from "~/files/sniff";
import { parseUploadForm, type UploadLimits, uploadedFile } from "~/files/upload.server";
import { redirectWithFlash } from "~/utils/flash.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = () => [
  { title: "Company profile | MedCode Jobs" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const { company, role } = await requireEmployer(request);
  return { profile: await getCompanyProfile(company.id), owner: role === "owner" };
}

const LOGO_LIMITS: UploadLimits = {
  maxFileBytes: MAX_LOGO_BYTES,
  tooLargeMessage: "The logo is larger than 2 MiB. Upload a smaller image.",
  requestTooLargeMessage: "The upload is too large. Logos can be at most 2 MiB.",
};

export async function action({ request }: ActionFunctionArgs) {
  const { user, company } = await requireEmployer(request, { role: "owner" });
  // The same streaming parser as resumes, with the logo's 2 MiB cap.
  const { formData, fileErrors } = await parseUploadForm(request, ["logo"], LOGO_LIMITS);
  if (formData.get("intent") === "remove-logo") {
    await removeCompanyLogo(company.id);
    return redirectWithFlash("/employer/company", "Logo removed.");
  }
  const submission = parseWithZod(formData, { schema: CompanyProfileSchema });
  const upload = await uploadedFile(formData, "logo");
  let logo: LogoResult | null = null;
  let logoError = fileErrors.logo ?? null;
  if (!logoError && upload) {
    logo = await processLogo(upload.bytes);
    if (!logo.ok) logoError = logo.message;
  }
  // Nothing is saved when any part is wrong; the typed fields come back as they were.
  if (submission.status !== "success" || logoError)
    return data({ result: submission.reply(), logoError }, { status: fileErrors.logo ? 413 : 400 });
  const { verificationLapsed } = await updateCompanyProfile(company.id, submission.value, {
    actor: user,
  });
  if (logo?.ok) await setCompanyLogo(company.id, logo.webp);
  return redirectWithFlash(
    "/employer/company",
    verificationLapsed
      ? {
          kind: "info",
          message:
            "Company profile saved. The website moved to another domain, so the verified badge was removed: ask for verification on the new domain.",
        }
      : "Company profile saved.",
  );
}

export default function CompanyProfile() {
  const { profile, owner } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const logo = companyLogoUrl(profile);
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
          ? ` ✓ Verified employer (${profile.verified_domain ?? "checked by our team"}).`
          : " "}
        {profile.verified_at ? null : (
          <>
            Not verified yet: <Link to="/employer/verification">verify your company</Link> with a
            work email on your website&apos;s domain.
          </>
        )}
      </p>
      {owner ? (
        <>
          <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
            <Field label="Company name" meta={fields.name} />
            <div className="field">
              <label htmlFor="company-logo">Logo</label>
              {logo ? (
                <img
                  className="company-logo"
                  src={logo}
                  alt={`${profile.name} logo`}
                  width={64}
                  height={64}
                />
              ) : null}
              <input
                id="company-logo"
                name="logo"
                type="file"
                accept="image/png,image/jpeg,image/webp"
                aria-describedby="company-logo-help"
                aria-invalid={actionData?.logoError ? true : undefined}
                aria-errormessage={actionData?.logoError ? "company-logo-error" : undefined}
              />
              <p id="company-logo-help" className="field-help">
                PNG, JPEG or WebP, at most 2 MiB. We resize it to fit 256×256 pixels.
                {logo ? " Choose a new file to replace the current logo." : ""}
              </p>
              <ErrorList
                id="company-logo-error"
                errors={actionData?.logoError ? [actionData.logoError] : null}
              />
            </div>
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
          {logo ? (
            <Form method="post">
              <input type="hidden" name="intent" value="remove-logo" />
              <button type="submit" className="button secondary">
                Remove logo
              </button>
            </Form>
          ) : null}
        </>
      ) : (
        <p className="muted">Only company owners can change the profile.</p>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
