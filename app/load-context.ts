declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Per-request Content-Security-Policy nonce, set by the Express server. */
    cspNonce: string;
    requestId: string;
    /** The client's address (behind one proxy: X-Forwarded-For's last hop). */
    clientIp: string;
  }
}

export {};
