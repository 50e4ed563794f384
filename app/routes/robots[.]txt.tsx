import { renderRobots } from "~/search/feeds.server";
import { getEnv } from "~/utils/env.server";

export function loader() {
  return new Response(renderRobots(getEnv().APP_URL), {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": "public, max-age=3600",
    },
  });
}
