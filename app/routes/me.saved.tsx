import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireCandidate } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { JobCard } from "~/components/job-card";
import { Notice } from "~/components/notice";
import { listSavedJobs } from "~/jobs/saved.server";

export const meta: MetaFunction = () => [
  { title: "Saved jobs | MedCode Jobs" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCandidate(request);
  return { jobs: await listSavedJobs({ userId: user.id }) };
}

export default function SavedJobs() {
  const { jobs } = useLoaderData<typeof loader>();
  return (
    <div className="container narrow">
      <h1>Saved jobs</h1>
      {jobs.length === 0 ? (
        <Notice>
          Nothing saved yet. Use “Save job” on any job page to keep it here.{" "}
          <Link to="/jobs">Browse jobs</Link>
        </Notice>
      ) : (
        <ul className="job-list">
          {jobs.map((job) => (
            <li key={job.id}>
              <JobCard job={job} />
              <div className="muted">
                {job.open ? null : <strong>No longer open. </strong>}
                <Form method="post" action={`/jobs/${job.id}/save`} style={{ display: "inline" }}>
                  <input type="hidden" name="intent" value="unsave" />
                  <input type="hidden" name="redirectTo" value="/me/saved" />
                  <button type="submit" className="button link">
                    Remove “{job.title}”
                  </button>
                </Form>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
