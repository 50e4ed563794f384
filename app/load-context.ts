declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Per-request Content-Security-Policy nonce, set by the Express server. */
    cspNonce: string;
    requestId: string;
    /** The client's address: the socket's, or X-Forwarded-For's as far as TRUST_PROXY allows. */
    clientIp: string;
    /** The socket's own peer address, never from a header: loopback means this machine. */
    socketAddress: string;
  }
}

export {};
