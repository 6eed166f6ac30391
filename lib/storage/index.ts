import "server-only";
import path from "node:path";
import { createHash } from "node:crypto";
import { config, type Config } from "@/lib/config";
import { fileStore } from "./file-store";
import type { ObjectStore } from "./object-store";
import { s3Store } from "./s3-store";

export type { ObjectStore } from "./object-store";

/** The store the configuration names (KNOTWORK_STORAGE; S3_* for a bucket). */
export function storeFromConfig(cfg: Config): ObjectStore {
  if (cfg.KNOTWORK_STORAGE === "s3") {
    return s3Store({
      bucket: cfg.S3_BUCKET!,
      region: cfg.S3_REGION,
      endpoint: cfg.S3_ENDPOINT,
      forcePathStyle: cfg.S3_FORCE_PATH_STYLE === "true",
      credentials:
        cfg.S3_ACCESS_KEY_ID && cfg.S3_SECRET_ACCESS_KEY
          ? { accessKeyId: cfg.S3_ACCESS_KEY_ID, secretAccessKey: cfg.S3_SECRET_ACCESS_KEY }
          : undefined,
    });
  }
  return fileStore(path.resolve(cfg.KNOTWORK_DATA_DIR, "files"));
}

let cached: ObjectStore | undefined;
/** The process's store, made once from the configuration. */
export function storage(): ObjectStore {
  cached ??= storeFromConfig(config());
  return cached;
}

/** What the database keeps about a stored file. */
export interface StoredFile {
  key: string;
  sha256: string;
  byteSize: number;
  contentType: string;
}

export function sha256Hex(data: Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Stores the bytes and returns the record to keep beside them. */
export async function putFile(
  store: ObjectStore,
  key: string,
  data: Uint8Array,
  contentType: string,
): Promise<StoredFile> {
  await store.put(key, data, contentType);
  return { key, sha256: sha256Hex(data), byteSize: data.byteLength, contentType };
}

/**
 * The bytes of a stored file, checked against the hash the database kept: a file changed or
 * swapped behind the app's back is refused rather than shown as the client's record.
 */
export async function readFile(store: ObjectStore, file: { key: string; sha256: string }): Promise<Buffer | null> {
  const data = await store.get(file.key);
  if (!data) return null;
  if (sha256Hex(data) !== file.sha256) throw new Error(`Stored file ${file.key} does not match its recorded hash`);
  return data;
}
