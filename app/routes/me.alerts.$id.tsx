import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AlertEditor } from "~/alerts/alert-editor";
import { handleAlertAction, loadAlertPage } from "~/alerts/manage-action.server";
import { requireCandidate } from "~/auth/guards.server";
import { ConfirmPage } from "~/components/confirm-button";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { notFoundIfMissing, parseId } from "~/utils/http";

export const meta: MetaFunction = () => [
  { title: "Job alert | MedCode Jobs" },
  { name: "robots", content: "noindex" },
];

const NOT_YOURS = "We could not find that alert. It may have been deleted.";

// Another person's alert id reads exactly like one that does not exist: 404.
async function owner(request: Request, id: string | undefined) {
  const user = await requireCandidate(request);
  return { id: notFoundIfMissing(parseId(id), NOT_YOURS), userId: user.id };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadAlertPage(await owner(request, params.id));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const who = await owner(request, params.id);
  return handleAlertAction({
    owner: who,
    formData: await request.formData(),
    here: `/me/alerts/${who.id}`,
    afterDelete: "/me/alerts",
  });
}

export default function AccountAlert() {
  const { alert, reference } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  if (answer && "confirmation" in answer) return <ConfirmPage confirmation={answer.confirmation} />;
  return (
    <div className="container narrow stack">
      <p className="muted">
        <Link to="/me/alerts">Alerts</Link> › {alert.name}
      </p>
      <h1>{alert.name}</h1>
      <AlertEditor alert={alert} reference={reference} answer={answer} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
