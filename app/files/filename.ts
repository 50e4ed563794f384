// User-given file names are data to display, never paths or header text as they are.

// Bidirectional controls (LRM, RLM, ALM, embeddings, overrides, isolates) can make
// "gpj.exe" read as "exe.jpg"; C0/C1 controls include CR/LF.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** A display name: no folders, no control or bidi characters, at most 120 characters, the right extension. */
export function sanitizeFilename(name: string, ext: "pdf" | "docx"): string {
  const base = name.replace(/\\/g, "/").split("/").pop() ?? "";
  let clean = base.normalize("NFC").replace(UNSAFE, "").replace(/\s+/g, " ").trim();
  clean = clean.replace(/^\.+/, "").trim();
  const stem = clean
    .replace(/\.(pdf|docx?)$/i, "")
    .slice(0, 110)
    .trim();
  return `${stem || "resume"}.${ext}`;
}

/** Content-Disposition for a download: an ASCII fallback and the RFC 5987 UTF-8 name. */
export function attachmentDisposition(name: string): string {
  const ascii = name.replace(/[^A-Za-z0-9 ._()-]/g, "_").replace(/^[ .]+/, "") || "download";
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
