// A local stand-in for api.resend.com (single and batch sends) for tests and the alert bench:
// the real Resend SDK talks to it through RESEND_BASE_URL.
import { once } from "node:events";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export type RecordedRequest = {
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
};

export async function startResendStandIn({ record = true }: { record?: boolean } = {}) {
  const requests: RecordedRequest[] = [];
  let sent = 0;
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "null");
    if (record) requests.push({ path: req.url ?? "", headers: req.headers, body });
    const batch = req.url === "/emails/batch";
    const count = batch && Array.isArray(body) ? body.length : 1;
    const ids = Array.from({ length: count }, () => ({ id: `stand-in-${++sent}` }));
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(batch ? { data: ids } : ids[0]));
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    /** Messages accepted so far (a batch counts each of its messages). */
    sent: () => sent,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
