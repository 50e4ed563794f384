import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { requireCandidate } from "~/auth/guards.server";
import { saveJob, unsaveJob } from "~/jobs/saved.server";
import { invariantResponse, parseId, safeRedirect } from "~/utils/http";

// POST /jobs/:id/save with intent=save|unsave. Without JavaScript it returns to the page it
// came from; with a fetcher the page simply revalidates.
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCandidate(request);
  const jobId = parseId(params.id);
  invariantResponse(jobId, "This job does not exist.");
  const form = await request.formData();
  if (form.get("intent") === "unsave") {
    await unsaveJob({ userId: user.id, jobId });
  } else if (!(await saveJob({ userId: user.id, jobId })).ok) {
    throw data("This job does not exist.", { status: 404 });
  }
  // /jobs/:id forwards to the job's canonical address.
  throw redirect(safeRedirect(form.get("redirectTo"), `/jobs/${jobId}`));
}

export async function loader({ params }: LoaderFunctionArgs) {
  const jobId = parseId(params.id);
  invariantResponse(jobId, "This job does not exist.");
  throw redirect(`/jobs/${jobId}`);
}
