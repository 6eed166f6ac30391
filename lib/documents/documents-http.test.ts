import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientDocuments } from "@/db/schema";
import { clientIdByName, freshDb, sessionFor, type TestDb } from "@/lib/testing/db";
import type { RouteDeps } from "@/lib/http/route";
import { config } from "@/lib/config";
import * as listRoute from "@/app/api/clients/[clientId]/documents/route";
import * as fileRoute from "@/app/api/clients/[clientId]/documents/[documentId]/file/route";
import * as thumbRoute from "@/app/api/clients/[clientId]/documents/[documentId]/thumbnail/route";

const BASE = "http://knotwork.test/api/clients";
const HEIC = fs.readFileSync(path.join(__dirname, "test-fixtures", "sample.heic"));
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

let t: TestDb;
let priya: string;
let casey: string;
let jpeg: Buffer;

const deps = async (email: string, clinic = "demo-clinic"): Promise<RouteDeps> => ({
  db: t.db,
  session: await sessionFor(t.db, email, clinic),
});
const post = (body: unknown) =>
  new Request("http://knotwork.test/x", {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json" },
  });
const upload = async (
  clientId: string,
  data: Buffer,
  extra: Record<string, unknown> = {},
  who = "therapist@demo.test",
) =>
  listRoute.POST.invoke(
    post({
      kind: "referral_letter",
      title: "Letter",
      fileName: "f",
      documentDate: "2026-11-30",
      dataBase64: data.toString("base64"),
      ...extra,
    }),
    { clientId },
    await deps(who),
  );
const getFile = async (
  clientId: string,
  documentId: string,
  who = "therapist@demo.test",
  clinic = "demo-clinic",
  q = "",
) =>
  fileRoute.GET.invoke(
    new Request(`${BASE}/${clientId}/documents/${documentId}/file${q}`),
    { clientId, documentId },
    await deps(who, clinic),
  );
const filesUnder = (clientId: string) => {
  const dir = path.resolve(config().KNOTWORK_DATA_DIR, "files", "clinics");
  return fs.existsSync(dir)
    ? fs.readdirSync(dir, { recursive: true }).filter((p) => String(p).includes(clientId) && String(p).includes("."))
        .length
    : 0;
};

beforeAll(async () => {
  t = await freshDb();
  priya = await clientIdByName(t.db, "Priya", "Shah");
  casey = await clientIdByName(t.db, "Casey", "Client");
  // A 1200×800 photo taken on a phone held sideways (EXIF orientation 6: stored rotated).
  jpeg = await sharp({ create: { width: 1200, height: 800, channels: 3, background: "#3a7" } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .toBuffer();
});
afterAll(() => t.close());

describe("uploading client documents", () => {
  it("keeps a photo with its hash, an upright thumbnail and preview, and the view for comparison", async () => {
    const res = await upload(priya, jpeg, {
      kind: "posture_photo",
      title: "Standing, front",
      fileName: "IMG_0001.JPG",
      view: "front",
      tags: ["Posture", "posture", "baseline"],
    });
    expect(res.status).toBe(201);
    const doc = await res.json();
    expect(doc).toMatchObject({
      kind: "posture_photo",
      contentType: "image/jpeg",
      view: "front",
      hasThumbnail: true,
      width: 800,
      height: 1200,
      tags: ["posture", "baseline"],
    });
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
    const thumb = await thumbRoute.GET.invoke(
      new Request(`${BASE}/${priya}/documents/${doc.id}/thumbnail`),
      { clientId: priya, documentId: doc.id },
      await deps("therapist@demo.test"),
    );
    expect(thumb.headers.get("content-type")).toBe("image/webp");
    const meta = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata();
    expect([meta.width, meta.height]).toEqual([213, 320]);
    const original = await getFile(priya, doc.id);
    expect(original.headers.get("x-content-type-options")).toBe("nosniff");
    // Kept upright and re-encoded without metadata (photo-metadata.test.ts reads it independently).
    const kept = Buffer.from(await original.arrayBuffer());
    expect(kept.byteLength).toBe(doc.byteSize);
    const keptMeta = await sharp(kept).metadata();
    expect([keptMeta.format, keptMeta.width, keptMeta.height, keptMeta.orientation]).toEqual([
      "jpeg",
      800,
      1200,
      undefined,
    ]);
  });

  it("converts HEIC to JPEG and takes PDF and PNG by their bytes whatever the name says", async () => {
    const heic = await (
      await upload(priya, HEIC, { kind: "posture_photo", fileName: "IMG_0002.HEIC", view: "back" })
    ).json();
    expect(heic).toMatchObject({ contentType: "image/jpeg", width: 64, height: 48, hasThumbnail: true });
    const pdf = await (await upload(priya, PDF, { fileName: "letter.png" })).json();
    expect(pdf).toMatchObject({ contentType: "application/pdf", hasThumbnail: false, width: null });
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: "#fff" } })
      .png()
      .toBuffer();
    expect((await (await upload(priya, png, { fileName: "scan.pdf" })).json()).contentType).toBe("image/png");
  });

  it("refuses wrong types with 400 and a message naming what to upload, leaving nothing behind", async () => {
    const before = filesUnder(casey);
    const gif = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");
    const cases: [Buffer, RegExp][] = [
      [gif, /This file is a GIF file\. Upload a PDF, JPEG, PNG, WebP or HEIC file\./],
      [Buffer.from("just some text pretending to be a PDF"), /not a file type we can recognise/],
      [Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff", "latin1"), /Upload a PDF, JPEG/],
      [Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64)]), /could not be read/],
    ];
    for (const [data, message] of cases) {
      const res = await upload(casey, data, { fileName: "x.pdf" });
      expect(res.status).toBe(400);
      expect((await res.json()).error.fieldErrors.dataBase64[0]).toMatch(message);
    }
    const photoAsPdf = await upload(casey, PDF, { kind: "posture_photo", view: "front" });
    expect((await photoAsPdf.json()).error.message).toMatch(/posture photo must be a picture/);
    const viewOnLetter = await upload(casey, PDF, { view: "front" });
    expect((await viewOnLetter.json()).error.fieldErrors.view).toEqual(["Only posture photos have a view."]);
    expect(
      await t.db.select({ id: clientDocuments.id }).from(clientDocuments).where(eq(clientDocuments.clientId, casey)),
    ).toEqual([]);
    expect(filesUnder(casey)).toBe(before);
  });

  it("refuses oversize files with 413: the file's size and the limit, or the body limit past that", async () => {
    const res = await upload(casey, Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]));
    expect(res.status).toBe(413);
    const body = await res.json();
    expect(body.error.message).toBe("The file is 10.1 MB; the largest accepted is 10 MB.");
    expect(body.error.fieldErrors.dataBase64).toEqual([body.error.message]);
    const huge = await upload(casey, Buffer.alloc(16 * 1024 * 1024, 1));
    expect(huge.status).toBe(413);
    expect((await huge.json()).error.message).toMatch(/The request body is larger than/);
  });
});
