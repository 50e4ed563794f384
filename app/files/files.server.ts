// Resume files: validated by content, stored under random keys, readable only by their owner
// here (employers reach a resume through its application, see app/applications).
import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "#db/types";
import { generateToken, hashToken } from "~/auth/tokens.server";
import { getDb } from "~/utils/db.server";
import { attachmentDisposition, sanitizeFilename } from "./filename";
import { RESUME_TYPES, type ResumeKind, sniffResume } from "./sniff";
import { getStorage, newStorageKey } from "./storage.server";

export type StoredFile = {
  id: number;
  original_name: string;
  kind: string;
  size_bytes: number;
  created_at: Date;
};
const fileColumns = [
  "files.id",
  "files.original_name",
  "files.kind",
  "files.size_bytes",
  "files.created_at",
] as const;

export type StoreResult =
  | { ok: true; file: StoredFile; claimToken: string | null }
  | { ok: false; message: string };

/**
 * Checks and stores an uploaded resume. With no user (a visitor on the apply page) the file
 * gets a claim token instead, which the same browser hands back after signing up.
 */
export async function storeResume(
  input: { userId: number | null; name: string; bytes: Uint8Array },
  trx?: Kysely<DB>,
): Promise<StoreResult> {
  const sniffed = sniffResume(input.bytes);
  if (!sniffed.ok) return sniffed;
  const kind: ResumeKind = sniffed.kind;
  const key = newStorageKey();
  const storage = getStorage();
  await storage.put(key, input.bytes, RESUME_TYPES[kind]);
  const claimToken = input.userId ? null : generateToken();
  try {
    const file = await (trx ?? getDb())
      .insertInto("files")
      .values({
        user_id: input.userId,
        storage_key: key,
        original_name: sanitizeFilename(input.name, kind),
        kind,
        content_type: RESUME_TYPES[kind],
        size_bytes: input.bytes.length,
        sha256: createHash("sha256").update(input.bytes).digest("hex"),
        claim_token_hash: claimToken ? hashToken(claimToken) : null,
      })
      .returning(fileColumns)
      .executeTakeFirstOrThrow();
    return { ok: true, file, claimToken };
  } catch (error) {
    await storage.delete(key).catch(() => {});
    throw error;
  }
}

/** Gives a visitor's upload to the account they just signed into. */
export async function claimFile(input: { token: string; userId: number }, trx?: Kysely<DB>) {
  return (trx ?? getDb())
    .updateTable("files")
    .set({ user_id: input.userId, claim_token_hash: null })
    .where("claim_token_hash", "=", hashToken(input.token))
    .where("user_id", "is", null)
    .returning(fileColumns)
    .executeTakeFirst();
}

/** A visitor's unclaimed upload, by its token: to show "resume.pdf is attached" again. */
export async function getPendingFile(token: string) {
  return getDb()
    .selectFrom("files")
    .select(fileColumns)
    .where("claim_token_hash", "=", hashToken(token))
    .where("user_id", "is", null)
    .executeTakeFirst();
}

export async function getOwnFile(input: { userId: number; fileId: number }) {
  return getDb()
    .selectFrom("files")
    .select([...fileColumns, "files.storage_key", "files.content_type"])
    .where("id", "=", input.fileId)
    .where("user_id", "=", input.userId)
    .executeTakeFirst();
}

/** Deletes one of the user's files. Applications that used it keep a "resume removed" mark. */
export async function deleteOwnFile(input: { userId: number; fileId: number }) {
  const row = await getDb()
    .deleteFrom("files")
    .where("id", "=", input.fileId)
    .where("user_id", "=", input.userId)
    .returning("storage_key")
    .executeTakeFirst();
  if (!row) return { ok: false as const };
  await getStorage().delete(row.storage_key);
  return { ok: true as const };
}

export async function deleteStoredObjects(keys: string[]) {
  const storage = getStorage();
  for (const key of keys) await storage.delete(key);
}

/** Visitors' uploads never claimed within a day: a scheduled job removes them. */
export async function sweepUnclaimedFiles(now = new Date()) {
  const rows = await getDb()
    .deleteFrom("files")
    .where("user_id", "is", null)
    .where("created_at", "<", new Date(now.getTime() - 24 * 3_600_000))
    .returning("storage_key")
    .execute();
  await deleteStoredObjects(rows.map((r) => r.storage_key));
  return { deleted: rows.length };
}

export async function readStoredFile(storageKey: string) {
  return getStorage().get(storageKey);
}

/** A download that a browser never renders: attachment, no sniffing, no caching. */
export function downloadResponse(
  file: { original_name: string; content_type: string },
  bytes: Uint8Array,
): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": file.content_type,
      "Content-Length": String(bytes.length),
      "Content-Disposition": attachmentDisposition(file.original_name),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
