import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { requireCandidate } from "~/auth/guards.server";
import { downloadResponse, getOwnFile, readStoredFile } from "~/files/files.server";
import { parseId } from "~/utils/http";

// GET /me/files/:id downloads one of the coder's own files (deleting is /me/files/:id/delete).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCandidate(request);
  const fileId = parseId(params.id);
  const file = fileId ? await getOwnFile({ userId: user.id, fileId }) : undefined;
  const bytes = file ? await readStoredFile(file.storage_key) : null;
  if (!file || !bytes) throw data("No such file.", { status: 404 });
  return downloadResponse(file, bytes);
}
