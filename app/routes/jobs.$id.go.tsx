import { data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { getApplyJob } from "~/applications/applications.server";
import { recordApplyClick } from "~/jobs/posting-stats.server";
import { invariantResponse, parseId } from "~/utils/http";

// GET /jobs/:id/go: the counted way out to an employer's own apply page or address.
// Links to it carry rel="nofollow noopener"; crawlers that follow anyway are not counted.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = parseId(params.id);
  const job = id ? await getApplyJob(id) : undefined;
  invariantResponse(job, "This job does not exist.");
  if (job.apply_method === "site") throw redirect(`/jobs/${job.id}/apply`);
  if (!job.open) throw data("This job no longer takes applications.", { status: 410 });
  const target = outboundTarget(job);
  invariantResponse(target, "This job has no way to apply.");
  await recordApplyClick(job.id, request);
  return redirect(target, {
    headers: { "Cache-Control": "no-store", "X-Robots-Tag": "noindex, nofollow" },
  });
}

function outboundTarget(job: {
  apply_method: string;
  apply_url: string | null;
  apply_email: string | null;
  title: string;
}) {
  if (job.apply_method === "url" && job.apply_url) {
    try {
      const url = new URL(job.apply_url);
      return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
    } catch {
      return null;
    }
  }
  if (
    job.apply_method === "email" &&
    job.apply_email &&
    /^[^\s@<>"]+@[^\s@<>"]+$/.test(job.apply_email)
  ) {
    return `mailto:${job.apply_email}?subject=${encodeURIComponent(`Application: ${job.title}`)}`;
  }
  return null;
}
