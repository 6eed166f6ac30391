/** A library or clinic dosage in words: "Hold 60 s per spot (30–90 s) · 2 sets · once a day · 7 days a week". */
export function dosageText(d: Record<string, unknown>): string {
  const n = (k: string) => (typeof d[k] === "number" ? (d[k] as number) : undefined);
  const range = (k: string) => (Array.isArray(d[k]) && d[k].length === 2 ? ` (${d[k][0]}–${d[k][1]} s)` : "");
  const parts: string[] = [];
  const hold = n("hold_seconds");
  const roll = n("duration_seconds");
  if (hold !== undefined) parts.push(`Hold ${hold} s per spot${range("hold_seconds_range")}`);
  if (roll !== undefined) parts.push(`Roll ${roll} s per muscle${range("duration_seconds_range")}`);
  const sets = n("sets");
  if (sets !== undefined) parts.push(`${sets} set${sets === 1 ? "" : "s"}`);
  const perDay = n("times_per_day");
  if (perDay !== undefined) parts.push(perDay === 1 ? "once a day" : `${perDay} times a day`);
  const days = n("frequency_per_week");
  if (days !== undefined) parts.push(`${days} day${days === 1 ? "" : "s"} a week`);
  return parts.join(" · ");
}

/** Instructions as steps: clinic exercises keep one step per line; library text is one paragraph. */
export function stepsOf(instructions: string): string[] {
  return instructions
    .split("\n")
    .map((s) => s.trim())
    .filter(Boolean);
}

/** "neck_shoulder" → "Neck shoulder", as the region filter and the muscle picker show it. */
export const regionLabel = (r: string) => {
  const words = r.replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
};
