import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AlertEditor } from "~/alerts/alert-editor";
import { handleAlertAction, loadAlertPage } from "~/alerts/manage-action.server";
import { ConfirmPage } from "~/components/confirm-button";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction = () => [
  { title: "Manage your job alert | MedCode Jobs" },
  { name: "robots", content: "noindex" },
];

// The link in every alert email: holding it is the permission (no account needed). An unknown
// or tampered token is a 404, the same whatever the address.
export async function loader({ params }: LoaderFunctionArgs) {
  return loadAlertPage({ token: params.token ?? "" });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  return handleAlertAction({
    owner: { token },
    formData: await request.formData(),
    here: `/alerts/manage/${token}`,
    afterDelete: "/jobs",
  });
}

export default function ManageAlert() {
  const { alert, reference } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  if (answer && "confirmation" in answer) return <ConfirmPage confirmation={answer.confirmation} />;
  return (
    <div className="container narrow stack">
      <h1>{alert.name}</h1>
      <AlertEditor alert={alert} reference={reference} answer={answer} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
