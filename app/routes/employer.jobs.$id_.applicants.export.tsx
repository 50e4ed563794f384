import type { LoaderFunctionArgs } from "@remix-run/node";
import { applicantsCsv } from "~/applications/pipeline.server";
import { requireCompanyJob } from "~/auth/guards.server";
import { attachmentDisposition } from "~/files/filename";
import { slugify } from "~/utils/slug";

// GET: the job's applicants as a CSV download (formula cells neutralised).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { company, job } = await requireCompanyJob(request, params, { removed: true });
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
