import type { ClientSide } from "./types";

const SIDE_LETTER = { right: "R", left: "L" } as const;
const HAS_SIDE = / (R|L)$/;

/**
 * A trigger point's short label with the client's side: the left and right upper trapezius are
 * both "UT-1" in the reference, so a visit that charts both needs "UT-1 R" and "UT-1 L".
 * Midline points (and empty labels) stay as they are; a label that already ends in its side is kept.
 */
export function labelWithSide(label: string, side: ClientSide): string {
  const base = label.trim().replace(HAS_SIDE, "");
  if (!base || side === "midline") return base;
  return `${base} ${SIDE_LETTER[side]}`;
}
