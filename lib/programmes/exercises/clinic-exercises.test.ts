import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditEvents, smrExercises } from "@/db/schema";
import { actorFor, freshDb, type TestDb } from "@/lib/testing/db";
import type { Actor } from "@/lib/identity/actor";
import { createClinicMuscle } from "@/lib/clinical/create-clinic-muscle";
import { createClinicMuscleBody } from "@/lib/clinical/schemas";
import { createExerciseBody, listExercisesQuery, type CreateExerciseBody } from "./schemas";
import { createClinicExercise } from "./clinic-exercises/create-clinic-exercise";
import { getClinicExercise } from "./clinic-exercises/get-clinic-exercise";
import { setClinicExerciseArchived } from "./clinic-exercises/set-clinic-exercise-archived";
import { updateClinicExercise } from "./clinic-exercises/update-clinic-exercise";
import { deleteExerciseImage } from "./exercise-images/delete-exercise-image";
import { getExerciseImage } from "./exercise-images/get-exercise-image";
import { putExerciseImage } from "./exercise-images/put-exercise-image";
import { listExercises } from "./list-exercises";
import { catalogueExercise, exerciseCatalogue } from "./catalogue";

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);
/** A real 2×2 JPEG (set in beforeAll): pictures are re-encoded on upload, so they must decode. */
let JPEG: Buffer;
const b64 = (b: Buffer) => b.toString("base64");

let t: TestDb;
let therapist: Actor, admin: Actor, client: Actor, otherTherapist: Actor, otherClient: Actor;
beforeAll(async () => {
  JPEG = await sharp({ create: { width: 2, height: 2, channels: 3, background: "#fff" } })
    .jpeg()
    .toBuffer();
  t = await freshDb();
  [therapist, admin, client, otherTherapist, otherClient] = await Promise.all([
    actorFor(t.db, "therapist@demo.test"),
    actorFor(t.db, "admin@demo.test"),
    actorFor(t.db, "client@demo.test"),
    actorFor(t.db, "therapist@other.test", "other-clinic"),
    actorFor(t.db, "client@other.test", "other-clinic"),
  ]);
});
afterAll(() => t.close());

const input = (over: Partial<CreateExerciseBody> = {}): CreateExerciseBody =>
  createExerciseBody.parse({
    name: "Peroneal roll on a stick",
    tool: "massage_stick",
    targetMuscles: ["peroneals"],
    instructions: "Sit with the leg straight.\nRoll the stick along the outside of the shin.\nPause on tender spots.",
    dosage: {
      duration_seconds: 60,
      duration_seconds_range: [30, 120],
      sets: 2,
      times_per_day: 2,
      frequency_per_week: 5,
    },
    cautions: ["Keep off the bony ankle."],
    ...over,
  });
const list = (actor: Actor, q: Record<string, string> = {}) => listExercises(t.db, actor, listExercisesQuery.parse(q));

