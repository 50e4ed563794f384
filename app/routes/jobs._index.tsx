import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { JobList } from "~/components/job-card";
import { listOpenJobs } from "~/jobs/jobs.server";

export const meta: MetaFunction = () => [{ title: "Medical coding jobs | MedCode Jobs" }];

const querySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
  specialty: z
    .array(z.string().regex(/^[a-z0-9-]{1,60}$/))
    .max(10)
    .catch([]),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const query = querySchema.parse({
    page: params.get("page") ?? undefined,
    specialty: params.getAll("specialty"),
  });
  const result = await listOpenJobs({ page: query.page, specialties: query.specialty });
  return { ...result, specialties: query.specialty };
}

export default function Jobs() {
  const { jobs, total, page, pageCount, specialties } = useLoaderData<typeof loader>();
  const pageLink = (n: number) => {
    const params = new URLSearchParams(specialties.map((s) => ["specialty", s]));
    if (n > 1) params.set("page", String(n));
    const qs = params.toString();
    return qs ? `?${qs}` : ".";
  };
  return (
    <div className="container narrow">
      <h1>Medical coding jobs</h1>
      <p className="muted" aria-live="polite">
        <strong>{total.toLocaleString("en-US")} jobs</strong>
        {specialties.length ? ` in ${specialties.join(", ")}` : ""}
        {pageCount > 1 ? ` · page ${page} of ${pageCount}` : ""}
      </p>
      {jobs.length ? (
        <JobList jobs={jobs} />
      ) : (
        <p className="notice">
          No open jobs here. <Link to="/jobs">See all jobs</Link>
        </p>
      )}
      {pageCount > 1 ? (
        <nav className="pagination" aria-label="Pages">
          {page > 1 ? (
            <Link to={pageLink(page - 1)} rel="prev">
              ← Newer
            </Link>
          ) : null}
          <span>
            Page {page} of {pageCount}
          </span>
          {page < pageCount ? (
            <Link to={pageLink(page + 1)} rel="next">
              Older →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
