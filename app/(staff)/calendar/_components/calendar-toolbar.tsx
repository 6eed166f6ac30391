"use client";
import type { RoomOption, TherapistOption } from "./calendar-types";
import type { View } from "./calendar-model";
import { Button } from "@/app/_components/ui/button";
import { DateField } from "@/app/_components/ui/date-time-field";

const selectClass = "min-h-11 rounded-md border border-stone-300 bg-white px-3 text-sm text-ink";

/** Date navigation, view and filters. Every control is labelled and reachable by keyboard. */
export function CalendarToolbar({
  view,
  date,
  therapistId,
  roomId,
  includeCancelled,
  therapists,
  rooms,
  timeZone,
  fetching,
  onChange,
  onToday,
  onStep,
}: {
  view: View;
  date: string;
  therapistId: string | null;
  roomId: string | null;
  includeCancelled: boolean;
  therapists: TherapistOption[];
  rooms: RoomOption[];
  timeZone: string;
  fetching: boolean;
  onChange: (patch: Record<string, string | null>) => void;
  onToday: () => void;
  onStep: (dir: -1 | 1) => void;
}) {
  const unit = view === "day" ? "day" : "week";
  return (
    <div className="mb-4 flex flex-wrap items-end gap-x-4 gap-y-3">
      <div className="flex items-end gap-1">
        <Button variant="secondary" onClick={onToday}>
          Today
        </Button>
        <Button variant="secondary" aria-label={`Previous ${unit}`} onClick={() => onStep(-1)}>
          <span aria-hidden>‹</span>
        </Button>
        <Button variant="secondary" aria-label={`Next ${unit}`} onClick={() => onStep(1)}>
          <span aria-hidden>›</span>
        </Button>
      </div>
      <DateField label="Date" value={date} required onChange={(d) => d && onChange({ date: d })} className="w-48" />
      <div role="group" aria-label="View" className="flex rounded-md border border-stone-300 bg-white p-0.5">
        {(["day", "week"] as const).map((v) => (
          <button
            key={v}
            type="button"
            aria-pressed={view === v}
            onClick={() => onChange({ view: v })}
            className={`min-h-10 rounded px-4 text-sm font-medium ${view === v ? "bg-accent-700 text-white" : "text-ink hover:bg-stone-100"}`}
          >
            {v === "day" ? "Day" : "Week"}
          </button>
        ))}
      </div>
      <label className="flex flex-col text-sm font-medium text-ink">
        Therapist
        <select
          value={therapistId ?? ""}
          onChange={(e) => onChange({ therapist: e.target.value || null })}
          className={`${selectClass} mt-1`}
        >
          {view === "day" ? <option value="">All therapists</option> : null}
          {therapists.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col text-sm font-medium text-ink">
        Room
        <select
          value={roomId ?? ""}
          onChange={(e) => onChange({ room: e.target.value || null })}
          className={`${selectClass} mt-1`}
        >
          <option value="">All rooms</option>
          {rooms.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex min-h-11 items-center gap-2 text-sm text-ink">
        <input
          type="checkbox"
          checked={includeCancelled}
          onChange={(e) => onChange({ cancelled: e.target.checked ? "1" : null })}
          className="size-5 accent-accent-700"
        />
        Show cancelled
      </label>
      <p className="ml-auto flex min-h-11 items-center text-sm text-muted">
        Times in {timeZone}
        {/* Always takes its room: when the words came and went, the toolbar re-wrapped, the grid
            jumped ~54 px, and a drag in progress landed 45 minutes off. */}
        <span className={fetching ? undefined : "invisible"} aria-hidden={!fetching}>
          &nbsp;· updating…
        </span>
      </p>
    </div>
  );
}