describe("a clinic's own exercises", () => {
  it("are created, listed with the library, and edited with a version check", async () => {
    const created = await createClinicExercise(t.db, therapist, input());
    expect(created).toMatchObject({ source: "clinic", version: 1, archived: false, hasImage: false, imageUrl: null });
    expect(created.id).toBe(`clinic:${created.clinicExerciseId}`);
    expect(created.targetMuscles).toEqual([{ id: "peroneals", name: expect.any(String), region: "lower_leg" }]);

    const found = await list(therapist, { tool: "massage_stick", region: "lower_leg" });
    expect(found.map((e) => e.id)).toContain(created.id);
    expect(found.some((e) => e.source === "library")).toBe(true);
    expect((await list(therapist, { tool: "foam_roller" })).map((e) => e.id)).not.toContain(created.id);
    expect((await list(therapist, { region: "neck" })).map((e) => e.id)).not.toContain(created.id);
    expect((await list(therapist, { muscle: "peroneals", q: "outside of the shin" })).map((e) => e.id)).toContain(
      created.id,
    );

    const edited = await updateClinicExercise(t.db, admin, created.clinicExerciseId!, {
      name: "Peroneal roll (slow)",
      version: 1,
    });
    expect(edited).toMatchObject({ name: "Peroneal roll (slow)", version: 2, tool: "massage_stick" });
    const stale = updateClinicExercise(t.db, therapist, created.clinicExerciseId!, { name: "Lost update", version: 1 });
    await expect(stale).rejects.toMatchObject({
      code: "CONFLICT",
      details: { current: { name: "Peroneal roll (slow)", version: 2 } },
    });
    expect((await getClinicExercise(t.db, therapist, created.clinicExerciseId!)).name).toBe("Peroneal roll (slow)");

    const events = await t.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, created.clinicExerciseId!));
    expect(events.map((e) => e.action).sort()).toEqual(["exercise.created", "exercise.updated"]);
  });

  it("refuse unknown muscles and dosages the library schema would not take", async () => {
    await expect(
      createClinicExercise(t.db, therapist, input({ targetMuscles: ["not_a_muscle"] })),
    ).rejects.toMatchObject({ code: "INVALID", fieldErrors: { targetMuscles: expect.any(Array) } });
    // Another clinic's own muscle is as unknown as a made-up one.
    const theirs = await createClinicMuscle(
      t.db,
      otherTherapist,
      createClinicMuscleBody.parse({ name: "Popliteus", region: "knee" }),
    );
    await expect(createClinicExercise(t.db, therapist, input({ targetMuscles: [theirs.id] }))).rejects.toMatchObject({
      code: "INVALID",
    });
    expect(createExerciseBody.safeParse({ ...input(), dosage: { sets: 2, frequency_per_week: 5 } }).success).toBe(
      false,
    );
    expect(
      createExerciseBody.safeParse({
        ...input(),
        dosage: { hold_seconds: 200, hold_seconds_range: [30, 90], sets: 2, frequency_per_week: 5 },
      }).success,
    ).toBe(false);
  });

  it("may target the clinic's own muscles, found by their region", async () => {
    const popliteus = await createClinicMuscle(
      t.db,
      therapist,
      createClinicMuscleBody.parse({ name: "Popliteus", region: "knee" }),
    );
    const e = await createClinicExercise(
      t.db,
      therapist,
      input({
        name: "Popliteus ball press",
        tool: "massage_ball",
        targetMuscles: [popliteus.id],
        dosage: { hold_seconds: 45, sets: 1, frequency_per_week: 3 },
      }),
    );
    expect(e.targetMuscles).toEqual([{ id: popliteus.id, name: "Popliteus", region: "knee" }]);
    expect((await list(therapist, { region: "knee" })).map((x) => x.id)).toEqual([e.id]);
  });

  it("are archived and restored; archived ones leave the library and the catalogue", async () => {
    const e = await createClinicExercise(t.db, therapist, input({ name: "Archivable roll" }));
    const archived = await setClinicExerciseArchived(t.db, therapist, e.clinicExerciseId!, true);
    expect(archived).toMatchObject({ archived: true, version: 2 });
    expect((await list(therapist)).map((x) => x.id)).not.toContain(e.id);
    expect((await list(therapist, { includeArchived: "true" })).find((x) => x.id === e.id)?.archived).toBe(true);
    expect((await exerciseCatalogue(t.db, therapist)).map((x) => x.id)).not.toContain(e.id);
    await setClinicExerciseArchived(t.db, therapist, e.clinicExerciseId!, false);
    expect((await list(therapist)).map((x) => x.id)).toContain(e.id);
  });

  it("are kept to their clinic: another clinic cannot see, edit, archive or see the picture (404)", async () => {
    const e = await createClinicExercise(t.db, therapist, input({ name: "Private roll" }));
    await putExerciseImage(t.db, therapist, e.clinicExerciseId!, { contentType: "image/png", dataBase64: b64(PNG) });
    const id = e.clinicExerciseId!;
    expect((await list(otherTherapist, { includeArchived: "true" })).map((x) => x.id)).not.toContain(e.id);
    await expect(getClinicExercise(t.db, otherTherapist, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      updateClinicExercise(t.db, otherTherapist, id, { name: "Hijacked", version: 1 }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(setClinicExerciseArchived(t.db, otherTherapist, id, true)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      putExerciseImage(t.db, otherTherapist, id, { contentType: "image/png", dataBase64: b64(PNG) }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteExerciseImage(t.db, otherTherapist, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getExerciseImage(t.db, otherTherapist, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getExerciseImage(t.db, otherClient, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(catalogueExercise(t.db, otherTherapist, e.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Clients read pictures (the portal shows them) but never write.
    expect((await getExerciseImage(t.db, client, id)).contentType).toBe("image/png");
    await expect(createClinicExercise(t.db, client, input())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateClinicExercise(t.db, client, id, { name: "x-x-x", version: 1 })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("never touch the seeded library", async () => {
    const before = await t.db.select().from(smrExercises).orderBy(smrExercises.id);
    await createClinicExercise(t.db, therapist, input({ name: "Upper trapezius ball press against a wall" }));
    // A library id is not a clinic exercise: nothing to edit.
    await expect(getClinicExercise(t.db, therapist, "00000000-0000-0000-0000-000000000000")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await t.db.select().from(smrExercises).orderBy(smrExercises.id)).toEqual(before);
  });

  it("appear in the programme catalogue keyed clinic:<uuid>, in the reference shape", async () => {
    const e = await createClinicExercise(t.db, therapist, input({ name: "Catalogue roll" }));
    await putExerciseImage(t.db, therapist, e.clinicExerciseId!, { contentType: "image/jpeg", dataBase64: b64(JPEG) });
    const item = await catalogueExercise(t.db, therapist, `clinic:${e.clinicExerciseId}`);
    expect(item).toMatchObject({
      id: `clinic:${e.clinicExerciseId}`,
      source: "clinic",
      hasImage: true,
      tool: "massage_stick",
      target_muscles: ["peroneals"],
      dosage: { duration_seconds: 60, sets: 2, frequency_per_week: 5 },
    });
    expect(item.imageUrl).toMatch(new RegExp(`^/api/exercises/${e.clinicExerciseId}/image\\?v=\\d+$`));
  });
});

describe("exercise pictures", () => {
  it("are stored, replaced, served and removed", async () => {
    const e = await createClinicExercise(t.db, therapist, input({ name: "Pictured roll" }));
    const id = e.clinicExerciseId!;
    const put = await putExerciseImage(t.db, therapist, id, { contentType: "image/png", dataBase64: b64(PNG) });
    const got = await getExerciseImage(t.db, admin, id);
    // Kept as re-encoded without metadata (lib/images): the same 1×1 PNG picture, not the same bytes.
    expect(put).toMatchObject({ contentType: "image/png", byteSize: got.data.byteLength });
    expect(await sharp(got.data).metadata()).toMatchObject({ format: "png", width: 1, height: 1 });
    await putExerciseImage(t.db, therapist, id, { contentType: "image/jpeg", dataBase64: b64(JPEG) });
    expect((await getExerciseImage(t.db, therapist, id)).contentType).toBe("image/jpeg");
    expect((await getClinicExercise(t.db, therapist, id)).hasImage).toBe(true);
    await deleteExerciseImage(t.db, therapist, id);
    await expect(getExerciseImage(t.db, therapist, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getClinicExercise(t.db, therapist, id)).imageUrl).toBeNull();
  });

  it("refuse bytes that do not match the type, and anything over 2 MB (400)", async () => {
    const id = (await createClinicExercise(t.db, therapist, input({ name: "Refused picture roll" }))).clinicExerciseId!;
    await expect(
      putExerciseImage(t.db, therapist, id, { contentType: "image/png", dataBase64: b64(JPEG) }),
    ).rejects.toMatchObject({ code: "INVALID" });
    await expect(
      putExerciseImage(t.db, therapist, id, {
        contentType: "image/webp",
        dataBase64: b64(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>")),
      }),
    ).rejects.toMatchObject({ code: "INVALID" });
    const big = Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]);
    await expect(
      putExerciseImage(t.db, therapist, id, { contentType: "image/png", dataBase64: b64(big) }),
    ).rejects.toMatchObject({ code: "INVALID", fieldErrors: { dataBase64: ["The picture is larger than 2 MB."] } });
    expect((await getClinicExercise(t.db, therapist, id)).hasImage).toBe(false);
  });
});
