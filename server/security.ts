import { randomBytes } from "node:crypto";
import type { NextFunction, Request, Response } from "express";

/** Paths whose POSTs come from other sites by design (signed webhooks, one-click unsubscribe). */
export const originCheckExempt: RegExp[] = [/^\/api\/webhooks\//, /^\/alerts\/unsubscribe\//];

export function securityHeaders(options: { production: boolean; devServer: boolean }) {
  return (_req: Request, res: Response, next: NextFunction) => {
    const nonce = randomBytes(16).toString("base64");
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
