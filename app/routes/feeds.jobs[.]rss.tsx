import type { LoaderFunctionArgs } from "@remix-run/node";
import { renderJobsRss } from "~/search/feeds.server";
import { parseSearchParams } from "~/search/search-schemas";
import { getEnv } from "~/utils/env.server";

// RSS 2.0 of any /jobs search: the same query parameters, newest first.
export async function loader({ request }: LoaderFunctionArgs) {
  const { filters } = parseSearchParams(new URL(request.url).searchParams);
  return new Response(await renderJobsRss(filters, getEnv().APP_URL), {
    headers: {
      "Content-Type": "application/rss+xml; charset=utf-8",
      "Cache-Control": "public, max-age=300",
    },
  });
}
