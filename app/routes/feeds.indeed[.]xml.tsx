import { streamIndeedFeed } from "~/search/feeds.server";
import { getEnv } from "~/utils/env.server";

// Indeed's XML job feed of every open job, streamed.
export function loader() {
  return new Response(streamIndeedFeed(getEnv().APP_URL), {
    headers: {
      "Content-Type": "application/xml; charset=utf-8",
      "Cache-Control": "public, max-age=1800",
    },
  });
}
