// Calls a Remix loader the way the server does and reads what it answered: a plain object
// (200), data(..., { status }), or a thrown Response / data() (redirects, 404s).
import type { LoaderFunctionArgs } from "@remix-run/node";

// biome-ignore lint/suspicious/noExplicitAny: tests read whichever loader data they called for.
type Answer = { status: number; data: any; location: string | null };

function read(value: unknown): Answer {
  if (value instanceof Response) {
    return { status: value.status, data: null, location: value.headers.get("location") };
  }
  if (
    value &&
    typeof value === "object" &&
    (value as { type?: string }).type === "DataWithResponseInit"
  ) {
    const { data, init } = value as { data: unknown; init?: { status?: number } | null };
    return { status: init?.status ?? 200, data, location: null };
  }
  return { status: 200, data: value, location: null };
}

export async function callLoader(
  loader: (args: LoaderFunctionArgs) => unknown,
  path: string,
  params: Record<string, string>,
): Promise<Answer> {
  const args = {
    request: new Request(`http://localhost${path}`),
    params,
    context: { cspNonce: "test", requestId: "test", clientIp: "127.0.0.1" },
  } as LoaderFunctionArgs;
  try {
    return read(await loader(args));
  } catch (thrown) {
    if (thrown instanceof Error) throw thrown;
    return read(thrown);
  }
}
