/**
 * Body chart colours, fixed across the product (DESIGN.md) and explained by ChartLegend wherever
 * the chart appears. Written as SVG attribute values, not Tailwind classes, so the chart looks the
 * same in print, in static renders and wherever the stylesheet is missing.
 *
 * Contrast: every mark colour is ≥ 4.5:1 on white (WCAG 1.4.11 asks 3:1 for graphics); the amber
 * is darkened from the usual warning amber for that reason.
 */
export const CHART_COLORS = {
  /** Active trigger point: filled red ✕ (the design system's danger red). */
  active: "#b42318",
  /** Latent trigger point: hollow amber ✕ (design system warning amber). */
  latent: "#a15c07",
  /** Ghost marks from the last visit: grey, drawn at 40 % opacity. */
  ghost: "#57534e",
  ghostOpacity: 0.4,
  /** Referred pain hatching. */
  referred: "#c0392b",
  /** Client-reported pain, graded by score. */
  client: "#1d5fc9",
  /**
   * Finding density across visits (history view): violet, so it cannot be read as active red,
   * latent amber, referred-pain red or client-pain blue.
   */
  heat: "#6d28d9",
  /** Textbook referral pattern outline for the selected muscle. */
  pattern: "#7a1f16",
  /** Selection and focus ring: the product's teal accent. */
  accent: "#0f6b73",
  outline: "#8a817c",
  outlineFill: "#fdfcfb",
  detail: "#cbc5c1",
  label: "#44403c",
} as const;

/** Client pain shading opacity for an NPRS score 0–10 (unscored areas get the middle value). */
export function clientShadeOpacity(score: number | undefined): number {
  if (score === undefined || Number.isNaN(score)) return 0.35;
  const s = Math.min(10, Math.max(0, score));
  return 0.12 + s * 0.055;
}
