import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCandidate } from "~/auth/guards.server";
import { downloadResponse, getOwnFile, readStoredFile } from "~/files/files.server";
import { invariantResponse, parseId } from "~/utils/http";

// GET /me/files/:id downloads one of the coder's own files (deleting is /me/files/:id/delete).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCandidate(request);
  const fileId = parseId(params.id);
  const file = fileId ? await getOwnFile({ userId: user.id, fileId }) : undefined;
  const bytes = file ? await readStoredFile(file.storage_key) : null;
  invariantResponse(file && bytes, "No such file.");
  return downloadResponse(file, bytes);
}
