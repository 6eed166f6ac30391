import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "@/db/schema";
import { actorFor, clientIdByName, freshDb, type TestDb } from "@/lib/testing/db";
import type { Actor } from "@/lib/identity/actor";
import { comparePosturePhotos } from "./posture-photos";
import { uploadDocument } from "./upload-document";
import { deleteDocument } from "./client-documents/delete-document";

const TINY_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

let t: TestDb;
let therapist: Actor;
let priya: string;
let casey: string;
const ids: Record<string, string> = {};

const photo = (title: string, documentDate: string, view: "front" | "left" | null) => ({
  kind: "posture_photo" as const,
  title,
  documentDate,
  view,
  fileName: "p.png",
  dataBase64: TINY_PNG,
});
const viewed = (entityId: string) =>
  t.db
    .select({ clientId: auditEvents.clientId })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, "document.viewed"), eq(auditEvents.entityId, entityId)));

beforeAll(async () => {
  t = await freshDb();
  therapist = await actorFor(t.db, "therapist@demo.test");
  priya = await clientIdByName(t.db, "Priya", "Shah");
  casey = await clientIdByName(t.db, "Casey", "Client");
  // Uploaded out of date order: the comparison orders by the day the photo was taken.
  const up = async (key: string, client: string, body: ReturnType<typeof photo>) =>
    (ids[key] = (await uploadDocument(t.db, therapist, client, body)).id);
  await up("front2", priya, photo("Front, week 6", "2026-10-15", "front"));
  await up("front1", priya, photo("Front, first visit", "2026-09-01", "front"));
  await up("front3", priya, photo("Front, discharge", "2026-11-20", "front"));
  await up("left1", priya, photo("Left, first visit", "2026-09-01", "left"));
  await up("noView", priya, photo("Untagged", "2026-09-02", null));
  ids.letter = (
    await uploadDocument(t.db, therapist, priya, {
      kind: "other",
      title: "A letter",
      documentDate: "2026-09-03",
      fileName: "l.png",
      dataBase64: TINY_PNG,
    })
  ).id;
  await up("caseyFront", casey, photo("Casey front", "2026-09-01", "front"));
});
afterAll(() => t.close());

describe("posture photos over time", () => {
  it("defaults to the first and the latest photo of the first view that has two, oldest first", async () => {
    const c = await comparePosturePhotos(t.db, therapist, priya);
    expect(c.view).toBe("front");
    expect(c.photosByView.front.map((p) => p.title)).toEqual([
      "Front, first visit",
      "Front, week 6",
      "Front, discharge",
    ]);
    expect(c.photosByView.left).toHaveLength(1);
    expect(c.photosByView.back).toEqual([]);
    expect([c.before?.id, c.after?.id]).toEqual([ids.front1, ids.front3]);
    // Neither the photo without a view nor the letter is offered.
    const all = Object.values(c.photosByView).flat();
    expect(all.map((p) => p.id)).not.toContain(ids.noView);
    expect(all.map((p) => p.id)).not.toContain(ids.letter);
  });

  it("shows the two dates the therapist picks, and records each as an opened document", async () => {
    const before = (await viewed(ids.front2!)).length;
    const c = await comparePosturePhotos(t.db, therapist, priya, {
      view: "front",
      before: ids.front2,
      after: ids.front3,
    });
    expect([c.before?.title, c.after?.title]).toEqual(["Front, week 6", "Front, discharge"]);
    expect(await viewed(ids.front2!)).toEqual(Array(before + 1).fill({ clientId: priya }));
    expect((await viewed(ids.front3!)).length).toBeGreaterThan(0);
  });

  it("another client's, another view's, a letter's or a removed photo's id is NOT_FOUND", async () => {
    const notFound = { code: "NOT_FOUND" };
    await expect(comparePosturePhotos(t.db, therapist, priya, { before: ids.caseyFront })).rejects.toMatchObject(
      notFound,
    );
    await expect(
      comparePosturePhotos(t.db, therapist, priya, { view: "front", after: ids.left1 }),
    ).rejects.toMatchObject(notFound);
    await expect(comparePosturePhotos(t.db, therapist, priya, { before: ids.letter })).rejects.toMatchObject(notFound);
    const gone = (await uploadDocument(t.db, therapist, priya, photo("Removed", "2026-12-01", "front"))).id;
    await deleteDocument(t.db, therapist, priya, gone);
    await expect(comparePosturePhotos(t.db, therapist, priya, { after: gone })).rejects.toMatchObject(notFound);
  });

  it("another clinic's staff cannot open the comparison; admins without clinical access are refused", async () => {
    const other = await actorFor(t.db, "therapist@other.test", "other-clinic");
    await expect(comparePosturePhotos(t.db, other, priya)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const admin = await actorFor(t.db, "admin@demo.test");
    await expect(comparePosturePhotos(t.db, admin, priya)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("with fewer than two photos of any view there is nothing to compare, and nothing is recorded", async () => {
    const c = await comparePosturePhotos(t.db, therapist, casey);
    expect(c).toMatchObject({ view: null, before: null, after: null });
    expect(c.photosByView.front).toHaveLength(1);
    expect(await viewed(ids.caseyFront!)).toEqual([]);
  });
});
