declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Per-request Content-Security-Policy nonce, set by the Express server. */
    cspNonce: string;
    requestId: string;
  }
}

export {};
