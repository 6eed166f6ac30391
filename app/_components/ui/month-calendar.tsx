"use client";
/**
 * The month grid behind DateField's calendar button. Loaded only when someone opens it (next/dynamic
 * in date-time-field.tsx): typing needs none of it, and it is about a third of react-aria's weight.
 */
import { Button, Calendar, CalendarCell, CalendarGrid, Heading } from "react-aria-components";
import type { CalendarDate } from "@internationalized/date";

export default function MonthCalendar({
  label,
  value,
  min,
  max,
  onPick,
  onClose,
}: {
  label: string;
  value: CalendarDate | null;
  min: CalendarDate | null;
  max: CalendarDate | null;
  onPick: (d: CalendarDate) => void;
  onClose: () => void;
}) {
  const nav =
    "flex min-h-11 min-w-11 items-center justify-center rounded-md text-xl text-accent-700 hover:bg-accent-50";
  return (
    <div
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <Calendar
        aria-label={label}
        autoFocus
        value={value}
        minValue={min}
        maxValue={max}
        onChange={onPick}
        className="w-72 max-w-full"
      >
        <header className="mb-2 flex items-center justify-between gap-2">
          <Button slot="previous" className={nav}>
            <span aria-hidden>‹</span>
          </Button>
          <Heading className="text-sm font-semibold text-ink" />
          <Button slot="next" className={nav}>
            <span aria-hidden>›</span>
          </Button>
        </header>
        <CalendarGrid className="w-full border-collapse text-center text-sm">
          {(date) => (
            <CalendarCell
              date={date}
              className="mx-auto flex size-10 items-center justify-center rounded-md text-ink outline-none hover:bg-accent-50 data-[disabled]:text-stone-400 data-[focus-visible]:ring-2 data-[focus-visible]:ring-accent-600 data-[outside-month]:invisible data-[selected]:bg-accent-700 data-[selected]:text-white"
            />
          )}
        </CalendarGrid>
      </Calendar>
    </div>
  );
}
