import type { ChartMark } from "@/app/_components/body-chart";
import type { VisitDetail } from "@/lib/clinical/schemas";
import { labelWithSide } from "@/lib/clinical/rules/point-label";
import { sideLabel } from "./finding-text";

/** The body chart's marks: last visit's points as ghosts, then this visit's findings (one selected). */
export function chartMarks(visit: VisitDetail, selectedId: string | null): ChartMark[] {
  return [
    ...(visit.previousVisit?.marks ?? []).map((g) => ({
      id: `ghost-${g.triggerPointId}`,
      view: g.view,
      x: g.x,
      y: g.y,
      kind: "ghost" as const,
      label: labelWithSide(g.label, g.side),
      description: `last visit, ${sideLabel(g.side).toLowerCase()} ${g.muscleName.toLowerCase()}`,
    })),
    ...visit.findings.map((f) => ({
      id: f.id,
      view: f.view,
      x: f.x,
      y: f.y,
      kind: f.type,
      label: labelWithSide(f.label, f.side),
      selected: f.id === selectedId,
      description: `${sideLabel(f.side).toLowerCase()} ${f.muscleName.toLowerCase()}`,
    })),
  ];
}
