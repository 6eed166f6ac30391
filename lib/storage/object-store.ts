/**
 * One interface for the files Knotwork keeps (client documents, thumbnails, signed-form PDFs,
 * exercise pictures): a folder under the data directory in embedded mode, an S3-compatible
 * bucket in production. The database keeps each file's key, SHA-256, size and type; the store
 * only keeps bytes under keys the app made up itself (never a user's file name).
 */
export interface ObjectStore {
  readonly kind: "local" | "s3";
  put(key: string, data: Uint8Array, contentType: string): Promise<void>;
  /** The bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<Buffer | null>;
  /** Removing a key that is not there is a no-op. */
  delete(key: string): Promise<void>;
  /**
   * A time-limited URL the browser can fetch directly (S3), or null where the app must serve
   * the bytes itself (local files: nothing outside the app can read the data folder).
   */
  presignedGetUrl(key: string, opts: { expiresInSeconds: number; downloadName?: string }): Promise<string | null>;
  /** A time-limited URL the browser can PUT the bytes to (S3), or null (local: upload through the app). */
  presignedPutUrl(key: string, opts: { expiresInSeconds: number; contentType: string }): Promise<string | null>;
}

// Keys are made by the app ("clinics/<uuid>/documents/<uuid>.pdf"); the check guards the
// file store against a key that could climb out of its folder, whatever produced it.
const KEY = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_.-]*)*$/i;

export function assertValidKey(key: string): void {
  if (!KEY.test(key) || key.length > 512 || key.split("/").some((part) => part === ".." || part === "."))
    throw new Error("Invalid storage key");
}
