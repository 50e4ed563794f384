// The production build (made once by the integration tier's global setup) served on a free
// port for one test file's requests over HTTP: `site.base` is its address once started.
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll } from "vitest";
import { createApp } from "../../server/app";

export function useBuiltSite() {
  const site = { base: "" };
  let close = () => {};
  beforeAll(async () => {
    const build = await import(pathToFileURL(path.resolve("build/server/index.js")).href);
    const server = createApp({ build }).listen(0);
    await new Promise((resolve) => server.once("listening", resolve));
    site.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => close());
  return site;
}
