// The one place file bytes are written, read and deleted: local disk by default, an
// S3-compatible bucket when S3_BUCKET is set. Keys are random and checked, never user input.
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { type Env, getEnv } from "~/utils/env.server";
import { singleton } from "~/utils/singleton.server";

export interface FileStorage {
  readonly kind: "local" | "s3";
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The bytes, or null when there is no such object. */
  get(key: string): Promise<Uint8Array | null>;
  /** Deleting a missing object is not an error. */
  delete(key: string): Promise<void>;
}

const KEY = /^[a-f0-9]{2}\/[a-f0-9]{32}$/;

/** A new random key: 128 bits, fanned out over 256 folders. Never derived from a file name. */
export function newStorageKey(): string {
  const hex = randomBytes(16).toString("hex");
  return `${hex.slice(0, 2)}/${hex}`;
}

function checkKey(key: string) {
  if (!KEY.test(key)) throw new Error("Invalid storage key");
  return key;
}

export function localStorage(root: string): FileStorage {
  const dir = path.resolve(root);
  const full = (key: string) => path.join(dir, checkKey(key));
  return {
    kind: "local",
    async put(key, bytes) {
      const file = full(key);
      await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      await writeFile(file, bytes, { mode: 0o600, flag: "wx" });
    },
    async get(key) {
      try {
        return new Uint8Array(await readFile(full(key)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async delete(key) {
      await rm(full(key), { force: true });
    },
  };
}

export function s3Storage(
  env: Pick<
    Env,
    "S3_BUCKET" | "S3_REGION" | "S3_ENDPOINT" | "S3_ACCESS_KEY_ID" | "S3_SECRET_ACCESS_KEY"
  >,
): FileStorage {
  const bucket = env.S3_BUCKET!;
  const client = new S3Client({
    region: env.S3_REGION ?? "us-east-1",
    // MinIO, R2 and most S3-compatible services want path-style addressing at a custom endpoint.
    ...(env.S3_ENDPOINT ? { endpoint: env.S3_ENDPOINT, forcePathStyle: true } : {}),
    ...(env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
      ? {
          credentials: {
            accessKeyId: env.S3_ACCESS_KEY_ID,
            secretAccessKey: env.S3_SECRET_ACCESS_KEY,
          },
        }
      : {}),
  });
  return {
    kind: "s3",
    async put(key, bytes, contentType) {
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: checkKey(key),
          Body: bytes,
          ContentType: contentType,
          ContentDisposition: "attachment",
        }),
      );
    },
    async get(key) {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: checkKey(key) }));
        return out.Body ? await out.Body.transformToByteArray() : null;
      } catch (error) {
        if ((error as { name?: string }).name === "NoSuchKey") return null;
        throw error;
      }
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: checkKey(key) }));
    },
  };
}

export function getStorage(): FileStorage {
  const env = getEnv();
  // The S3 client keeps a connection pool: one per process. The local one is just a path.
  return env.S3_BUCKET
    ? singleton("file-storage-s3", () => s3Storage(env))
    : localStorage(env.UPLOADS_DIR);
}
