import type { LoaderFunctionArgs } from "@remix-run/node";
import { renderSitemapPart } from "~/search/feeds.server";
import { getEnv } from "~/utils/env.server";

// The parts of a split sitemap: /sitemap/pages.xml and /sitemap/jobs-N.xml.
export async function loader({ params }: LoaderFunctionArgs) {
  const xml = await renderSitemapPart(params.part ?? "", getEnv().APP_URL);
  if (xml === null) throw new Response("Not found", { status: 404 });
  return new Response(xml, {
    headers: {
      "Content-Type": "application/xml; charset=utf-8",
      "Cache-Control": "public, max-age=900",
    },
  });
}
