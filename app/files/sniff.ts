// What a resume really is, by its bytes: PDF by its header, DOCX by reading the ZIP it is.
import { inflateRawSync } from "node:zlib";

export const MAX_RESUME_BYTES = 5 * 1024 * 1024;
/** A real resume DOCX expands to a few MiB at most; anything past this is refused as a zip bomb. */
export const MAX_DOCX_UNCOMPRESSED_BYTES = 40 * 1024 * 1024;
export const MAX_DOCX_ENTRIES = 1000;

export type ResumeKind = "pdf" | "docx";
export const RESUME_TYPES: Record<ResumeKind, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

export type SniffResult = { ok: true; kind: ResumeKind } | { ok: false; message: string };

const NOT_A_RESUME = "Upload your resume as a PDF or a Word document (.docx).";

function startsWith(bytes: Uint8Array, signature: number[], offset = 0) {
  return signature.every((b, i) => bytes[offset + i] === b);
}

/** Checks size, type by magic bytes, and for DOCX the whole ZIP structure. Never trusts the name. */
export function sniffResume(bytes: Uint8Array): SniffResult {
  if (bytes.length === 0)
    return { ok: false, message: "The file is empty. Choose your resume file again." };
  if (bytes.length > MAX_RESUME_BYTES)
    return { ok: false, message: "The file is larger than 5 MiB. Upload a smaller PDF or DOCX." };
  // %PDF- within the first 1024 bytes is what readers accept; we want it at the start.
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { ok: true, kind: "pdf" };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const zip = checkDocx(bytes);
    return zip.ok ? { ok: true, kind: "docx" } : zip;
  }
  if (startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46]) || startsWith(bytes, [0x4d, 0x5a])) {
    return { ok: false, message: "That file is a program, not a document. Upload a PDF or DOCX." };
  }
  return { ok: false, message: NOT_A_RESUME };
}

/**
 * Reads the ZIP central directory and inflates every entry with an output cap, so the
 * declared sizes cannot lie: the total uncompressed size and the entry count are bounded.
 */
export function checkDocx(bytes: Uint8Array): { ok: true } | { ok: false; message: string } {
  const fail = (message = "This DOCX file is damaged or is not a Word document.") => ({
    ok: false as const,
    message,
  });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: 22 bytes plus a comment of at most 65,535.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return fail();
  const entries = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (entries === 0xffff || cdOffset === 0xffffffff) return fail(); // ZIP64: no resume needs it
  if (entries > MAX_DOCX_ENTRIES) return fail("This DOCX file has too many parts to be a resume.");
  if (cdOffset + cdSize > eocd) return fail();
  let p = cdOffset;
  let total = 0;
  const names = new Set<string>();
  for (let n = 0; n < entries; n++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== 0x02014b50) return fail();
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const localOffset = view.getUint32(p + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength));
    p += 46 + nameLength + extraLength + commentLength;
    if (flags & 0x1)
      return fail(
        "Password-protected documents cannot be read by employers. Upload an unprotected file.",
      );
    names.add(name);
    if (localOffset + 30 > bytes.length || view.getUint32(localOffset, true) !== 0x04034b50)
      return fail();
    const dataStart =
      localOffset +
      30 +
      view.getUint16(localOffset + 26, true) +
      view.getUint16(localOffset + 28, true);
    if (dataStart + compressedSize > bytes.length) return fail();
    const data = bytes.subarray(dataStart, dataStart + compressedSize);
    const budget = MAX_DOCX_UNCOMPRESSED_BYTES - total;
    if (method === 0) {
      total += compressedSize;
    } else if (method === 8) {
      try {
        total += inflateRawSync(data, { maxOutputLength: budget + 1 }).length;
      } catch (error) {
        if (
          error instanceof RangeError ||
          (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE"
        ) {
          return fail(
            "This DOCX file expands to far more than a resume should. Upload a PDF instead.",
          );
        }
        return fail();
      }
    } else {
      return fail();
    }
    if (total > MAX_DOCX_UNCOMPRESSED_BYTES) {
      return fail("This DOCX file expands to far more than a resume should. Upload a PDF instead.");
    }
  }
  if (!names.has("[Content_Types].xml") || !names.has("word/document.xml")) {
    return fail("This ZIP file is not a Word document. Upload a PDF or DOCX.");
  }
  return { ok: true };
}

export const MAX_LOGO_BYTES = 2 * 1024 * 1024;
export type ImageKind = "png" | "jpeg" | "webp";
const NOT_AN_IMAGE = "Upload the logo as a PNG, JPEG or WebP image.";

/** A logo's type by its magic bytes only: PNG, JPEG or WebP. SVG, GIF, HTML and the rest are refused. */
export function sniffImage(
  bytes: Uint8Array,
): { ok: true; kind: ImageKind } | { ok: false; message: string } {
  if (bytes.length === 0)
    return { ok: false, message: "The file is empty. Choose your logo file again." };
  if (bytes.length > MAX_LOGO_BYTES)
    return { ok: false, message: "The logo is larger than 2 MiB. Upload a smaller image." };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { ok: true, kind: "png" };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { ok: true, kind: "jpeg" };
  // RIFF, a 4-byte size, then WEBP.
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return { ok: true, kind: "webp" };
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38]))
    return { ok: false, message: "GIF images are not accepted. Upload a PNG, JPEG or WebP logo." };
  return { ok: false, message: NOT_AN_IMAGE };
}
