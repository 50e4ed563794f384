import { parseWithZod } from "@conform-to/zod/v4";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { NotificationSettingsSchema } from "~/applications/applications-schemas";
import { getNotificationSettings, saveNotificationSettings } from "~/applications/pipeline.server";
import { requireEmployer } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/notice";
import { redirectWithFlash } from "~/utils/flash.server";

export const meta: MetaFunction = () => [
  { title: "Notifications | MedCode Jobs" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const { company, role } = await requireEmployer(request);
  return { company, role, settings: await getNotificationSettings(company.id) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { company } = await requireEmployer(request, { role: "owner" });
  const submission = parseWithZod(await request.formData(), { schema: NotificationSettingsSchema });
  if (submission.status !== "success")
    return data({ error: "Choose when to hear about applications." }, { status: 400 });
  await saveNotificationSettings({ companyId: company.id, ...submission.value });
  return redirectWithFlash("/employer/settings", "Notification settings saved.");
}

export default function EmployerSettings() {
  const { company, role, settings } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const owner = role === "owner";
  return (
    <div className="container narrow stack">
      <h1>{company.name}: notifications</h1>
      {actionData?.error ? <Notice kind="error">{actionData.error}</Notice> : null}
      {owner ? null : <p className="muted">Only company owners can change these settings.</p>}
      <Form method="post" className="card">
        <fieldset disabled={!owner}>
          <legend>New applications</legend>
          {(
            [
              ["instant", "Email the team about each application at once"],
              ["daily", "Send one daily summary"],
              ["off", "No email; we check the applicant lists"],
            ] as const
          ).map(([value, text]) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name="newApplicationEmail"
                value={value}
                defaultChecked={settings.new_application_email === value}
              />
              {text}
            </label>
          ))}
        </fieldset>
        <fieldset disabled={!owner}>
          <legend>Candidates</legend>
          <label className="choice">
            <input
              type="checkbox"
              name="notifyCandidateOnStatus"
              defaultChecked={settings.notify_candidate_on_status}
            />
            Email candidates when we move them to interview or decide not to go ahead
          </label>
        </fieldset>
        {owner ? (
          <button type="submit" className="button">
            Save
          </button>
        ) : null}
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
