import { randomBytes } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import { MAX_MULTIPART_BYTES } from "../app/files/upload.server";

/** Paths whose POSTs come from other sites by design (signed webhooks, one-click unsubscribe). */
export const originCheckExempt: RegExp[] = [/^\/api\/webhooks\//, /^\/alerts\/unsubscribe\//];

/** Paths that take bodies other than HTML forms (signed JSON webhooks). */
export const formCheckExempt: RegExp[] = [/^\/api\/webhooks\//];

/**
 * Pages about one person or company: never stored by a browser's or a proxy's cache, so the
 * back button on a shared computer or a misconfigured CDN shows nothing of them.
 */
const PRIVATE_PATHS = /^\/(me|employer|admin|dev|checkout)(\/|\.data$|$)/;

export function isPrivatePath(path: string) {
  return PRIVATE_PATHS.test(path);
}

// Each response's CSP nonce: 16 bytes of the system's random source, cut from a block read
// 256 nonces at a time rather than read per response (~18 µs a call, a tenth of what a cached
// page costs). Every slice is used once, so nonces stay unpredictable and never repeat.
let randomBlock = Buffer.alloc(0);
let randomAt = 0;
function newNonce() {
  if (randomAt + 16 > randomBlock.length) {
    randomBlock = randomBytes(4096);
    randomAt = 0;
  }
  randomAt += 16;
  return randomBlock.toString("base64", randomAt - 16, randomAt);
}

export function securityHeaders(options: { production: boolean; devServer: boolean }) {
  return (_req: Request, res: Response, next: NextFunction) => {
    const nonce = newNonce();
    res.locals.cspNonce = nonce;
    // Vite's dev server injects its HMR client and websocket; only dev relaxes the policy for it.
    const connect = options.devServer ? "'self' ws: wss:" : "'self'";
    const csp = [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: https:",
      "font-src 'self'",
      `connect-src ${connect}`,
      "form-action 'self' https://checkout.stripe.com",
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "object-src 'none'",
    ];
    if (options.production) csp.push("upgrade-insecure-requests");
    res.setHeader("Content-Security-Policy", csp.join("; "));
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    if (options.production) {
      res.setHeader("Strict-Transport-Security", "max-age=63072000; includeSubDomains; preload");
    }
    res.removeHeader("X-Powered-By");
    next();
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses state-changing requests that do not come from the site's own pages: the Origin
 * header (sent by every current browser on POST) must equal the site's origin.
 */
export function originCheck(options: { allowedOrigins: string[]; exempt?: RegExp[] }) {
  const allowed = new Set(options.allowedOrigins.map((origin) => new URL(origin).origin));
  const exempt = options.exempt ?? originCheckExempt;
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    if (exempt.some((pattern) => pattern.test(req.path))) return next();
    const origin = req.get("origin");
    // The site's configured origin, or the host this very request was sent to (a browser
    // cannot forge the Host header of a cross-site request).
    if (origin && (allowed.has(origin) || origin === `${req.protocol}://${req.get("host")}`)) {
      return next();
    }
    res
      .status(403)
      .type("text/plain")
      .send("Forbidden: this form must be sent from the site itself.");
  };
}

const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);
/** No url-encoded form of ours comes near this; a 1 MB text field is refused before parsing. */
const MAX_FORM_BYTES = 1024 * 1024;

class BodyTooLarge extends Error {}

/**
 * Reads the body of every request that may carry one, once, with a cap, and refuses what no
 * form of ours sends: another content type (415), a body over the cap (413) or a multipart
 * body that does not parse (400, e.g. cut off mid-upload). Remix then reads the checked bytes
 * (server/remix.ts), so no action ever meets a body it cannot parse.
 */
export function formBodies(options: { exempt?: RegExp[] } = {}) {
  const exempt = options.exempt ?? formCheckExempt;
  return async (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const contentType = req.get("content-type") ?? "";
    const type = contentType.split(";")[0].trim().toLowerCase();
    const checked = !exempt.some((pattern) => pattern.test(req.path));
    if (checked && !FORM_TYPES.has(type)) {
      return refuse(
        res,
        415,
        "Unsupported Media Type: this address takes HTML form posts (application/x-www-form-urlencoded or multipart/form-data).",
      );
    }
    const limit = type === "multipart/form-data" ? MAX_MULTIPART_BYTES : MAX_FORM_BYTES;
    const tooLarge = `Payload Too Large: at most ${Math.round(limit / 1024 / 1024)} MiB.`;
    if (Number(req.get("content-length") ?? 0) > limit) {
      res.set("Connection", "close");
      return refuse(res, 413, tooLarge);
    }
    let body: Buffer;
    try {
      body = await readCapped(req, limit);
    } catch (error) {
      if (!(error instanceof BodyTooLarge)) return; // the client went away mid-body
      // Stop reading a body that never ends once the answer is out.
      res.set("Connection", "close").once("finish", () => req.destroy());
      return refuse(res, 413, tooLarge);
    }
    if (
      checked &&
      type === "multipart/form-data" &&
      !(await parsesAsMultipart(body, contentType))
    ) {
      return refuse(
        res,
        400,
        "Bad Request: the form's multipart body is malformed or cut off. Please send the form again.",
      );
    }
    req.body = body;
    next();
  };
}

function readCapped(req: Request, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners("data");
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
    req.on("aborted", () => reject(new Error("aborted")));
  });
}

/** The parser Remix's request.formData() uses: if it fails here, it would fail in an action. */
async function parsesAsMultipart(body: Buffer, contentType: string) {
  if (!/;\s*boundary=/i.test(contentType)) return false;
  try {
    await new Response(new Uint8Array(body), {
      headers: { "content-type": contentType },
    }).formData();
    return true;
  } catch {
    return false;
  }
}

function refuse(res: Response, status: number, message: string) {
  res.status(status).set("Cache-Control", "no-store").type("text/plain").send(message);
}
