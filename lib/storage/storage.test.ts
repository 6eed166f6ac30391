import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileStore } from "./file-store";
import { putFile, readFile, sha256Hex, type ObjectStore } from "./index";
import { s3Store } from "./s3-store";

// The same contract for both stores; the S3 one runs against s3rver, a local S3-compatible
// server from npm, through the real AWS SDK (signatures, presigning, error names).
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "knotwork-storage-"));
let server: S3rver;
let s3: ObjectStore;

beforeAll(async () => {
  server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory: path.join(tmp, "s3rver"),
    configureBuckets: [{ name: "knotwork-test", configs: [] }],
  });
  const { port } = await server.run();
  s3 = s3Store({
    bucket: "knotwork-test",
    region: "us-east-1",
    endpoint: `http://127.0.0.1:${port}`,
    forcePathStyle: true,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
  });
});
afterAll(async () => {
  await server.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const stores: [string, () => ObjectStore][] = [
  ["file store", () => fileStore(path.join(tmp, "files"))],
  ["S3 store (s3rver)", () => s3],
];

describe.each(stores)("%s", (_name, make) => {
  it("puts, gets, replaces and deletes bytes by key, with hash and size for the database", async () => {
    const store = make();
    const bytes = Buffer.from("%PDF-1.7 referral letter");
    const file = await putFile(store, "clinics/c1/documents/d1.pdf", bytes, "application/pdf");
    expect(file).toEqual({
      key: "clinics/c1/documents/d1.pdf",
      sha256: sha256Hex(bytes),
      byteSize: bytes.byteLength,
      contentType: "application/pdf",
    });
    expect((await readFile(store, file))!.equals(bytes)).toBe(true);
    await store.put(file.key, Buffer.from("changed"), "application/pdf");
    await expect(readFile(store, file)).rejects.toThrow(/does not match its recorded hash/);
    await store.delete(file.key);
    expect(await store.get(file.key)).toBeNull();
    await store.delete(file.key);
  });

  it("answers null for a key that was never stored and refuses keys that could leave the folder", async () => {
    const store = make();
    expect(await store.get("clinics/c1/documents/none.pdf")).toBeNull();
    for (const key of ["../etc/passwd", "/abs", "a/../../b", "a//b", ""])
      await expect(store.put(key, Buffer.from("x"), "text/plain")).rejects.toThrow("Invalid storage key");
  });
});

describe("presigned URLs", () => {
  it("S3: a GET URL serves the object to anyone holding it, a PUT URL accepts an upload", async () => {
    await s3.put("clinics/c1/photos/p1.png", Buffer.from("png bytes"), "image/png");
    const getUrl = await s3.presignedGetUrl("clinics/c1/photos/p1.png", {
      expiresInSeconds: 60,
      downloadName: "p1.png",
    });
    expect(getUrl).toMatch(/X-Amz-Expires=60/);
    const res = await fetch(getUrl!);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("png bytes");
    const putUrl = await s3.presignedPutUrl("clinics/c1/photos/p2.png", {
      expiresInSeconds: 60,
      contentType: "image/png",
    });
    const put = await fetch(putUrl!, { method: "PUT", body: "uploaded", headers: { "content-type": "image/png" } });
    expect(put.status).toBe(200);
    expect((await s3.get("clinics/c1/photos/p2.png"))!.toString()).toBe("uploaded");
    // s3rver does not verify V4 signatures or model bucket privacy, so only the URL's shape
    // can be checked here: signed, expiring, asking for a download under the given name.
    expect(getUrl).toMatch(/X-Amz-Signature=[0-9a-f]{64}/);
    expect(decodeURIComponent(getUrl!)).toContain("attachment; filename*=UTF-8''p1.png");
  });

  it("local files have no presigned URLs: the app serves them through its own audited routes", async () => {
    const store = fileStore(path.join(tmp, "files"));
    expect(await store.presignedGetUrl("a/b", { expiresInSeconds: 60 })).toBeNull();
    expect(await store.presignedPutUrl("a/b", { expiresInSeconds: 60, contentType: "image/png" })).toBeNull();
  });
});
