import type { LoaderFunctionArgs } from "@remix-run/node";
import { getApplicantResume } from "~/applications/pipeline.server";
import { requireEmployer } from "~/auth/guards.server";
import { downloadResponse, readStoredFile } from "~/files/files.server";
import { invariantResponse, parseId } from "~/utils/http";

// GET: the resume of an application sent to the employer's company, as an attachment.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { company } = await requireEmployer(request);
  const jobId = parseId(params.id);
  const applicationId = parseId(params.applicationId);
  const file =
    jobId && applicationId
      ? await getApplicantResume({ companyId: company.id, jobId, applicationId })
      : undefined;
  const bytes = file ? await readStoredFile(file.storage_key) : null;
  invariantResponse(file && bytes, "No such resume.");
  return downloadResponse(file, bytes);
}
