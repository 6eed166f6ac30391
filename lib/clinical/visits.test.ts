import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { findings, visits } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { sqlState } from "@/lib/errors";
import { actorFor, clientIdByName, freshDb, type TestDb } from "@/lib/testing/db";
import type { Actor } from "@/lib/identity/actor";
import { createVisit } from "./visits/create-visit";
import { signVisit } from "./visits/sign-visit";
import { updateVisitNote } from "./visits/update-visit-note";
import { addAmendment } from "./visits/add-amendment";
import { createFinding } from "./findings/create-finding";
import { deleteFinding } from "./findings/delete-finding";
import { updateFinding } from "./findings/update-finding";
import { getVisitOrThrow } from "./visits/get-visit-or-throw";
import { listClientVisits } from "./visits/list-client-visits";
import { getChartHistory } from "./chart-history";

let t: TestDb;
let therapist: Actor;
let clientId: string;

beforeAll(async () => {
  t = await freshDb();
  therapist = await actorFor(t.db, "therapist@demo.test");
  clientId = await clientIdByName(t.db, "Priya", "Shah");
});
afterAll(() => t.close());

const place = (visitId: string, over: Record<string, unknown> = {}) =>
  createFinding(t.db, therapist, visitId, {
    view: "back",
    x: 0.585,
    y: 0.185,
    muscleId: "upper_trapezius",
    side: "right",
    label: "UT-1",
    type: "active",
    tautBand: true,
    localTwitch: false,
    referredPain: true,
    referralRegions: ["temple_r"],
    tenderness: 7,
    pptTrials: [
      { value: 2, unit: "kgf/cm2" },
      { value: 2.2, unit: "kgf/cm2" },
      { value: 2.4, unit: "kgf/cm2" },
    ],
    treatment: ["ischaemic compression"],
    response: "",
    note: "",
    ...over,
  } as never);

