"use client";
import { useClinicFormat } from "@/app/_components/clinic-format";
import type { DiaryEntryDto } from "@/lib/outcomes/pain/schemas";
import { addDays, dayLabel } from "./days";
import { Score } from "./score";

/** The last seven days of one complaint's diary, newest first, so a missed day is easy to see. */
export function RecentEntries({ entries, today, title }: { entries: DiaryEntryDto[]; today: string; title: string }) {
  const f = useClinicFormat();
  const since = addDays(today, -6);
  const recent = entries.filter((e) => e.date >= since && e.date <= today).sort((a, b) => b.date.localeCompare(a.date));
  return (
    <div>
      <h4 className="text-sm font-medium text-muted">Your last 7 days</h4>
      {recent.length === 0 ? (
        <p className="mt-1 text-sm text-muted">No scores in the last 7 days yet.</p>
      ) : (
        <ul aria-label={`Your last 7 days: ${title}`} className="mt-1 divide-y divide-line">
          {recent.map((e) => (
            <li key={e.id} className="flex items-baseline justify-between gap-3 py-2 text-sm">
              <span className="min-w-0">
                <span className="text-ink">{dayLabel(e.date, today, f)}</span>
                {e.note ? <span className="block break-words text-muted">{e.note}</span> : null}
              </span>
              <Score value={e.score} className="font-semibold text-ink" />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
