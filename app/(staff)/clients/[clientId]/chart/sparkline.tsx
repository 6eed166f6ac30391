import { Sparkline as Line } from "@/app/_components/ui/sparkline";
import { CHART_COLORS } from "@/app/_components/body-chart/chart-colors";

/**
 * A word-sized line chart of one measure over visits. Decorative (aria-hidden): the values are
 * always printed beside it, so nothing depends on reading the line.
 */
export function Sparkline({
  values,
  domain,
}: {
  values: readonly (number | null)[];
  domain: [number, number] | "auto";
}) {
  return <Line values={values} domain={domain === "auto" ? { auto: 20 } : domain} color={CHART_COLORS.accent} dots />;
}
