import { Sparkline } from "@/app/_components/ui/sparkline";

/**
 * A tiny trend of the usual pain (0–10) beside a complaint. Decorative: the text next to it
 * carries the numbers, so it is hidden from screen readers and takes no keyboard focus.
 */
export function PainSparkline({ points }: { points: { t: number; score: number }[] }) {
  return <Sparkline values={points.map((p) => p.score)} domain={[0, 10]} height={32} color="var(--color-accent-700)" />;
}
