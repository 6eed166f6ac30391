import { regionName } from "@/lib/clinical/rules/regions";
import { sideAt } from "@/lib/clinical/rules/side";
import type { ChartView } from "@/lib/clinical/rules/types";
import type { ChartMark, ChartMarkKind, RegionShade } from "./types";

/** Words for screen readers and the visually hidden summary; clinician vocabulary. */
export const MARK_KIND_NAMES: Record<ChartMarkKind, string> = {
  active: "Active trigger point",
  latent: "Latent trigger point",
  ghost: "Last visit's trigger point",
};

export const VIEW_TITLES: Record<ChartView, string> = {
  front: "Front view. The client's right is on the left of the picture.",
  back: "Back view. The client's right is on the right of the picture.",
};

/** "Active trigger point UT-1, right upper trapezius" (or "…, client's right side"). */
export function markAccessibleName(mark: ChartMark): string {
  const side = sideAt(mark);
  const where = mark.description ?? (side === "midline" ? "midline" : `client's ${side} side`);
  // Labels are optional (a finding may have none): no stray space before the comma.
  return `${MARK_KIND_NAMES[mark.kind]}${mark.label ? ` ${mark.label}` : ""}, ${where}`;
}

/** One line per shaded region, e.g. "Client-reported pain: Back of neck (right), 6 out of 10". */
export function shadeSummary(shade: RegionShade): string {
  const name = regionName(shade.regionId);
  if (shade.kind === "referred") return `Referred pain: ${name}`;
  return shade.score === undefined
    ? `Client-reported pain: ${name}`
    : `Client-reported pain: ${name}, ${shade.score} out of 10`;
}
