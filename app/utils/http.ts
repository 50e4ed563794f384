// Small HTTP helpers shared by routes (client-safe: no server imports).

/** A positive 32-bit integer id from a URL segment, or null for anything else. */
export function parseId(value: string | undefined): number | null {
  if (!value || !/^[1-9]\d{0,9}$/.test(value)) return null;
  const id = Number(value);
  return id <= 2_147_483_647 ? id : null;
}

const SAME_ORIGIN = "http://same-origin.invalid";

/**
 * The one check for every redirect target that a request can influence: a path on this site,
 * or `fallback`. Browsers drop tabs and line breaks inside a URL and read "\\" as "/", so
 * "/\t/evil.example" is "//evil.example" to them: anything with a control character or a
 * backslash is refused, the rest is read the way a browser reads it and must stay on this
 * origin. What comes back is re-serialized (percent-encoded), so it is always a valid header.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/") {
  if (typeof to !== "string" || !to.startsWith("/") || to.length > 2000) return fallback;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
  if (/[\u0000-\u001f\u007f\\]/.test(to)) return fallback;
  const url = URL.parse(to, SAME_ORIGIN);
  if (!url || url.origin !== SAME_ORIGIN) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
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
