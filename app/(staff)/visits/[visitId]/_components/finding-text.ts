import type { FindingDto } from "@/lib/clinical/schemas";

export const STATUS_LABEL: Record<NonNullable<FindingDto["status"]>, string> = {
  new: "New",
  unchanged: "Unchanged",
  better: "Better",
  worse: "Worse",
  resolved: "Resolved",
  not_checked: "Not checked",
};

export function sideLabel(side: FindingDto["side"]): string {
  return side === "left" ? "Left" : side === "right" ? "Right" : "Midline";
}

/** Common manual techniques; free text is still possible in the response and note. */
export const TREATMENTS = [
  "Ischaemic compression",
  "Stretch",
  "Spray and stretch",
  "Muscle energy technique",
  "Massage",
  "Dry needling",
  "Heat",
  "SMR instruction",
] as const;
