// One place that decides what a failed loader or action answers, for every route of the
// build, so routes added later need do nothing: a database that does not answer is a 503 with
// the shared error page (not a 500), and a resource route's refusal (a download the asker may
// not have) is that page too, logged as a refusal rather than as an unhandled error.
// See docs/decisions/020-abuse-limits-and-faults.md.
import { data, type ServerBuild } from "@remix-run/node";
import { isDatabaseUnavailable } from "../app/utils/db.server";
import { logger } from "./logger";

export const DATABASE_UNAVAILABLE_MESSAGE =
  "The site cannot reach its database right now. Nothing you sent was lost: please try again in a minute.";

type RouteFunction = (args: {
  request: Request;
  context: { requestId?: string };
  params: Record<string, string | undefined>;
}) => unknown;

/** What the entry module offers the server for pages Remix does not render itself. */
export type RefusalRenderer = (input: { status: number; message: string }) => string;

const guarded = new WeakMap<ServerBuild, ServerBuild>();

export function guardBuild(build: ServerBuild): ServerBuild {
  let wrapped = guarded.get(build);
  if (!wrapped) {
    const render = (build.entry.module as { renderRefusal?: RefusalRenderer }).renderRefusal;
    const routes: ServerBuild["routes"] = {};
    for (const [id, route] of Object.entries(build.routes)) {
      const module = route.module;
      // Remix's own test: a route with neither a component nor a boundary answers raw Responses.
      const resource = !module.default && !module.ErrorBoundary;
      const guard = (fn: unknown) =>
        typeof fn === "function"
          ? guardRouteFunction(fn as RouteFunction, { id, resource, render })
          : fn;
      routes[id] = {
        ...route,
        module: {
          ...module,
          loader: guard(module.loader),
          action: guard(module.action),
        } as typeof module,
      };
    }
    wrapped = { ...build, routes };
    guarded.set(build, wrapped);
  }
  return wrapped;
}

function guardRouteFunction(
  fn: RouteFunction,
  route: { id: string; resource: boolean; render?: RefusalRenderer },
): RouteFunction {
  return async (args) => {
    try {
      return await fn(args);
    } catch (thrown) {
      const log = { route: route.id, req: { id: args.context.requestId, url: args.request.url } };
      if (isDatabaseUnavailable(thrown)) {
        logger.warn({ ...log, err: thrown }, "database unavailable: answered 503");
        if (!route.resource) {
          throw data(DATABASE_UNAVAILABLE_MESSAGE, {
            status: 503,
            headers: { "Retry-After": "10" },
          });
        }
        throw refusalResponse(args.request, 503, DATABASE_UNAVAILABLE_MESSAGE, route.render);
      }
      const refusal = route.resource ? await refusalOf(thrown) : null;
      if (refusal) {
        logger.info({ ...log, status: refusal.status, reason: refusal.message }, "refused");
        throw refusalResponse(args.request, refusal.status, refusal.message, route.render);
      }
      throw thrown;
    }
  };
}

/** A thrown 4xx (data() or a Response), as status and message; redirects are not refusals. */
async function refusalOf(thrown: unknown): Promise<{ status: number; message: string } | null> {
  if (thrown instanceof Response) {
    if (thrown.status < 400 || thrown.status >= 500) return null;
    const text = await thrown.text().catch(() => "");
    return { status: thrown.status, message: text.length < 300 ? text : thrown.statusText };
  }
  if (
    thrown &&
    typeof thrown === "object" &&
    (thrown as { type?: unknown }).type === "DataWithResponseInit"
  ) {
    const { data: body, init } = thrown as { data: unknown; init?: ResponseInit | null };
    const status = init?.status ?? 200;
    if (status < 400 || status >= 500) return null;
    return { status, message: typeof body === "string" ? body : "" };
  }
  return null;
}

function refusalResponse(
  request: Request,
  status: number,
  message: string,
  render: RefusalRenderer | undefined,
): Response {
  const html = render && /text\/html/.test(request.headers.get("accept") ?? "");
  return new Response(html ? render({ status, message }) : message || `Error ${status}`, {
    status,
    headers: {
      "Content-Type": html ? "text/html; charset=utf-8" : "text/plain; charset=utf-8",
      "Cache-Control": "no-store",
      ...(status === 503 ? { "Retry-After": "10" } : {}),
    },
  });
}
