// Multipart forms with a resume: every part is read with a cap while it streams, so a large
// upload is refused without holding it, and the other fields survive to re-fill the form.
import { data, unstable_parseMultipartFormData } from "@remix-run/node";
import { MAX_RESUME_BYTES } from "./sniff";

const MAX_FIELD_BYTES = 64 * 1024;
/** Past this the request is cut off rather than drained: no form of ours is this large. */
export const MAX_MULTIPART_BYTES = 2 * MAX_RESUME_BYTES + 1024 * 1024;

export type ParsedUpload = {
  formData: FormData;
  /** Per file field: why its file was refused while streaming (too large). */
  fileErrors: Record<string, string>;
};

export type UploadLimits = {
  /** The cap on each file, checked while it streams. Resumes by default. */
  maxFileBytes: number;
  /** Shown beside the field when a file is over the cap. */
  tooLargeMessage: string;
  /** The 413 body when the whole request is far too large. */
  requestTooLargeMessage: string;
};

const RESUME_LIMITS: UploadLimits = {
  maxFileBytes: MAX_RESUME_BYTES,
  tooLargeMessage: "The file is larger than 5 MiB. Upload a smaller PDF or DOCX.",
  requestTooLargeMessage: "The upload is too large. Resumes can be at most 5 MiB.",
};

/**
 * Parses a form that may carry files in `fileFields`. Plain url-encoded posts (no file) are
 * accepted too. A file over the cap (5 MiB for resumes) is dropped and reported; the rest of
 * the form is kept.
 */
export async function parseUploadForm(
  request: Request,
  fileFields: string[],
  limits: UploadLimits = RESUME_LIMITS,
): Promise<ParsedUpload> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data"))
    return { formData: await request.formData(), fileErrors: {} };
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_MULTIPART_BYTES) {
    throw data(limits.requestTooLargeMessage, { status: 413 });
  }
  const fileErrors: Record<string, string> = {};
  let seen = 0;
  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(request, async (part) => {
      const isFile = typeof part.filename === "string";
      const cap = isFile ? limits.maxFileBytes : MAX_FIELD_BYTES;
      const chunks: Uint8Array[] = [];
      let size = 0;
      for await (const chunk of part.data) {
        seen += chunk.length;
        if (seen > MAX_MULTIPART_BYTES) throw data(limits.requestTooLargeMessage, { status: 413 });
        size += chunk.length;
        if (size <= cap) chunks.push(chunk);
      }
      if (!isFile) {
        if (size > cap) throw data("A form field is too long.", { status: 413 });
        return new TextDecoder().decode(concat(chunks, size));
      }
      if (!fileFields.includes(part.name)) return undefined;
      // A file input left empty sends a part with no name and no bytes.
      if (!part.filename && size === 0) return undefined;
      if (size > cap) {
        fileErrors[part.name] = limits.tooLargeMessage;
        return undefined;
      }
      return new File([concat(chunks, size)], part.filename ?? "", { type: part.contentType });
    });
  } catch (error) {
    // Our own refusals (413) pass; a body the parser cannot read is the sender's fault.
    if (error instanceof Response || (error as { type?: string }).type === "DataWithResponseInit")
      throw error;
    throw data("The form could not be read: its upload is malformed or cut off.", { status: 400 });
  }
  return { formData, fileErrors };
}

function concat(chunks: Uint8Array[], size: number) {
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** The uploaded file in a field, as bytes with its given name, or null when none was chosen. */
export async function uploadedFile(formData: FormData, name: string) {
  const value = formData.get(name);
  if (!value || typeof value === "string") return null;
  return { name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) };
}
