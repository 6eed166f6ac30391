"use client";
import { useClinicFormat } from "@/app/_components/clinic-format";
import { useEffect, useState, type MouseEvent } from "react";
import type { AppointmentView, CalendarRange } from "@/lib/scheduling/appointments/calendar-schemas";
import { localDateOf, wallMinutesOf } from "@/lib/format/zoned";
import { AppointmentBlock } from "./appointment-block";
import { PX_PER_MIN, SNAP_MIN, placeBlocks, workingMinutes, type Column } from "./calendar-model";
import { useGridDrag } from "./use-grid-drag";

const OFF_HOURS = "repeating-linear-gradient(135deg, #f5f5f4 0 6px, #ebe9e7 6px 12px)";
const LINES = `repeating-linear-gradient(to bottom, #d6d3d1 0 1px, transparent 1px ${30 * PX_PER_MIN}px, #ecebea ${30 * PX_PER_MIN}px ${30 * PX_PER_MIN + 1}px, transparent ${30 * PX_PER_MIN + 1}px ${60 * PX_PER_MIN}px)`;

/**
 * The time grid: a gutter of hours and one column per therapist (day view) or per day (week
 * view). Off-hours are hatched grey, working time white. Click an empty slot to book it;
 * drag a block to move it (also to another column) or its bottom edge to resize it.
 */
