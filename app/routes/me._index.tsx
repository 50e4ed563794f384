import { type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { JobList } from "~/components/job-card";
import { listJobMatches } from "~/jobs/matches.server";

export const meta: MetaFunction = () => [{ title: "Jobs that fit you | MedCode Jobs" }];

// /me: a coder's home is the jobs that fit their profile; employers and operators have theirs.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (user.role === "employer") throw redirect("/employer");
  if (user.role === "admin") throw redirect("/admin");
  return { matches: await listJobMatches(user.id, { limit: 20 }) };
}

export default function MyJobs() {
  const { matches } = useLoaderData<typeof loader>();
  return (
    <div className="container narrow stack">
      <h1>Jobs that fit you</h1>
      <p className="muted">
        Open jobs ranked by your <Link to="/me/profile">profile</Link>: credentials you hold (a job
        that requires one you do not hold never shows here), your specialties, the code families you
        work in, and where you want to work.
      </p>
      {matches.length ? (
        <section aria-labelledby="fits-title">
          <h2 id="fits-title">Open jobs, best fit first</h2>
          <JobList jobs={matches} />
        </section>
      ) : (
        <p>
          Nothing fits yet. <Link to="/me/profile">Add your credentials and specialties</Link> to
          see jobs that fit you.
        </p>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
