import { describe, expect, it } from "vitest";
import { QueryClient } from "@tanstack/react-query";
import { applyCompletion, newIdempotencyKey, portalProgrammeKeys, type PortalProgrammeView } from "./portal-programme";

const item = (itemId: string) => ({
  itemId,
  exerciseKey: "k",
  name: "n",
  tool: "massage_ball",
  toolLabel: "Massage ball",
  instructions: "",
  cautions: [],
  stopRules: [],
  targetMuscles: [],
  dosage: {
    tool: "massage_ball",
    technique: "sustained_pressure" as const,
    intensity: 4,
    secondsPerSpot: 60,
    spots: 1,
    sets: 1,
    restSeconds: 0,
    sessionsPerDay: 1,
    daysOfWeek: [1],
  },
  note: "",
  imageUrl: null,
  prescribedToday: 1,
  doneToday: 0,
  pausedForReview: false,
  pausedByPrecaution: false,
});
const A = "00000000-0000-4000-8000-00000000000a";
const B = "00000000-0000-4000-8000-00000000000b";
const view: PortalProgrammeView = {
  wording: "self_care",
  pressureScale: [],
  avoidSites: [],
  date: "2025-03-04",
  adherenceThisWeek: { prescribed: 2, completed: 0, ratio: 0 },
  programmes: [
    {
      id: A,
      title: "t",
      version: 1,
      startDate: "2025-03-01",
      endDate: null,
      notes: "",
      therapistName: "T",
      items: [item(A), item(B)],
    },
  ],
};

describe("applyCompletion", () => {
  it("puts the new count on the ticked item only, at once", async () => {
    const qc = new QueryClient();
    qc.setQueryData(portalProgrammeKeys.programme, view);
    await applyCompletion(qc, {
      id: A,
      itemId: B,
      completedAt: "",
      localDate: "2025-03-04",
      adverse: false,
      stopRules: [],
      doneToday: 1,
    });
    const after = qc.getQueryData<PortalProgrammeView>(portalProgrammeKeys.programme)!;
    expect(after.programmes[0]!.items.map((i) => i.doneToday)).toEqual([0, 1]);
    expect(qc.getQueryState(portalProgrammeKeys.programme)?.isInvalidated).toBe(true);
  });
});

describe("newIdempotencyKey", () => {
  it("is long enough for the server and different each time", () => {
    const a = newIdempotencyKey();
    expect(a.length).toBeGreaterThanOrEqual(8);
    expect(newIdempotencyKey()).not.toBe(a);
  });
});
