// Small HTTP helpers shared by routes (client-safe: no server imports).

/** A positive 32-bit integer id from a URL segment, or null for anything else. */
export function parseId(value: string | undefined): number | null {
  if (!value || !/^[1-9]\d{0,9}$/.test(value)) return null;
  const id = Number(value);
  return id <= 2_147_483_647 ? id : null;
}

/** Only local paths may be redirect targets (no "//evil.com", no "https://..."). */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/") {
  if (!to || typeof to !== "string") return fallback;
  if (!to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}

/** The page a form was posted from, as a local path (filters kept, Remix's `?index` dropped). */
export function samePage(request: Request) {
  const url = new URL(request.url);
  url.searchParams.delete("index");
  const search = url.searchParams.toString();
  return `${url.pathname}${search ? `?${search}` : ""}`;
}

/**
 * Throws a plain-text response (404 unless told otherwise) when `condition` is falsy, for the
 * shared error page to show: `invariantResponse(job, "This job does not exist.")`.
 */
export function invariantResponse(
  condition: unknown,
  message: string,
  init: ResponseInit = { status: 404 },
): asserts condition {
  if (!condition) {
    throw new Response(message, {
      ...init,
      headers: { "Content-Type": "text/plain; charset=utf-8", ...init.headers },
    });
  }
}

/** The value, or a thrown 404 with `message` when it is null or undefined. */
export function notFoundIfMissing<T>(value: T | null | undefined, message: string): T {
  invariantResponse(value != null, message);
  return value;
}
