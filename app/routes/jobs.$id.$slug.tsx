import { data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { describeCodes } from "~/codes/codes.server";
import { findCodes } from "~/codes/detect";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { JobView } from "~/components/job-view";
import { jobPath } from "~/jobs/format";
import { getJobPage, listSimilarJobs } from "~/jobs/jobs.server";
import { jobPostingJsonLd } from "~/jobs/json-ld";
import { recordJobView } from "~/jobs/posting-stats.server";
import { getEnv } from "~/utils/env.server";
import { parseId } from "~/utils/http";
import { markdownToText, renderMarkdown } from "~/utils/markdown.server";

export async function loader({ params, request }: LoaderFunctionArgs) {
  const id = parseId(params.id);
  const job = id ? await getJobPage(id) : undefined;
  if (!job) throw data("This job does not exist.", { status: 404 });
  if (params.slug !== job.slug) throw redirect(jobPath(job), 301);
  if (job.open) recordJobView(job.id, request);
  const [similar, codes] = await Promise.all([
    listSimilarJobs({ jobId: job.id, limit: job.open ? 4 : 8 }),
    describeCodes(findCodes(`${job.title}\n${job.description}`).slice(0, 24)),
  ]);
  const origin = getEnv().APP_URL ?? "";
  const canonical = `${origin}${jobPath(job)}`;
  const descriptionHtml = renderMarkdown(job.description);
  const page = {
    job,
    similar,
    codes,
    canonical,
    descriptionHtml,
    summary: markdownToText(job.description).slice(0, 200),
    jsonLd: job.open ? jobPostingJsonLd(job, canonical, { descriptionHtml, origin }) : null,
  };
  // A closed or expired job is gone for good: 410 tells crawlers to drop it.
  return job.open ? page : data(page, { status: 410 });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => {
  if (!page) return [{ title: "Job not found | MedCode Jobs" }];
  const title = `${page.job.title} at ${page.job.company?.name} | MedCode Jobs`;
  return [
    { title },
    { name: "description", content: page.summary },
    { tagName: "link", rel: "canonical", href: page.canonical },
    { property: "og:type", content: "website" },
    { property: "og:title", content: title },
    { property: "og:description", content: page.summary },
    { property: "og:url", content: page.canonical },
    ...(page.job.open ? [] : [{ name: "robots", content: "noindex" }]),
    ...(page.jsonLd ? [{ "script:ld+json": page.jsonLd }] : []),
  ];
};

export default function JobPageRoute() {
  return <JobView {...useLoaderData<typeof loader>()} />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
