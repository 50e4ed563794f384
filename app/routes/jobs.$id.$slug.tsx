import { data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useFetcher, useLoaderData, useLocation } from "@remix-run/react";
import { getUser } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { JobView } from "~/components/job-view";
import { jobPath } from "~/jobs/format";
import { buildJobView } from "~/jobs/job-page.server";
import { getJobPage } from "~/jobs/jobs.server";
import { jobPostingJsonLd } from "~/jobs/json-ld";
import { recordJobView } from "~/jobs/posting-stats.server";
import { isJobSaved } from "~/jobs/saved.server";
import { getEnv } from "~/utils/env.server";
import { notFoundIfMissing, parseId } from "~/utils/http";

export async function loader({ params, request }: LoaderFunctionArgs) {
  const id = parseId(params.id);
  const row = notFoundIfMissing(id ? await getJobPage(id) : undefined, "This job does not exist.");
  if (params.slug !== row.slug) throw redirect(jobPath(row), 301);
  if (row.open) recordJobView(row.id, request);
  const [view, user] = await Promise.all([
    buildJobView(row, { similarLimit: row.open ? 4 : 8 }),
    getUser(request),
  ]);
  const viewer = user
    ? {
        candidate: user.role === "candidate",
        saved: user.role === "candidate" && (await isJobSaved({ userId: user.id, jobId: row.id })),
      }
    : null;
  const origin = getEnv().APP_URL;
  const canonical = `${origin}${jobPath(row)}`;
  const page = {
    ...view,
    viewer,
    canonical,
    shareImage: `${origin}/og.png`,
    jsonLd: row.open
      ? jobPostingJsonLd(row, canonical, { descriptionHtml: view.descriptionHtml, origin })
      : null,
  };
  // A closed or expired job is gone for good: 410 tells crawlers to drop it.
  return row.open ? page : data(page, { status: 410 });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => {
  if (!page) return [{ title: "Job not found | MedCode Jobs" }];
  const title = `${page.job.title} at ${page.job.company?.name} | MedCode Jobs`;
  return [
    { title },
    { name: "description", content: page.summary },
    { property: "og:type", content: "website" },
    { property: "og:site_name", content: "MedCode Jobs" },
    { property: "og:title", content: title },
    { property: "og:description", content: page.summary },
    { property: "og:url", content: page.canonical },
    { property: "og:image", content: page.shareImage },
    { property: "og:image:width", content: "1200" },
    { property: "og:image:height", content: "630" },
    { property: "og:image:alt", content: "MedCode Jobs: medical coding jobs" },
    { name: "twitter:card", content: "summary_large_image" },
    { name: "twitter:title", content: title },
    { name: "twitter:description", content: page.summary },
    { name: "twitter:image", content: page.shareImage },
    ...(page.job.open ? [] : [{ name: "robots", content: "noindex" }]),
    ...(page.jsonLd ? [{ "script:ld+json": page.jsonLd }] : []),
  ];
};

export default function JobPageRoute() {
  const page = useLoaderData<typeof loader>();
  return (
    <JobView
      {...page}
      shareUrl={page.canonical}
      actions={<SaveJob jobId={page.job.id} viewer={page.viewer} />}
      footer={
        page.job.open ? (
          <p className="report-link">
            <Link to={`/jobs/${page.job.id}/report`} rel="nofollow">
              Report this job
            </Link>
          </p>
        ) : null
      }
    />
  );
}

/** Coders keep jobs at /me/saved; a plain form, so it works without JavaScript. */
function SaveJob({
  jobId,
  viewer,
}: {
  jobId: number;
  viewer: { candidate: boolean; saved: boolean } | null;
}) {
  const fetcher = useFetcher();
  const location = useLocation();
  if (!viewer) {
    return (
      <Link
        className="button secondary"
        to={`/login?redirectTo=${encodeURIComponent(location.pathname)}`}
      >
        Log in to save
      </Link>
    );
  }
  if (!viewer.candidate) return null;
  // Optimistic: show the new state while the request is in flight.
  const saved = fetcher.formData ? fetcher.formData.get("intent") === "save" : viewer.saved;
  return (
    <fetcher.Form method="post" action={`/jobs/${jobId}/save`}>
      <input type="hidden" name="intent" value={saved ? "unsave" : "save"} />
      <input type="hidden" name="redirectTo" value={location.pathname} />
      <button type="submit" className="button secondary" aria-pressed={saved}>
        {saved ? "Saved ✓" : "Save job"}
      </button>
    </fetcher.Form>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
