// The bridge from Express to Remix, in place of @remix-run/express's: it hands Remix the body
// the form check already read, lets a route's own headers replace the server's defaults
// (a download's sandbox CSP is sent once, not beside the page policy), keeps private pages out
// of every cache, and passes the build through guardBuild (server/route-faults.ts).
import {
  type AppLoadContext,
  createRequestHandler as createRemixRequestHandler,
  type ServerBuild,
  writeReadableStreamToWritable,
} from "@remix-run/node";
import type { NextFunction, Request, Response } from "express";
import { cacheKey, countHit, currentVersion, lookUp, storable, store } from "./page-cache";
import { guardBuild } from "./route-faults";
import { isPrivatePath, originCheckExempt } from "./security";

export type RemixHandlerOptions = {
  getBuild: () => Promise<ServerBuild>;
  /** Production: the built bundle, which never changes while the process runs. */
  build?: ServerBuild;
  /** Anonymous public pages from memory (server/page-cache.ts). */
  pageCache?: boolean;
  mode: "development" | "production";
  getLoadContext: (req: Request, res: Response) => AppLoadContext;
};

export function createRemixHandler({
  getBuild,
  build,
  mode,
  getLoadContext,
  pageCache = false,
}: RemixHandlerOptions) {
  // Given a function, Remix derives its routes, static handler and compiled patterns again on
  // every request (it must, for hot reload); a built bundle never changes, so production hands
  // Remix the build itself and that work happens once.
  const handle = build
    ? createRemixRequestHandler(guardBuild(build), mode)
    : createRemixRequestHandler(async () => guardBuild(await getBuild()), mode);
  return async (req: Request, res: Response, next: NextFunction) => {
    const url = requestUrl(req);
    if (!url) {
      res.status(400).type("text/plain").send("Bad Request: the Host header is not a host name.");
      return;
    }
    try {
      const key = pageCache ? cacheKey(req) : null;
      const nonce = String(res.locals.cspNonce ?? "");
      // The cache never fails a page: if its version cannot be read, the page is rendered.
      const version = key ? await currentVersion().catch(() => null) : null;
      // A hit is answered before any fetch Request is built for Remix. It is gzipped here,
      // from the entry's compressed parts, for a client that takes gzip (the compression
      // middleware leaves a response that has its encoding alone).
      const hit =
        key && version !== null
          ? lookUp(key, nonce, version, {
              gzip: req.acceptsEncodings("gzip", "identity") === "gzip",
            })
          : null;
      if (hit) {
        countHit(req, url.href);
        res.status(hit.status);
        for (const [name, value] of hit.headers) res.setHeader(name, value);
        res.setHeader("X-Page-Cache", "hit");
        res.append("Vary", "Accept-Encoding");
        if (hit.encoding) res.setHeader("Content-Encoding", hit.encoding);
        res.end(hit.body);
        return;
      }
      const request = toFetchRequest(req, res, url);
      if (key && version !== null) {
        // The version was read before rendering: a change committed meanwhile makes it older.
        const response = await handle(request, getLoadContext(req, res));
        if (storable(response)) {
          const body = await response.text();
          store(key, version, response, body, nonce);
          res.setHeader("X-Page-Cache", "miss");
          await sendResponse(req, res, new Response(body, response));
          return;
        }
        await sendResponse(req, res, response);
        return;
      }
      const response = await handle(request, getLoadContext(req, res));
      await sendResponse(req, res, response);
    } catch (error) {
      next(error);
    }
  };
}

/** The request's URL, or null when its Host header is not a host name. */
function requestUrl(req: Request): URL | null {
  // req.hostname and req.protocol follow the TRUST_PROXY setting.
  const port = /:(\d{1,5})$/.exec(req.get("host") ?? "")?.[1];
  const url = URL.parse(
    `${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`,
  );
  return req.hostname && url ? url : null;
}

function toFetchRequest(req: Request, res: Response, url: URL): globalThis.Request {
  const headers = new Headers();
  // Cross-site POSTs to these paths are by design (one-click unsubscribe from a mail client):
  // our origin check lets them through, and Remix's own, which would throw (a 500) on a
  // foreign Origin, does not see one.
  const crossSite = originCheckExempt.some((pattern) => pattern.test(req.path));
  for (const [key, value] of Object.entries(req.headers)) {
    if (value === undefined || (crossSite && key === "origin")) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(key, item);
  }
  const controller = new AbortController();
  // Abort loaders and actions when the client goes away before the answer is written.
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  const body = req.method === "GET" || req.method === "HEAD" ? undefined : readBody(req);
  return new Request(url, { method: req.method, headers, body, signal: controller.signal });
}

function readBody(req: Request): BodyInit | undefined {
  // formBodies (server/security.ts) has read and checked every non-GET body already.
  return Buffer.isBuffer(req.body) ? new Uint8Array(req.body) : undefined;
}

async function sendResponse(req: Request, res: Response, response: globalThis.Response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  const cookies = response.headers.getSetCookie();
  for (const [key, value] of response.headers) {
    if (key !== "set-cookie") res.setHeader(key, value);
  }
  if (cookies.length) res.setHeader("Set-Cookie", cookies);
  if (isPrivatePath(req.path)) res.setHeader("Cache-Control", "private, no-store");
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}
