// Calling route modules directly, as Remix would: a Request, params and the load context.
// A browser on this machine (the socket is loopback, as for /dev/*), whose address as the
// rate limits see it is a public one.
export const testContext = {
  cspNonce: "",
  requestId: "test",
  clientIp: "203.0.113.7",
  socketAddress: "127.0.0.1",
};

export type Outcome = { status: number; location: string | null; body: unknown };

/** Runs a loader or action and reports what the browser would get, thrown or returned. */
export async function call(
  fn: (args: {
    request: Request;
    params: Record<string, string>;
    context: typeof testContext;
  }) => unknown,
  request: Request,
  params: Record<string, string> = {},
  context = testContext,
): Promise<Outcome> {
  let value: unknown;
  try {
    value = await fn({ request, params, context });
  } catch (thrown) {
    value = thrown;
  }
  return toOutcome(value);
}

function toOutcome(value: unknown): Outcome {
  if (value instanceof Response) {
    return { status: value.status, location: value.headers.get("location"), body: value };
  }
  // data(body, init) from @remix-run/node
  if (
    value &&
    typeof value === "object" &&
    "type" in value &&
    (value as { type: string }).type === "DataWithResponseInit"
  ) {
    const { data, init } = value as unknown as { data: unknown; init?: ResponseInit | null };
    return {
      status: init?.status ?? 200,
      location: new Headers(init?.headers).get("location"),
      body: data,
    };
  }
  if (value instanceof Error) throw value;
  return { status: 200, location: null, body: value };
}

export function get(path: string, cookie?: string) {
  return new Request(`http://localhost${path}`, { headers: cookie ? { cookie } : {} });
}

/** A form post; a list value is sent as repeated fields, as checkbox groups are. */
export function post(path: string, fields: Record<string, string | string[]>, cookie?: string) {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields))
    for (const v of [value].flat()) body.append(key, v);
  return new Request(`http://localhost${path}`, {
    method: "POST",
    body,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      origin: "http://localhost",
      ...(cookie ? { cookie } : {}),
    },
  });
}

/** The one-time message a redirect carries to the next page (app/utils/flash.server.ts). */
export async function flashOf(outcome: Outcome) {
  const response = outcome.body instanceof Response ? outcome.body : null;
  const setCookie = response?.headers.getSetCookie().find((c) => c.startsWith("__flash="));
  if (!setCookie) return null;
  const { readFlash } = await import("../app/utils/flash.server");
  const { flash } = await readFlash(
    new Request("http://localhost/", { headers: { cookie: setCookie.split(";")[0] } }),
  );
  return flash;
}
