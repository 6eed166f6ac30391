export { BodyChart } from "./body-chart";
export { BodyOutline } from "./body-outline";
export { ChartLegend } from "./chart-legend";
export { CHART_COLORS } from "./chart-colors";
export { VIEW_BOX_ATTR } from "./outline-geometry";
export type { ChartMark, HeatSpot, RegionShade } from "./types";
