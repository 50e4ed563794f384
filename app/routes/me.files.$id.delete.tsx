import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireCandidate } from "~/auth/guards.server";
import { ConfirmPage } from "~/components/confirm-button";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { deleteOwnFile, getOwnFile } from "~/files/files.server";
import type { Confirmation } from "~/utils/confirm";
import { askToConfirm, isConfirmed } from "~/utils/confirm.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFoundIfMissing, parseId } from "~/utils/http";

// Deleting one of the coder's own files: the two-step button on the profile posts here
// confirmed; without JavaScript this page asks first.
export const meta: MetaFunction = () => [
  { title: "Delete a file | MedCode Jobs" },
  { name: "robots", content: "noindex" },
];

async function ownFile(request: Request, params: { id?: string }) {
  const user = await requireCandidate(request);
  const fileId = parseId(params.id);
  const file = notFoundIfMissing(
    fileId ? await getOwnFile({ userId: user.id, fileId }) : undefined,
    "No such file.",
  );
  return { user, file };
}

function question(file: { id: number; original_name: string }): Omit<Confirmation, "fields"> {
  return {
    title: `Delete ${file.original_name}?`,
    message:
      "The file is deleted for good. Applications you already sent with it show “resume removed” to the employer.",
    confirmLabel: "Yes, delete the file",
    cancelHref: "/me/profile",
    action: `/me/files/${file.id}/delete`,
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { file } = await ownFile(request, params);
  return { confirmation: { ...question(file), fields: [] } satisfies Confirmation };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, file } = await ownFile(request, params);
  const formData = await request.formData();
  if (!isConfirmed(formData)) return askToConfirm(formData, question(file));
  const result = await deleteOwnFile({ userId: user.id, fileId: file.id });
  if (!result.ok) throw data("No such file.", { status: 404 });
  return redirectWithFlash("/me/profile", `${file.original_name} deleted.`);
}

export default function DeleteFile() {
  const asked = useActionData<typeof action>();
  const loaded = useLoaderData<typeof loader>();
  return <ConfirmPage confirmation={(asked ?? loaded).confirmation} />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
