import { renderSitemap } from "~/search/feeds.server";
import { getEnv } from "~/utils/env.server";

export async function loader() {
  return new Response(await renderSitemap(getEnv().APP_URL), {
    headers: {
      "Content-Type": "application/xml; charset=utf-8",
      "Cache-Control": "public, max-age=900",
    },
  });
}
