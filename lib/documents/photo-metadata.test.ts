import exifr from "exifr";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientIdByName, freshDb, sessionFor, type TestDb } from "@/lib/testing/db";
import * as listRoute from "@/app/api/clients/[clientId]/documents/route";
import * as fileRoute from "@/app/api/clients/[clientId]/documents/[documentId]/file/route";

/*
 * A phone photo carries where and when it was taken (EXIF GPS), the camera, and an orientation
 * tag. What we keep must carry none of it, and still be upright. The stored bytes are read back
 * through the file route and checked with exifr, a parser independent of sharp (which wrote them);
 * exifr does not read WebP, so for WebP the RIFF container's chunk list is read directly.
 */
let t: TestDb;
let priya: string;
const GPS = {
  GPSLatitudeRef: "N",
  GPSLatitude: "51/1 30/1 2603/100",
  GPSLongitudeRef: "W",
  GPSLongitude: "0/1 7/1 3954/100",
};
const deps = async () => ({ db: t.db, session: await sessionFor(t.db, "therapist@demo.test", "demo-clinic") });

/** A 1200×800 picture, left half red, right half blue, shot sideways (orientation 6) with GPS. */
async function phonePhoto(format: "jpeg" | "png" | "webp") {
  const red = await sharp({ create: { width: 600, height: 800, channels: 3, background: "#d00" } })
    .png()
    .toBuffer();
  return sharp({ create: { width: 1200, height: 800, channels: 3, background: "#00d" } })
    .composite([{ input: red, left: 0, top: 0 }])
    .toFormat(format)
    .withExif({ IFD0: { Make: "PhoneCo", Model: "Pocket 9" }, IFD3: GPS })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

async function uploadAndReadBack(data: Buffer): Promise<Buffer> {
  const res = await listRoute.POST.invoke(
    new Request("http://knotwork.test/x", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        kind: "posture_photo",
        view: "front",
        title: "Standing",
        fileName: "IMG_0001",
        documentDate: "2026-11-30",
        dataBase64: data.toString("base64"),
      }),
    }),
    { clientId: priya },
    await deps(),
  );
  expect(res.status).toBe(201);
  const doc = await res.json();
  const file = await fileRoute.GET.invoke(
    new Request(`http://knotwork.test/api/clients/${priya}/documents/${doc.id}/file`),
    { clientId: priya, documentId: doc.id },
    await deps(),
  );
  return Buffer.from(await file.arrayBuffer());
}

/** The FourCC of each chunk in a WebP's RIFF container (EXIF and "XMP " carry metadata). */
function riffChunks(b: Buffer): string[] {
  expect(b.toString("latin1", 0, 4)).toBe("RIFF");
  const out: string[] = [];
  for (let at = 12; at + 8 <= b.length;) {
    const size = b.readUInt32LE(at + 4);
    out.push(b.toString("latin1", at, at + 4));
    at += 8 + size + (size % 2);
  }
  return out;
}

/** Upright: the picture's left half (red) is now its top half. */
async function isUpright(b: Buffer) {
  const { data, info } = await sharp(b).raw().toBuffer({ resolveWithObject: true });
  const px = (x: number, y: number) => [
    ...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3),
  ];
  expect([info.width, info.height]).toEqual([800, 1200]);
  expect(px(400, 100)[0]).toBeGreaterThan(180); // red at the top
  expect(px(400, 1100)[2]).toBeGreaterThan(180); // blue at the bottom
}

beforeAll(async () => {
  t = await freshDb();
  priya = await clientIdByName(t.db, "Priya", "Shah");
});
afterAll(() => t.close());

describe("photo metadata", () => {
  it.each(["jpeg", "png"] as const)("a %s keeps no GPS, camera or orientation tag, and is upright", async (format) => {
    const photo = await phonePhoto(format);
    // The test photo does carry them (so this test can fail).
    expect(await exifr.parse(photo, { gps: true, tiff: true })).toMatchObject({ Make: "PhoneCo", GPSLatitudeRef: "N" });
    const kept = await uploadAndReadBack(photo);
    expect(
      await exifr.parse(kept, { ihdr: false, tiff: true, xmp: true, iptc: true, gps: true, exif: true }),
    ).toBeUndefined();
    await isUpright(kept);
  });

  it("a WebP keeps no EXIF or XMP chunk, and is upright", async () => {
    const photo = await phonePhoto("webp");
    expect(riffChunks(photo)).toContain("EXIF");
    const kept = await uploadAndReadBack(photo);
    const chunks = riffChunks(kept);
    expect(chunks).not.toContain("EXIF");
    expect(chunks).not.toContain("XMP ");
    await isUpright(kept);
  });
});
