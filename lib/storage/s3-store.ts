import "server-only";
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { assertValidKey, type ObjectStore } from "./object-store";

export interface S3Settings {
  bucket: string;
  region: string;
  endpoint?: string;
  forcePathStyle?: boolean;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/**
 * An S3-compatible bucket through the AWS SDK v3 (maintained, speaks to AWS, MinIO, R2 and
 * the rest). Objects are private; the browser only ever gets short-lived presigned URLs.
 */
export function s3Store(settings: S3Settings): ObjectStore {
  const client = new S3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: settings.forcePathStyle,
    credentials: settings.credentials,
  });
  const Bucket = settings.bucket;
  return {
    kind: "s3",
    async put(key, data, contentType) {
      assertValidKey(key);
      await client.send(new PutObjectCommand({ Bucket, Key: key, Body: data, ContentType: contentType }));
    },
    async get(key) {
      assertValidKey(key);
      try {
        const res = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        return res.Body ? Buffer.from(await res.Body.transformToByteArray()) : Buffer.alloc(0);
      } catch (err) {
        if ((err as { name?: string }).name === "NoSuchKey") return null;
        throw err;
      }
    },
    async delete(key) {
      assertValidKey(key);
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },
    async presignedGetUrl(key, { expiresInSeconds, downloadName }) {
      assertValidKey(key);
      const disposition = downloadName ? `attachment; filename*=UTF-8''${encodeURIComponent(downloadName)}` : undefined;
      const command = new GetObjectCommand({ Bucket, Key: key, ResponseContentDisposition: disposition });
      return getSignedUrl(client, command, { expiresIn: expiresInSeconds });
    },
    async presignedPutUrl(key, { expiresInSeconds, contentType }) {
      assertValidKey(key);
      const command = new PutObjectCommand({ Bucket, Key: key, ContentType: contentType });
      return getSignedUrl(client, command, { expiresIn: expiresInSeconds });
    },
  };
}
