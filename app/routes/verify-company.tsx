import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { confirmVerificationEmail, findVerificationByToken } from "~/companies/verification.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/notice";

// The emailed link of a company verification. Opening it shows a button; the POST confirms,
// so a mail scanner that follows links does not confirm on the owner's behalf.
export const meta: MetaFunction = () => [
  { title: "Confirm your work address | MedCode Jobs" },
  { name: "robots", content: "noindex" },
];

function tokenOf(value: FormDataEntryValue | string | null) {
  return typeof value === "string" && /^[a-z2-7]{32}$/.test(value) ? value : null;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const token = tokenOf(new URL(request.url).searchParams.get("token"));
  const request_ = token ? await findVerificationByToken(token) : null;
  if (!token || !request_)
    return data({ token: null, company: null, email: null }, { status: 404 });
  return { token, company: request_.company_name, email: request_.work_email };
}

export async function action({ request }: ActionFunctionArgs) {
  const token = tokenOf((await request.formData()).get("token"));
  const confirmed = token ? await confirmVerificationEmail(token) : false;
  return data({ confirmed }, { status: confirmed ? 200 : 404 });
}

export default function VerifyCompany() {
  const { token, company, email } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="container narrow stack">
      <h1>Confirm your work address</h1>
      {result?.confirmed ? (
        <Notice kind="success">
          Thank you: the address is confirmed. An operator will now check the request and email the
          company owner the decision.
        </Notice>
      ) : result || !token ? (
        <Notice kind="error">
          This link is not valid any more: it was used already, replaced by a newer request, or is
          older than 24 hours. The company owner can ask for a new one.
        </Notice>
      ) : (
        <>
          <p>
            Confirm that {email} belongs to {company} and that you asked us to verify it.
          </p>
          <Form method="post">
            <input type="hidden" name="token" value={token} />
            <button type="submit" className="button">
              Confirm {email}
            </button>
          </Form>
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
