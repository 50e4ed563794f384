import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { applicantsCsv, getCompanyJob } from "~/applications/pipeline.server";
import { requireEmployer } from "~/auth/guards.server";
import { attachmentDisposition } from "~/files/filename";
import { parseId } from "~/utils/http";
import { slugify } from "~/utils/slug";

// GET: the job's applicants as a CSV download (formula cells neutralised).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { company } = await requireEmployer(request);
  const jobId = parseId(params.id);
  const job = jobId ? await getCompanyJob({ companyId: company.id, jobId }) : undefined;
  if (!job) throw data("No such job in your company.", { status: 404 });
  const csv = await applicantsCsv({ companyId: company.id, jobId: job.id });
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachmentDisposition(
        `applicants-${job.id}-${slugify(job.title, "job")}.csv`,
      ),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    },
  });
}
