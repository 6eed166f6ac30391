/**
 * The body-chart template every mark is stored against. Bump `version` (and keep the old
 * geometry available) whenever the outline changes enough to move anatomy under stored
 * coordinates: the domain reference asks for template id + version on every mark so marks can be
 * re-fitted later instead of silently drifting.
 */
export const CHART_TEMPLATE = {
  id: "knotwork-adult-v1",
  version: 1,
  /**
   * Drawing units of one view. x = 0..1 maps to 0..width, y = 0..1 maps to 0..height.
   * The 3:4 frame is what the reference's landmarks imply: its shoulder, hip, head and knee
   * widths only give adult proportions when a unit of x is 0.75 of a unit of y.
   */
  width: 600,
  height: 800,
} as const;

export type ChartTemplateRef = { templateId: string; templateVersion: number };

/** What to store beside a mark's coordinates. */
export const CURRENT_TEMPLATE_REF: ChartTemplateRef = {
  templateId: CHART_TEMPLATE.id,
  templateVersion: CHART_TEMPLATE.version,
};

/** Physical width of one x unit relative to one y unit (for true distances on the figure). */
export const TEMPLATE_ASPECT = CHART_TEMPLATE.width / CHART_TEMPLATE.height;

/**
 * Half-width of the midline band, in x units. The reference puts the deepest paraspinal
 * trigger points (multifidus) only 0.012 from the midline, so the band must stay narrower than
 * that; 0.008 is about 1.2 cm on an adult, roughly the width of a spinous process.
 */
export const MIDLINE_HALF_WIDTH = 0.008;
