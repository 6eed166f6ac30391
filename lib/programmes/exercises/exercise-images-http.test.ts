import exifr from "exifr";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor, freshDb, sessionFor, type TestDb } from "@/lib/testing/db";
import type { RouteDeps } from "@/lib/http/route";
import * as imageRoute from "@/app/api/exercises/[exerciseId]/image/route";
import * as exerciseRoute from "@/app/api/exercises/[exerciseId]/route";
import { createClinicExercise } from "./clinic-exercises/create-clinic-exercise";
import { createExerciseBody } from "./schemas";

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);
const URL_BASE = "http://knotwork.test/api/exercises";

let t: TestDb;
let id: string;
const deps = async (email: string | null, clinic = "demo-clinic"): Promise<RouteDeps> => ({
  db: t.db,
  session: email ? await sessionFor(t.db, email, clinic) : null,
});
const json = (method: string, body: unknown) => ({
  method,
  body: JSON.stringify(body),
  headers: { "content-type": "application/json" },
});

beforeAll(async () => {
  t = await freshDb();
  const therapist = await actorFor(t.db, "therapist@demo.test");
  id = (
    await createClinicExercise(
      t.db,
      therapist,
      createExerciseBody.parse({
        name: "Picture route roll",
        tool: "foam_roller",
        targetMuscles: ["hamstrings"],
        instructions: "Sit with the roller under the thighs.\nRoll slowly towards the knee.",
        dosage: { duration_seconds: 60, sets: 2, frequency_per_week: 5 },
        cautions: [],
      }),
    )
  ).clinicExerciseId!;
});
afterAll(() => t.close());

describe("the exercise picture over HTTP", () => {
  it("reaches clients without the photo's GPS position or camera (read back with exifr)", async () => {
    const photo = await sharp({ create: { width: 40, height: 20, channels: 3, background: "#0a0" } })
      .jpeg()
      .withExif({
        IFD0: { Make: "PhoneCo", Model: "Pocket 9" },
        IFD3: {
          GPSLatitudeRef: "N",
          GPSLatitude: "51/1 30/1 2603/100",
          GPSLongitudeRef: "W",
          GPSLongitude: "0/1 7/1 3954/100",
        },
      })
      .toBuffer();
    // The upload does carry them, so this test can fail.
    expect(await exifr.parse(photo, { gps: true, tiff: true })).toMatchObject({ Make: "PhoneCo", GPSLatitudeRef: "N" });
    const put = await imageRoute.PUT.invoke(
      new Request(
        `${URL_BASE}/${id}/image`,
        json("PUT", { contentType: "image/jpeg", dataBase64: photo.toString("base64") }),
      ),
      { exerciseId: id },
      await deps("therapist@demo.test"),
    );
    expect(put.status).toBe(200);
    const res = await imageRoute.GET.invoke(
      new Request(`${URL_BASE}/${id}/image`),
      { exerciseId: id },
      await deps("client@demo.test"),
    );
    const served = Buffer.from(await res.arrayBuffer());
    expect(await exifr.parse(served, { tiff: true, xmp: true, iptc: true, gps: true, exif: true })).toBeUndefined();
    expect(await sharp(served).metadata()).toMatchObject({ format: "jpeg", width: 40, height: 20 });
  });

  it("is uploaded as base64 JSON and served with its type, privately, never sniffed", async () => {
    const put = await imageRoute.PUT.invoke(
      new Request(
        `${URL_BASE}/${id}/image`,
        json("PUT", { contentType: "image/png", dataBase64: PNG.toString("base64") }),
      ),
      { exerciseId: id },
      await deps("therapist@demo.test"),
    );
    expect(put.status).toBe(200);
    for (const who of ["therapist@demo.test", "admin@demo.test", "client@demo.test"]) {
      const res = await imageRoute.GET.invoke(
        new Request(`${URL_BASE}/${id}/image`),
        { exerciseId: id },
        await deps(who),
      );
      expect(res.status, who).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/png");
      expect(res.headers.get("cache-control")).toMatch(/^private\b/);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      // Re-encoded without metadata on upload: the same 1×1 PNG picture.
      const served = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
      expect(served).toMatchObject({ format: "png", width: 1, height: 1 });
      const again = await imageRoute.GET.invoke(
        new Request(`${URL_BASE}/${id}/image`, { headers: { "if-none-match": res.headers.get("etag")! } }),
        { exerciseId: id },
        await deps(who),
      );
      expect(again.status).toBe(304);
    }
  });

  it("keeps the upload's own size limit: a picture near 2 MB goes through the 1 MB JSON body limit", async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(1_900_000, 1)]);
    const put = await imageRoute.PUT.invoke(
      new Request(
        `${URL_BASE}/${id}/image`,
        json("PUT", { contentType: "image/png", dataBase64: big.toString("base64") }),
      ),
      { exerciseId: id },
      await deps("therapist@demo.test"),
    );
    expect(put.status).toBe(200);
  });

  it("is 404 for another clinic and 401 signed out", async () => {
    const other = await imageRoute.GET.invoke(
      new Request(`${URL_BASE}/${id}/image`),
      { exerciseId: id },
      await deps("client@other.test", "other-clinic"),
    );
    expect(other.status).toBe(404);
    const anonymous = await imageRoute.GET.invoke(
      new Request(`${URL_BASE}/${id}/image`),
      { exerciseId: id },
      await deps(null),
    );
    expect(anonymous.status).toBe(401);
  });

  it("refuses a picture whose bytes are not its declared type (400 with the field error)", async () => {
    const res = await imageRoute.PUT.invoke(
      new Request(
        `${URL_BASE}/${id}/image`,
        json("PUT", { contentType: "image/jpeg", dataBase64: PNG.toString("base64") }),
      ),
      { exerciseId: id },
      await deps("therapist@demo.test"),
    );
    expect(res.status).toBe(400);
    expect((await res.json()).error.fieldErrors.dataBase64).toHaveLength(1);
  });

  it("treats a seeded library id as no clinic exercise at all (404)", async () => {
    const res = await exerciseRoute.PATCH.invoke(
      new Request(`${URL_BASE}/ball_upper_trap_wall`, json("PATCH", { name: "Renamed library exercise", version: 1 })),
      { exerciseId: "ball_upper_trap_wall" },
      await deps("therapist@demo.test"),
    );
    expect(res.status).toBe(404);
  });
});
