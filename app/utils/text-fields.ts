// The one way forms and query strings read text and ids (shared by server and browser).
// Postgres refuses NUL in text and lone UTF-16 surrogates in JSON, and no person types a
// control character, so these are cleaned here, at the parsing layer, before anything can
// reach the database. Every *-schemas.ts builds on these (tests/integration/fuzz.test.ts and
// app/utils/text-fields.test.ts check that they do).
import { z } from "zod";

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
const NUL = /\u0000/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
const CONTROLS = /[\u0001-\u001f\u007f-\u009f]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
const CONTROLS_BUT_LINES = /[\u0001-\u0008\u000b-\u001f\u007f-\u009f]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** One line: NUL removed, other control characters (tabs, line breaks) become spaces. */
export function cleanLine(value: string): string {
  return value.replace(LONE_SURROGATE, "\ufffd").replace(NUL, "").replace(CONTROLS, " ");
}

/** Several lines: line breaks kept (as \n), tabs kept, other control characters removed. */
export function cleanLines(value: string): string {
  return value
    .replace(LONE_SURROGATE, "\ufffd")
    .replace(/\r\n?/g, "\n")
    .replace(NUL, "")
    .replace(CONTROLS_BUT_LINES, "");
}

type StringParams = Parameters<typeof z.string>[0];

/** An <input> or a query parameter: chain .trim(), .min(), .max(), .regex() as on z.string(). */
export function textField(params?: StringParams) {
  return z.string(params).overwrite(cleanLine);
}

/** A <textarea>: as textField, keeping line breaks. */
export function textArea(params?: StringParams) {
  return z.string(params).overwrite(cleanLines);
}

const MAX_ID = 2_147_483_647;

/** A row id as a form sends it: digits only, no sign, fraction, exponent or spaces. */
export function idField(message = "Choose one of the options.") {
  return z
    .string({ error: message })
    .regex(/^[1-9]\d{0,9}$/, message)
    .transform(Number)
    .refine((id) => id <= MAX_ID, message);
}

/** A password or other secret: hashed or compared, never stored as text, so never altered. */
export function secretField(params?: StringParams) {
  return z.string(params).max(1024, "Use at most 1,024 characters.");
}

/** An http(s) address someone will follow: a control character or space makes it invalid. */
export function webAddress(max: number) {
  return textField()
    .trim()
    .pipe(
      z
        .url({ protocol: /^https?$/, error: "Enter a web address starting with https://" })
        .regex(/^[^\s\u00a0\u2000-\u200b\u2028\u2029\u3000]+$/, "A web address has no spaces.")
        .max(max),
    );
}