export function CalendarGrid({
  columns,
  bounds,
  appointments,
  therapists,
  timeZone,
  showTherapist,
  isEditable,
  onCreateAt,
  onOpen,
  onDrop,
}: {
  columns: Column[];
  bounds: { start: number; end: number };
  appointments: AppointmentView[];
  therapists: CalendarRange["therapists"];
  timeZone: string;
  showTherapist: boolean;
  isEditable: (a: AppointmentView) => boolean;
  onCreateAt: (column: Column, minutes: number) => void;
  onOpen: (a: AppointmentView) => void;
  onDrop: (a: AppointmentView, column: Column, start: number, end: number) => void;
}) {
  const drag = useGridDrag({
    bounds,
    onDrop: (a, key, start, end) =>
      onDrop(
        a,
        columns.find((c) => c.key === key)!,
        start,
        end,
      ),
  });
  const f = useClinicFormat();
  const height = (bounds.end - bounds.start) * PX_PER_MIN;
  const hours = Array.from({ length: (bounds.end - bounds.start) / 60 }, (_, i) => bounds.start + i * 60);
  const now = useNow();
  const today = localDateOf(now, timeZone);
  const nowMin = wallMinutesOf(now, timeZone);

  const clickSlot = (e: MouseEvent<HTMLDivElement>, column: Column) => {
    const minutes =
      Math.floor((drag.minutesAt(column.key, e.clientY) - bounds.start) / SNAP_MIN) * SNAP_MIN + bounds.start;
    onCreateAt(column, Math.min(Math.max(minutes, bounds.start), bounds.end - SNAP_MIN));
  };

  return (
    // The scroll box is itself focusable and named: on a day with no appointments it holds no
    // button, and keyboard users must still be able to scroll it (axe scrollable-region-focusable).
    <div
      role="region"
      aria-label="Appointments grid"
      tabIndex={0}
      className="max-h-[calc(100dvh-13rem)] min-h-[24rem] overflow-auto rounded-lg border border-line bg-white"
      onKeyDown={(e) => {
        if (e.key === "Escape") drag.cancel();
      }}
    >
      <div
        className="grid min-w-fit select-none"
        style={{
          gridTemplateColumns: `4.25rem repeat(${columns.length}, minmax(${columns.length > 4 ? 8.5 : 12}rem, 1fr))`,
        }}
      >
        <div className="sticky left-0 top-0 z-30 border-b border-r border-line bg-white" />
        {columns.map((c) => {
          const t = therapists.find((x) => x.id === c.therapistId);
          const off = t?.hoursSet && workingMinutes(t, c.date, timeZone).length === 0;
          return (
            <div
              key={c.key}
              className={`sticky top-0 z-20 border-b border-r border-line px-2 py-2 ${c.date === today && columns.some((x) => x.date !== c.date) ? "bg-accent-50" : "bg-white"}`}
            >
              <p className="truncate text-sm font-semibold text-ink">{c.label}</p>
              <p className="truncate text-xs text-muted">
                {c.sublabel ?? (t && !t.hoursSet ? "Hours not set" : off ? "Not working" : "\u00a0")}
              </p>
            </div>
          );
        })}
        <div className="sticky left-0 z-10 border-r border-line bg-white" style={{ height }} aria-hidden>
          {hours.map((h) => (
            <span
              key={h}
              className="tabular absolute right-1 -translate-y-1/2 whitespace-nowrap text-xs text-muted"
              style={{ top: (h - bounds.start) * PX_PER_MIN || 8 }}
            >
              {f.wall(h)}
            </span>
          ))}
        </div>
        {columns.map((c) => {
          const t = therapists.find((x) => x.id === c.therapistId);
          const shaded = Boolean(t?.hoursSet);
          const items = appointments.filter(
            (a) => a.therapistUserId === c.therapistId && localDateOf(new Date(a.startsAt), timeZone) === c.date,
          );
          const ghost = drag.preview?.columnKey === c.key ? drag.preview : null;
          return (
            <div
              key={c.key}
              ref={drag.registerColumn(c.key)}
              role="group"
              aria-label={`${c.label}${c.sublabel ? `, ${c.sublabel}` : ""}`}
              data-column={c.key}
              onClick={(e) => clickSlot(e, c)}
              className="relative cursor-cell border-r border-line"
              style={{ height, background: shaded ? OFF_HOURS : "white" }}
            >
              {shaded
                ? workingMinutes(t, c.date, timeZone).map((w) => (
                    <div
                      key={w.start}
                      aria-hidden
                      className="pointer-events-none absolute inset-x-0 bg-white"
                      style={{
                        top: (Math.max(w.start, bounds.start) - bounds.start) * PX_PER_MIN,
                        height: (Math.min(w.end, bounds.end) - Math.max(w.start, bounds.start)) * PX_PER_MIN,
                      }}
                    />
                  ))
                : null}
              <div aria-hidden className="pointer-events-none absolute inset-0" style={{ backgroundImage: LINES }} />
              {c.date === today && nowMin >= bounds.start && nowMin < bounds.end ? (
                <div
                  aria-hidden
                  className="pointer-events-none absolute inset-x-0 z-20 border-t-2 border-accent-600"
                  style={{ top: (nowMin - bounds.start) * PX_PER_MIN }}
                />
              ) : null}
              {placeBlocks(items, timeZone).map((p) => (
                <AppointmentBlock
                  key={p.a.id}
                  a={p.a}
                  lane={p.lane}
                  lanes={p.lanes}
                  showTherapist={showTherapist}
                  top={(p.start - bounds.start) * PX_PER_MIN}
                  height={(p.end - p.start) * PX_PER_MIN}
                  editable={isEditable(p.a)}
                  dragging={drag.preview?.id === p.a.id}
                  onOpen={() => {
                    if (!drag.consumeClick()) onOpen(p.a);
                  }}
                  onPointerDown={(e, mode) => {
                    if (isEditable(p.a) && p.a.status !== "cancelled" && p.a.status !== "no_show")
                      drag.begin(e, p.a, c.key, p.start, p.end, mode);
                  }}
                  onPointerMove={drag.move}
                  onPointerUp={drag.end}
                  onPointerCancel={drag.cancel}
                />
              ))}
              {ghost ? (
                <div
                  aria-hidden
                  className="pointer-events-none absolute inset-x-1 z-20 rounded-md border-2 border-dashed border-accent-700 bg-accent-50/80 px-1.5 py-1 text-xs font-semibold text-accent-800"
                  style={{
                    top: (ghost.start - bounds.start) * PX_PER_MIN,
                    height: (ghost.end - ghost.start) * PX_PER_MIN,
                  }}
                >
                  <span className="tabular">
                    {f.wall(ghost.start)}–{f.wall(ghost.end)}
                  </span>
                  {ghost.mode === "move" && columns.length > 1 ? (
                    <span className="block truncate font-normal">{c.label}</span>
                  ) : null}
                </div>
              ) : null}
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** The current time, refreshed each minute, for the "now" line. */
function useNow() {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(id);
  }, []);
  return now;
}
