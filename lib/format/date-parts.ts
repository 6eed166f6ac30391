/** A date typed as day, month and year boxes (app/_components/ui/memorable-date-field.tsx). Pure. */
export type Part = "day" | "month" | "year";
export type Parts = Record<Part, string>;

/** "YYYY-MM-DD" when the three boxes make a real date, "" when any is empty, null when they make no date. */
export function joinDateParts({ day, month, year }: Parts): string | null {
  if (!day.trim() && !month.trim() && !year.trim()) return "";
  if (!/^\d{1,2}$/.test(day.trim()) || !/^\d{1,2}$/.test(month.trim()) || !/^\d{4}$/.test(year.trim())) return null;
  const [d, m, y] = [Number(day), Number(month), Number(year)];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
