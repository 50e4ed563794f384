import { getFormProps, useForm } from "@conform-to/react";
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
import { VerificationRequestSchema } from "~/companies/profile-schemas";
import { getVerificationStatus, requestCompanyVerification } from "~/companies/verification.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, Field } from "~/components/forms";
import { Notice } from "~/components/notice";
import { formatDate } from "~/jobs/format";
import { getEnv } from "~/utils/env.server";
import { redirectWithFlash } from "~/utils/flash.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = () => [
  { title: "Verify your company | MedCode Jobs" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const { company, role } = await requireEmployer(request);
  const status = await getVerificationStatus(company.id);
  return {
    owner: role === "owner",
    company: status.company,
    latest: status.latest
      ? {
          status: status.latest.status,
          workEmail: status.latest.work_email,
          note: status.latest.decision_note,
          createdAt: status.latest.created_at,
          linkExpired: status.latest.token_expires_at < new Date(),
        }
      : null,
    reviewedFirst: getEnv().MODERATION !== "off",
    everyPosting: getEnv().MODERATION === "all",
  };
}

const REASONS = {
  no_website: "Add your company's website to its profile first: verification checks its domain.",
  free_mail: "Your website is on a free email provider's domain, which cannot be verified.",
  wrong_domain: "Use an address on your website's domain (or one of its subdomains).",
  already_verified: "Your company is already verified on this domain.",
  rate_limited: "Too many requests in the last hour. Try again later.",
} as const;

export async function action({ request }: ActionFunctionArgs) {
  const { user, company } = await requireEmployer(request, { role: "owner" });
  const submission = parseWithZod(await request.formData(), { schema: VerificationRequestSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await requestCompanyVerification({
    companyId: company.id,
    userId: user.id,
    workEmail: submission.value.workEmail,
  });
  if (!result.ok)
    return data(submission.reply({ fieldErrors: { workEmail: [REASONS[result.reason]] } }), {
      status: result.reason === "rate_limited" ? 429 : 400,
    });
  throw await redirectWithFlash(
    "/employer/verification",
    `We emailed a link to ${submission.value.workEmail}. Open it to confirm the address.`,
  );
}

export default function CompanyVerification() {
  const { owner, company, latest, reviewedFirst, everyPosting } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    shouldRevalidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: VerificationRequestSchema }),
  });
  const verified = Boolean(company.verified_at);
  return (
    <div className="container narrow stack">
      <p className="muted">
        <Link to="/employer">Dashboard</Link> › <Link to="/employer/company">Company profile</Link>{" "}
        › Verification
      </p>
      <h1>Verify {company.name}</h1>
      <p>
        Verified employers show a ✓ badge on their company page, job pages and job cards.
        {reviewedFirst && !everyPosting
          ? " Their jobs go live as soon as they are paid for; jobs from companies that are not verified wait until our team has looked at them."
          : ""}
        {everyPosting
          ? " Our team currently reviews every posting before it goes live, verified or not."
          : ""}
      </p>
      <p>
        How it works: give us an email address on your website&apos;s domain
        {company.domain ? ` (${company.domain})` : ""}. We email it a link; opening it proves you
        read that mailbox. An operator then checks that the website is your company&apos;s and
        grants the badge, or tells you why not. The badge stays while your website stays on that
        domain.
      </p>
      {verified ? (
        <Notice kind="success">
          Verified on {formatDate(company.verified_at as Date)}
          {company.verified_domain ? ` for ${company.verified_domain}` : ""}.
        </Notice>
      ) : null}
      {!verified && latest?.status === "awaiting_email" ? (
        <Notice>
          {latest.linkExpired
            ? `The link we sent to ${latest.workEmail} has expired. Ask for a new one below.`
            : `We sent a link to ${latest.workEmail}. Open it to confirm the address (it works for 24 hours).`}
        </Notice>
      ) : null}
      {!verified && latest?.status === "awaiting_review" ? (
        <Notice>
          {latest.workEmail} is confirmed. An operator will check the request and email you the
          decision.
        </Notice>
      ) : null}
      {!verified && latest?.status === "refused" ? (
        <Notice kind="warning">
          Your last request was not granted{latest.note ? `: ${latest.note}` : "."} You can ask
          again.
        </Notice>
      ) : null}
      {!company.domain ? (
        <Notice kind="warning">
          Your company profile has no website yet. <Link to="/employer/company">Add it</Link> first:
          verification checks its domain.
        </Notice>
      ) : null}
      {owner && !verified && company.domain ? (
        <Form method="post" {...getFormProps(form)}>
          <ErrorList id={form.errorId} errors={form.errors} />
          <Field
            label="Your work email"
            meta={fields.workEmail}
            type="email"
            autoComplete="email"
            help={`An address ending in @${company.domain}`}
          />
          <button type="submit" className="button">
            Email me a confirmation link
          </button>
        </Form>
      ) : null}
      {!owner && !verified ? (
        <p className="muted">Only company owners can ask for verification.</p>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
