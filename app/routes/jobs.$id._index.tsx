import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { jobPath } from "~/jobs/format";
import { getJobPage } from "~/jobs/jobs.server";
import { invariantResponse, parseId } from "~/utils/http";

/** /jobs/:id without its slug: send readers to the canonical address. */
export async function loader({ params }: LoaderFunctionArgs) {
  const id = parseId(params.id);
  const job = id ? await getJobPage(id) : undefined;
  invariantResponse(job, "This job does not exist.");
  throw redirect(jobPath(job), 301);
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
