import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { sql } from "kysely";
import { pinoHttp } from "pino-http";
import type { ViteDevServer } from "vite";
import { getDb } from "../app/utils/db.server";
import { getEnv } from "../app/utils/env.server";
import { logger } from "./logger";
import { createRemixHandler } from "./remix";
import { formBodies, originCheck, securityHeaders } from "./security";

export type AppOptions = {
  /** Production: the built server bundle. */
  build?: ServerBuild;
  /** Development: Vite in middleware mode, with hot reload. */
  vite?: ViteDevServer;
  buildDir?: string;
};

export function createApp({ build, vite, buildDir = "build" }: AppOptions) {
  const env = getEnv();
  const production = env.NODE_ENV === "production";
  const app = express();
  app.disable("x-powered-by");
  // Off unless TRUST_PROXY says which proxies to believe: with it off, X-Forwarded-For is
  // just a header anyone can write, and req.ip (rate limits) is the socket's address.
  app.set("trust proxy", env.TRUST_PROXY);

  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const id =
          (req.headers["x-request-id"] as string | undefined)?.slice(0, 64) || randomUUID();
        res.setHeader("X-Request-Id", id);
        return id;
      },
      customLogLevel: (_req, res, err) =>
        err || res.statusCode >= 500 ? "error" : res.statusCode >= 400 ? "warn" : "info",
      autoLogging: {
        ignore: (req) => req.url === "/healthz" || req.url?.startsWith("/assets/") === true,
      },
      serializers: {
        req: (req) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  app.use(securityHeaders({ production, devServer: Boolean(vite) }));
  app.use(compression());

  app.get("/healthz", (_req, res) => {
    res.set("Cache-Control", "no-store").type("text/plain").send("ok");
  });
  app.get("/readyz", async (req, res) => {
    try {
      await sql`select 1`.execute(getDb());
      res.set("Cache-Control", "no-store").type("text/plain").send("ready");
    } catch (error) {
      req.log.error({ err: error }, "readiness check failed");
      res
        .status(503)
        .set("Cache-Control", "no-store")
        .type("text/plain")
        .send("database unreachable");
    }
  });

  app.use(originCheck({ allowedOrigins: [env.APP_URL] }));

  if (vite) {
    app.use(vite.middlewares);
  } else {
    // Fingerprinted assets never change: cache them for a year.
    app.use(
      "/assets",
      express.static(path.join(buildDir, "client/assets"), { immutable: true, maxAge: "1y" }),
    );
    // The other public files are known at start: only their paths reach the disk, so a page
    // request costs no stat() (the build folder does not change while the process runs).
    const clientDir = path.join(buildDir, "client");
    const publicFiles = listPublicFiles(clientDir);
    const serveFile = express.static(clientDir, { maxAge: "1h", index: false, redirect: false });
    app.use((req, res, next) => {
      if (publicFiles.has(req.path)) return serveFile(req, res, next);
      next();
    });
  }

  const getBuild = vite
    ? () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>
    : async () => build as ServerBuild;
  app.use(formBodies());
  // Mounted without a path: Express would decode one, and a bad escape such as "/jobs/%" is
  // Remix's to answer (404), not a crash in the router.
  app.use(
    createRemixHandler({
      getBuild,
      build: vite ? undefined : build,
      pageCache: !vite && env.PAGE_CACHE === "on",
      // A built bundle always runs in production mode: error details never reach the browser.
      mode: vite ? "development" : "production",
      getLoadContext: (req, res) => ({
        cspNonce: res.locals.cspNonce as string,
        requestId: String(req.id),
        clientIp: req.ip ?? "unknown",
        socketAddress: req.socket.remoteAddress ?? "",
      }),
    }),
  );
  // Last resort: whatever escaped Remix is answered without details; client errors that
  // Express itself detects (a malformed request) keep their 4xx.
  app.use(
    (error: unknown, req: express.Request, res: express.Response, _next: express.NextFunction) => {
      const status = (error as { status?: unknown }).status;
      const clientError = typeof status === "number" && status >= 400 && status < 500;
      if (clientError) req.log.info({ err: error }, "bad request");
      else req.log.error({ err: error }, "unhandled server error");
      if (res.headersSent) return void res.destroy();
      res
        .status(clientError ? status : 500)
        .set("Cache-Control", "no-store")
        .type("text/plain")
        .send(clientError ? "Bad Request." : "Something went wrong on our side.");
    },
  );
  return app;
}

/** Every file under the client build but the fingerprinted assets, as URL paths. */
function listPublicFiles(dir: string): Set<string> {
  const files = new Set<string>();
  const walk = (folder: string, prefix: string) => {
    let entries: import("node:fs").Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const url = `${prefix}/${entry.name}`;
      if (entry.isDirectory()) {
        if (url !== "/assets") walk(path.join(folder, entry.name), url);
      } else files.add(url);
    }
  };
  walk(dir, "");
  return files;
}
