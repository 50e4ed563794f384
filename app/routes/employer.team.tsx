import { getFormProps, getSelectProps, type SubmissionResult, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { InviteSchema } from "~/auth/auth-schemas";
import { requireEmployer } from "~/auth/guards.server";
import { inviteMember, listTeam, removeMember, revokeInvite } from "~/companies/team.server";
import { ConfirmButton, ConfirmPage } from "~/components/confirm-button";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, Field } from "~/components/forms";
import { Notice } from "~/components/notice";
import { askToConfirm, isConfirmed } from "~/utils/confirm.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseId } from "~/utils/http";

export const meta: MetaFunction = () => [
  { title: "Team | MedCode Jobs" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, company, role } = await requireEmployer(request);
  return { me: user.id, company, role, ...(await listTeam(company.id)) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, company } = await requireEmployer(request, { role: "owner" });
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "invite") {
    const submission = parseWithZod(formData, { schema: InviteSchema });
    if (submission.status !== "success")
      return data({ result: submission.reply() }, { status: 400 });
    const result = await inviteMember({
      companyId: company.id,
      invitedBy: user,
      ...submission.value,
    });
    if (!result.ok) {
      const message =
        result.reason === "already_member"
          ? "This person is already on the team."
          : "Too many invites for now. Try again later.";
      return data(
        { result: submission.reply({ fieldErrors: { email: [message] } }) },
        { status: 400 },
      );
    }
    return redirectWithFlash("/employer/team", `Invite sent to ${submission.value.email}.`);
  }
  if (intent === "remove") {
    const userId = parseId(String(formData.get("userId") ?? ""));
    if (!userId) throw data("Unknown member.", { status: 400 });
    if (!isConfirmed(formData)) {
      return askToConfirm(formData, {
        title: "Remove this teammate?",
        message:
          "They lose access to the company's jobs and applicants at once. You can invite them again later.",
        confirmLabel: "Yes, remove them",
        cancelHref: "/employer/team",
      });
    }
    const result = await removeMember({ companyId: company.id, userId });
    if (!result.ok) {
      const message =
        result.reason === "last_owner"
          ? "A company needs at least one owner."
          : "That person is not on the team.";
      return data({ result: null, error: message }, { status: 400 });
    }
    return redirectWithFlash("/employer/team", "Removed from the team.");
  }
  if (intent === "revoke") {
    const inviteId = parseId(String(formData.get("inviteId") ?? ""));
    if (inviteId) await revokeInvite({ companyId: company.id, inviteId });
    return redirectWithFlash("/employer/team", "Invite withdrawn.");
  }
  throw data("Unknown action.", { status: 400 });
}

export default function Team() {
  const actionData = useActionData<typeof action>();
  if (actionData && "confirmation" in actionData)
    return <ConfirmPage confirmation={actionData.confirmation} />;
  return <TeamPage reply={actionData} />;
}

function TeamPage({
  reply,
}: {
  reply: { result?: SubmissionResult<string[]> | null; error?: string } | undefined;
}) {
  const { me, company, role, members, invites } = useLoaderData<typeof loader>();
  const owner = role === "owner";
  const [form, fields] = useForm({
    lastResult: reply?.result ?? undefined,
    defaultValue: { role: "recruiter" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InviteSchema }),
  });
  return (
    <div className="container narrow stack">
      <h1>{company.name}: team</h1>
      {reply?.error ? <Notice kind="error">{reply.error}</Notice> : null}
      <table className="table stacked">
        <caption className="visually-hidden">Team members</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            {owner ? (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.id}>
              <td>{member.name}</td>
              <td data-label="Email">{member.email}</td>
              <td data-label="Role">{member.role}</td>
              {owner ? (
                <td>
                  {member.id !== me ? (
                    <Form method="post">
                      <input type="hidden" name="userId" value={member.id} />
                      <ConfirmButton
                        name="intent"
                        value="remove"
                        className="button link danger"
                        confirmLabel={`Remove ${member.name}? Click again`}
                      >
                        Remove {member.name}
                      </ConfirmButton>
                    </Form>
                  ) : (
                    <span className="muted">you</span>
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {owner ? (
        <>
          {invites.length ? (
            <section aria-labelledby="pending-title">
              <h2 id="pending-title">Pending invites</h2>
              <ul>
                {invites.map((invite) => (
                  <li key={invite.id}>
                    {invite.email} ({invite.role}){" "}
                    <Form method="post" style={{ display: "inline" }}>
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="inviteId" value={invite.id} />
                      <button type="submit" className="button link">
                        Withdraw
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <section className="card" aria-labelledby="invite-title">
            <h2 id="invite-title">Invite a teammate</h2>
            <Form method="post" {...getFormProps(form)}>
              <input type="hidden" name="intent" value="invite" />
              <Field label="Email" meta={fields.email} type="email" />
              <div className="field">
                <label htmlFor={fields.role.id}>Role</label>
                <select {...getSelectProps(fields.role)} key={fields.role.key}>
                  <option value="recruiter">Recruiter: posts jobs and reviews applicants</option>
                  <option value="owner">Owner: also manages the team and billing</option>
                </select>
                <ErrorList id={fields.role.errorId} errors={fields.role.errors} />
              </div>
              <button type="submit" className="button">
                Send invite
              </button>
            </Form>
          </section>
        </>
      ) : (
        <p className="muted">Only owners can invite or remove teammates.</p>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
