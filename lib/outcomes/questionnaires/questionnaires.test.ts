import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { actorFor, clientIdByName, freshDb, type TestDb } from "@/lib/testing/db";
import type { Actor } from "@/lib/identity/actor";
import { createVisit } from "@/lib/clinical/visits/create-visit";
import { assignQuestionnaire } from "./assignments/assign-questionnaire";
import { cancelAssignment } from "./assignments/cancel-assignment";
import { listClientAssignments } from "./assignments/list-client-assignments";
import { listMyDueQuestionnaires } from "./assignments/list-my-due-questionnaires";
import { openMyQuestionnaire } from "./assignments/open-my-questionnaire";
import { listResponseSeries } from "./responses/list-response-series";
import { submitMyResponse } from "./responses/submit-my-response";
import { submitResponse } from "./responses/submit-response";
import { instrumentForClinic } from "./instruments";
import { setInstrumentWording } from "./set-instrument-wording";
import { listCheckIns } from "./check-ins/list-check-ins";
import { saveMyCheckIn } from "./check-ins/save-my-check-in";
import { checkInBody, submitBody } from "./schemas";

let t: TestDb;
let therapist: Actor;
let client: Actor;
let casey: string;

beforeAll(async () => {
  t = await freshDb();
  therapist = await actorFor(t.db, "therapist@demo.test");
  client = await actorFor(t.db, "client@demo.test");
  casey = await clientIdByName(t.db, "Casey", "Client");
});
afterAll(() => t.close());

const code = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: AppError) => e.code,
  );

describe("questionnaires", () => {
  it("scores a portal response from the raw answers and keeps both", async () => {
    const { id: assignmentId } = await assignQuestionnaire(t.db, therapist, casey, {
      instrumentId: "psfs",
      everyNVisits: 2,
    });
    expect((await listMyDueQuestionnaires(t.db, client)).map((a) => a.id)).toContain(assignmentId);
    const r = await submitMyResponse(
      t.db,
      client,
      submitBody.parse({
        instrumentId: "psfs",
        assignmentId,
        answers: { activity_1: 3, activity_2: 4, activity_3: 5 },
        itemLabels: { activity_1: "Driving" },
      }),
    );
    expect(r.score).toBe(4);
    expect((await listMyDueQuestionnaires(t.db, client)).map((a) => a.id)).not.toContain(assignmentId);
    // Answered, it still opens on its page (no longer in the due list), and nobody else's id does.
    expect(await openMyQuestionnaire(t.db, client, assignmentId)).toMatchObject({ due: [] });
    const stranger = await actorFor(t.db, "client@other.test", "other-clinic");
    expect(await openMyQuestionnaire(t.db, stranger, assignmentId)).toBeNull();
    expect(await openMyQuestionnaire(t.db, client, crypto.randomUUID())).toBeNull();
    // Due again after two visits.
    await createVisit(t.db, therapist, casey, { startedAt: new Date(Date.now() + 60_000).toISOString() });
    await createVisit(t.db, therapist, casey, { startedAt: new Date(Date.now() + 120_000).toISOString() });
    expect((await listClientAssignments(t.db, therapist, casey)).find((a) => a.id === assignmentId)?.due).toBe(true);
    // Due again, its page offers the activities named last time for re-rating.
    const reopened = await openMyQuestionnaire(t.db, client, assignmentId);
    expect(reopened?.due.map((a) => a.id)).toEqual([assignmentId]);
    expect(reopened?.previousLabels).toEqual({ activity_1: "Driving" });
    const series = await listResponseSeries(t.db, therapist, casey);
    expect(series.find((s) => s.instrumentId === "psfs")?.responses[0]).toMatchObject({
      score: 4,
      source: "portal",
      answers: { activity_1: 3 },
    });
  });

  it("refuses answers outside the scale with per-item messages and stores nothing", async () => {
    const err = await submitResponse(
      t.db,
      therapist,
      casey,
      submitBody.parse({ instrumentId: "psfs", answers: { activity_1: 11, activity_2: 4, activity_3: 5 } }),
    ).then(
      () => null,
      (e) => e as AppError,
    );
    expect(err?.code).toBe("INVALID");
    expect(Object.keys(err?.fieldErrors ?? {})).toContain("answers.activity_1");
    const series = await listResponseSeries(t.db, therapist, casey);
    expect(series.find((s) => s.instrumentId === "psfs")?.responses.every((r) => r.score !== 11)).toBe(true);
  });

  it("needs the clinic's licensed wording before NDI can be filled in, then pro-rates skipped sections", async () => {
    expect((await instrumentForClinic(t.db, therapist.clinicId, "ndi")).dto.needsClinicWording).toBe(true);
    expect(
      await code(submitResponse(t.db, therapist, casey, submitBody.parse({ instrumentId: "ndi", answers: {} }))),
    ).toBe("CONFLICT");
    const { def } = await instrumentForClinic(t.db, therapist.clinicId, "ndi");
    const items = Object.fromEntries(
      def.items.map((i) => [
        i.id,
        { prompt: `Licensed wording for ${i.title}`, options: { "0": "none", "5": "worst" } },
      ]),
    );
    const dto = await setInstrumentWording(t.db, therapist, "ndi", { items, licenceNote: "test licence" });
    expect(dto.needsClinicWording).toBe(false);
    // Other clinics still see no wording.
    const other = await actorFor(t.db, "therapist@other.test", "other-clinic");
    expect((await instrumentForClinic(t.db, other.clinicId, "ndi")).dto.needsClinicWording).toBe(true);
    // The client's due list carries the instrument as the clinic words it (read with the assignment).
    const { id: ndiAssignment } = await assignQuestionnaire(t.db, therapist, casey, { instrumentId: "ndi" });
    const dueNdi = (await listMyDueQuestionnaires(t.db, client)).find((a) => a.id === ndiAssignment);
    expect(dueNdi?.instrument).toEqual(dto);
    expect(dueNdi?.instrument.items[0]?.prompt).toBe(`Licensed wording for ${def.items[0]!.title}`);
    await cancelAssignment(t.db, therapist, ndiAssignment);
    const answers = Object.fromEntries(def.items.map((i, n) => [i.id, n < 9 ? 2 : null]));
    const r = await submitResponse(t.db, therapist, casey, submitBody.parse({ instrumentId: "ndi", answers }));
    // 9 sections answered × 2 = 18 of a possible 45 → 20 on the 0–50 scale.
    expect(r).toMatchObject({ score: 20, proRated: true });
  });
});

describe("weekly check-in", () => {
  it("keeps one map per week and shows it to the therapist", async () => {
    await saveMyCheckIn(t.db, client, checkInBody.parse({ regions: [{ regionId: "neck_back_r", score: 6 }] }));
    await saveMyCheckIn(
      t.db,
      client,
      checkInBody.parse({
        regions: [
          { regionId: "neck_back_r", score: 4 },
          { regionId: "temple_r", score: 3 },
        ],
      }),
    );
    const list = await listCheckIns(t.db, therapist, casey);
    expect(list).toHaveLength(1);
    expect(list[0]!.regions).toEqual([
      { regionId: "neck_back_r", score: 4 },
      { regionId: "temple_r", score: 3 },
    ]);
    expect(checkInBody.safeParse({ regions: [{ regionId: "nowhere", score: 3 }] }).success).toBe(false);
    expect(checkInBody.safeParse({ regions: [{ regionId: "temple_r", score: 11 }] }).success).toBe(false);
    const stranger = await actorFor(t.db, "therapist@other.test", "other-clinic");
    expect(await code(listCheckIns(t.db, stranger, casey))).toBe("NOT_FOUND");
  });
});
