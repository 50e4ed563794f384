// Company logos: checked by their bytes, decoded and re-encoded (resized to fit 256×256, as
// WebP, metadata dropped) so what we serve is always an image we made, stored under a random key.
import { type RawBuilder, sql } from "kysely";
import sharp from "sharp";
import { type ImageKind, sniffImage } from "~/files/sniff";
import { getStorage, newStorageKey } from "~/files/storage.server";
import { getDb } from "~/utils/db.server";

export const LOGO_SIZE = 256;
/** Decoding stops past this many pixels (a 2 MiB PNG can declare a huge canvas). */
export const MAX_LOGO_INPUT_PIXELS = 40_000_000;

/** The ?v= of the logo URL (milliseconds since the epoch, as text), or null when no logo. */
export function logoVersion(table: string): RawBuilder<string | null> {
  return sql<
    string | null
  >`case when ${sql.ref(`${table}.logo_key`)} is not null then (extract(epoch from ${sql.ref(`${table}.logo_updated_at`)}) * 1000)::bigint::text end`;
}

export type LogoResult =
  | { ok: true; webp: Uint8Array; width: number; height: number }
  | { ok: false; message: string };

const UNREADABLE = "We could not read that image. Upload a PNG, JPEG or WebP logo.";

/** Sniffs, decodes and re-encodes an uploaded logo. Never trusts the name or the declared type. */
export async function processLogo(bytes: Uint8Array): Promise<LogoResult> {
  const sniffed = sniffImage(bytes);
  if (!sniffed.ok) return sniffed;
  try {
    const image = sharp(bytes, { limitInputPixels: MAX_LOGO_INPUT_PIXELS, failOn: "error" });
    const meta = await image.metadata();
    // The decoder must agree with the magic bytes.
    const expected: Record<ImageKind, string> = { png: "png", jpeg: "jpeg", webp: "webp" };
    if (meta.format !== expected[sniffed.kind]) return { ok: false, message: UNREADABLE };
    const { data, info } = await image
      .rotate() // apply the EXIF orientation before the metadata is dropped
      .resize(LOGO_SIZE, LOGO_SIZE, { fit: "inside", withoutEnlargement: true })
      .webp({ quality: 85, effort: 4 })
      .toBuffer({ resolveWithObject: true });
    return { ok: true, webp: new Uint8Array(data), width: info.width, height: info.height };
  } catch (error) {
    const message = error instanceof Error ? error.message : "";
    if (/pixel limit/i.test(message))
      return { ok: false, message: "That image is too large in pixels. Upload a smaller logo." };
    return { ok: false, message: UNREADABLE };
  }
}

/** Points the company at a new logo key (or none) and returns the key it replaced. */
function swapLogoKey(companyId: number, key: string | null) {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const before = await trx
        .selectFrom("companies")
        .select("logo_key")
        .where("id", "=", companyId)
        .forUpdate()
        .executeTakeFirstOrThrow();
      await trx
        .updateTable("companies")
        .set({ logo_key: key, logo_updated_at: new Date() })
        .where("id", "=", companyId)
        .execute();
      return before.logo_key;
    });
}

/** Stores a processed logo and points the company at it; the old file goes after the commit. */
export async function setCompanyLogo(companyId: number, webp: Uint8Array) {
  const storage = getStorage();
  const key = newStorageKey();
  await storage.put(key, webp, "image/webp");
  let previous: string | null;
  try {
    previous = await swapLogoKey(companyId, key);
  } catch (error) {
    await storage.delete(key).catch(() => {});
    throw error;
  }
  if (previous) await storage.delete(previous).catch(() => {});
}

/** Removes the logo; the file is deleted once the company no longer points at it. */
export async function removeCompanyLogo(companyId: number) {
  const previous = await swapLogoKey(companyId, null);
  if (previous) await getStorage().delete(previous);
  return { removed: previous !== null };
}

/** The logo bytes of a company by its slug, or null. */
export async function readCompanyLogo(slug: string) {
  const row = await getDb()
    .selectFrom("companies")
    .select("logo_key")
    .where("slug", "=", slug)
    .executeTakeFirst();
  if (!row?.logo_key) return null;
  return getStorage().get(row.logo_key);
}

/** The public logo response: our own WebP, cached for a day (the URL changes on upload). */
export function logoResponse(bytes: Uint8Array): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "image/webp",
      "Content-Length": String(bytes.length),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "public, max-age=86400",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