async function expectAppError(p: Promise<unknown>, code: AppError["code"]) {
  const err = await p.then(
    () => null,
    (e) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  return err as AppError;
}

describe("visits and findings", () => {
  it("derives the kPa mean and the 2-of-3 consensus flag from the raw inputs", async () => {
    const { id } = await createVisit(t.db, therapist, clientId, {});
    await place(id);
    const visit = await getVisitOrThrow(t.db, therapist, id);
    expect(visit.status).toBe("draft");
    expect(visit.findings).toHaveLength(1);
    expect(visit.findings[0]!.pptKpaMean).toBeCloseTo(2.2 * 98.0665, 0);
    expect(visit.findings[0]!.meetsConsensus).toBe(true);
    expect(visit.findings[0]!.muscleName).toBe("Upper trapezius");
  });

  it("refuses a stale autosave with 409 and the current text, and writes nothing", async () => {
    const { id } = await createVisit(t.db, therapist, clientId, {});
    const first = await updateVisitNote(t.db, therapist, id, { subjective: "Tab A text", version: 1 });
    expect(first.version).toBe(2);
    const err = await expectAppError(
      updateVisitNote(t.db, therapist, id, { subjective: "Tab B text", version: 1 }),
      "CONFLICT",
    );
    expect((err.details as { current: { subjective: string } }).current.subjective).toBe("Tab A text");
    expect((await getVisitOrThrow(t.db, therapist, id)).subjective).toBe("Tab A text");
  });

  it("locks a signed visit in the database itself, for the visit and its findings", async () => {
    // A client with no earlier visits, so nothing is carried forward into this one.
    const { id } = await createVisit(t.db, therapist, await clientIdByName(t.db, "Maria", "Lopez"), {});
    const { id: findingId } = await place(id);
    await signVisit(t.db, therapist, id, { version: 1 });
    // Straight SQL, bypassing every application check: the triggers refuse.
    const direct = [
      t.db.update(visits).set({ plan: "changed" }).where(eq(visits.id, id)),
      t.db.delete(visits).where(eq(visits.id, id)),
      t.db.update(findings).set({ tenderness: 1 }).where(eq(findings.id, findingId)),
      t.db.delete(findings).where(eq(findings.id, findingId)),
    ];
    for (const q of direct) {
      const err = await q.then(
        () => null,
        (e) => e,
      );
      expect(sqlState(err)).toBe("55000");
    }
    await expectAppError(updateVisitNote(t.db, therapist, id, { plan: "x", version: 2 }), "CONFLICT");
    await expectAppError(place(id), "CONFLICT");
    await addAmendment(t.db, therapist, id, { reason: "Side corrected", body: "The point was on the left." });
    const visit = await getVisitOrThrow(t.db, therapist, id);
    expect(visit.status).toBe("amended");
    expect(visit.amendments[0]!.reason).toBe("Side corrected");
    expect(visit.findings[0]!.tenderness).toBe(7);
  });

  it("carries open points forward, awaiting today's status, and blocks signing until given", async () => {
    const other = await clientIdByName(t.db, "Tom", "Okafor");
    const v1 = await createVisit(t.db, therapist, other, { startedAt: "2026-10-01T09:00:00Z" });
    const a = await place(v1.id);
    const b = await place(v1.id, { muscleId: "infraspinatus", label: "IS-1", x: 0.6, y: 0.24 });
    await updateFinding(t.db, therapist, v1.id, b.id, { status: "resolved", version: 1 } as never);
    await signVisit(t.db, therapist, v1.id, { version: 1 });

    const v2 = await createVisit(t.db, therapist, other, { startedAt: "2026-10-08T09:00:00Z" });
    expect(v2.carriedForward).toBe(1);
    const visit = await getVisitOrThrow(t.db, therapist, v2.id);
    expect(visit.findings).toHaveLength(1);
    const carried = visit.findings[0]!;
    expect(carried.triggerPointId).toBe(a.triggerPointId);
    expect(carried.carriedForward).toBe(true);
    expect(carried.status).toBeNull();
    expect(carried.tenderness).toBeNull();
    expect(visit.previousVisit?.marks.map((m) => m.triggerPointId)).toEqual([a.triggerPointId]);

    await expectAppError(signVisit(t.db, therapist, v2.id, { version: 1 }), "INVALID");
    await expectAppError(deleteFinding(t.db, therapist, v2.id, carried.id), "CONFLICT");
    await expectAppError(
      updateFinding(t.db, therapist, v2.id, carried.id, { muscleId: "rhomboids", version: 1 } as never),
      "CONFLICT",
    );
    await updateFinding(t.db, therapist, v2.id, carried.id, {
      status: "better",
      type: "latent",
      tenderness: 3,
      version: 1,
    } as never);
    await signVisit(t.db, therapist, v2.id, { version: 1 });

    const history = await getChartHistory(t.db, therapist, other, 10);
    const point = history.points.find((p) => p.triggerPointId === a.triggerPointId)!;
    expect(point.findings.map((f) => [f.type, f.tenderness])).toEqual([
      ["active", 7],
      ["latent", 3],
    ]);
    const { items: list } = await listClientVisits(t.db, therapist, other);
    expect(list.map((v) => v.status)).toEqual(["signed", "signed"]);
    expect(list.map((v) => [v.findingCount, v.activeCount])).toEqual([
      [1, 0],
      [2, 1],
    ]);
  });

  it("refuses tenderness outside 0–10 in the database too", async () => {
    const { id } = await createVisit(t.db, therapist, clientId, {});
    const { id: fid } = await place(id);
    const err = await t.db.execute(sql`update findings set tenderness = 11 where id = ${fid}`).then(
      () => null,
      (e) => e,
    );
    expect(sqlState(err)).toBe("23514");
  });

  it("hides visits and findings from another clinic and from non-clinical roles", async () => {
    const { id } = await createVisit(t.db, therapist, clientId, {});
    const otherTherapist = await actorFor(t.db, "therapist@other.test", "other-clinic");
    await expectAppError(getVisitOrThrow(t.db, otherTherapist, id), "NOT_FOUND");
    await expectAppError(listClientVisits(t.db, otherTherapist, clientId), "NOT_FOUND");
    await expectAppError(
      place(id).then(() => createFinding(t.db, otherTherapist, id, {} as never)),
      "NOT_FOUND",
    );
    const admin = await actorFor(t.db, "admin@demo.test");
    await expectAppError(getVisitOrThrow(t.db, admin, id), "FORBIDDEN");
    const rows = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(findings)
      .where(and(eq(findings.clinicId, otherTherapist.clinicId), eq(findings.visitId, id)));
    expect(rows[0]!.n).toBe(0);
  });
});
