import { describe, expect, it } from "vitest";
import type { ChartHistory } from "@/lib/clinical/chart-history";
import { asymmetryRows, chartLayers, historyUpTo, pointIdOfMark, pptGap, stateCounts } from "./history-model";

const V = [
  "11111111-1111-4111-8111-111111111111",
  "22222222-2222-4222-8222-222222222222",
  "33333333-3333-4333-8333-333333333333",
];
const at = ["2026-10-14T09:00:00.000Z", "2026-10-28T10:30:00.000Z", "2026-11-11T09:30:00.000Z"];
const visit = (i: number) => ({ visitId: V[i]!, startedAt: at[i]! });
const finding = (i: number, over: Partial<ChartHistory["points"][number]["findings"][number]> = {}) => ({
  ...visit(i),
  view: "back" as const,
  x: 0.585,
  y: 0.185,
  type: "latent" as const,
  status: "unchanged",
  tenderness: 3,
  pptKpaMean: 300,
  ...over,
});
const point = (id: string, muscleName: string, side: "left" | "right", findings: ReturnType<typeof finding>[]) => ({
  triggerPointId: id,
  muscleId: muscleName.toLowerCase().replace(/ /g, "_"),
  muscleName,
  side,
  label: "UT-1",
  findings,
});

const history: ChartHistory = {
  visits: V.map((id, i) => ({ id, startedAt: at[i]!, signed: true })),
  points: [
    point("ut-r", "Upper trapezius", "right", [
      finding(0, { type: "active", status: "new", tenderness: 7, pptKpaMean: 190 }),
      finding(1, { status: "better", tenderness: 4, pptKpaMean: 239 }),
      finding(2, { status: "resolved", tenderness: 1, pptKpaMean: 298 }),
    ]),
    point("ut-l", "Upper trapezius", "left", [
      finding(0, { x: 0.415, status: "new" }),
      finding(1, { x: 0.415 }),
      finding(2, { x: 0.415, pptKpaMean: 301 }),
    ]),
    point("is-r", "Infraspinatus", "right", [
      finding(1, { x: 0.565, y: 0.25, type: "active", status: "new" }),
      finding(2, { x: 0.573, y: 0.25, status: "better" }),
    ]),
  ],
};

const fmt = (iso: string) => iso.slice(0, 10);

describe("chart history model", () => {
  it("keeps only the visits up to the slider, ordering points by muscle then right before left", () => {
    const first = historyUpTo(history, 1);
    expect(first.visits).toHaveLength(1);
    expect(first.points.map((p) => p.triggerPointId)).toEqual(["ut-r", "ut-l"]);
    expect(historyUpTo(history, 3).points.map((p) => p.triggerPointId)).toEqual(["is-r", "ut-r", "ut-l"]);
  });

  it("draws the latest finding as a mark, resolved points and earlier positions as ghosts, and every open finding as heat", () => {
    const { points } = historyUpTo(history, 3);
    const { marks, heat } = chartLayers(points, fmt, "is-r");
    const byId = new Map(marks.map((m) => [m.id, m]));
    expect(byId.get("ut-r")?.kind).toBe("ghost");
    expect(byId.get("ut-r")?.description).toBe("right upper trapezius, resolved on 2026-11-11");
    expect(byId.get("ut-l")?.kind).toBe("latent");
    expect(byId.get("is-r")).toMatchObject({ kind: "latent", x: 0.573, selected: true });
    // The infraspinatus moved, so its first position stays as a ghost; the trapezius points did not.
    const ghosts = marks.filter((m) => m.id.includes(":"));
    expect(ghosts.map((m) => [pointIdOfMark(m.id), m.x])).toEqual([["is-r", 0.565]]);
    // 2 open UT-R findings + 3 UT-L + 2 IS-R; the resolved one adds no heat.
    expect(heat).toHaveLength(7);
    expect(stateCounts(points)).toEqual({ active: 0, latent: 2, resolved: 1 });
    expect(stateCounts(historyUpTo(history, 1).points)).toEqual({ active: 1, latent: 1, resolved: 0 });
  });

  it("pairs left and right of a muscle using each side's latest finding in range", () => {
    const early = asymmetryRows(historyUpTo(history, 1).points);
    expect(early).toHaveLength(1);
    expect(early[0]!.right.finding.pptKpaMean).toBe(190);
    expect(pptGap(early[0]!.left.finding.pptKpaMean, early[0]!.right.finding.pptKpaMean)).toEqual({
      lowerSide: "right",
      percent: 37,
      kpa: 110,
    });
    const late = asymmetryRows(historyUpTo(history, 3).points);
    expect(late.map((r) => [r.left.finding.pptKpaMean, r.right.finding.pptKpaMean])).toEqual([[301, 298]]);
    expect(pptGap(null, 300)).toBeNull();
  });
});
