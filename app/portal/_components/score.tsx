/** "4/10" on screen, "4 out of 10" to a screen reader (a slash is read out as "slash"). */
export function Score({ value, className = "" }: { value: number; className?: string }) {
  return (
    <span className={`tabular ${className}`}>
      <span aria-hidden="true">{value}/10</span>
      <span className="sr-only">{value} out of 10</span>
    </span>
  );
}
