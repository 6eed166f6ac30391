export { BodyChart, type BodyChartProps } from "./body-chart";
export { BodyChartView, type BodyChartViewProps } from "./body-chart-view";
export { BodyOutline, type BodyOutlineProps } from "./body-outline";
export { ChartLegend, type ChartLegendProps } from "./chart-legend";
export { CHART_COLORS } from "./chart-colors";
export { VIEW_BOX_ATTR } from "./outline-geometry";
export type { BodyChartHandlers, ChartMark, ChartMarkKind, HeatSpot, RegionShade, RegionShadeKind } from "./types";
