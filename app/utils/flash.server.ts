// One-time messages after a redirect ("Draft saved.", "Application withdrawn."), carried in a
// short-lived cookie rather than a `?saved=1` flag that survives reloads and shared links.
// The root loader reads and clears it; <FlashNotice> in the layout shows it.
import { createCookie, redirect } from "@remix-run/node";
import { getEnv } from "./env.server";

export type FlashKind = "success" | "info" | "error";
export type Flash = { kind: FlashKind; message: string };

const MAX_MESSAGE = 300;

function flashCookie() {
  return createCookie("__flash", {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: getEnv().APP_URL.startsWith("https:"),
    // Long enough to survive a redirect on a slow phone, short enough not to greet a later visit.
    maxAge: 60,
  });
}

function asFlash(value: unknown): Flash | null {
  if (!value || typeof value !== "object") return null;
  const { kind, message } = value as Record<string, unknown>;
  if (typeof message !== "string" || !message) return null;
  const known: FlashKind[] = ["success", "info", "error"];
  return {
    kind: known.includes(kind as FlashKind) ? (kind as FlashKind) : "info",
    message: message.slice(0, MAX_MESSAGE),
  };
}

/** The Set-Cookie value that makes the next page show `flash` once. */
export function flashCookieHeader(flash: Flash | string): Promise<string> {
  const value = typeof flash === "string" ? { kind: "success", message: flash } : flash;
  return flashCookie().serialize(asFlash(value));
}

/**
 * A redirect whose target page shows a one-time message. A plain string is a success message.
 * Extra headers (a session cookie, say) are kept.
 */
export async function redirectWithFlash(
  url: string,
  flash: Flash | string,
  init: ResponseInit = {},
): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", await flashCookieHeader(flash));
  return redirect(url, { ...init, headers });
}

/** The pending message, if any, and the header that clears it. */
export async function readFlash(
  request: Request,
): Promise<{ flash: Flash | null; clearCookie: string | null }> {
  const header = request.headers.get("Cookie");
  if (!header?.includes("__flash=")) return { flash: null, clearCookie: null };
  const cookie = flashCookie();
  const flash = asFlash(await cookie.parse(header).catch(() => null));
  return { flash, clearCookie: await cookie.serialize("", { maxAge: 0 }) };
}
