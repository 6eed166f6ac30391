"use client";
import { Button } from "@/app/_components/ui/button";
import { Notice, Skeleton } from "@/app/_components/ui/feedback";
import { usePortalFormat } from "@/app/_lib/queries/booking";
import type { PortalSlotDto, PortalSlotsDto } from "@/lib/scheduling/portal-booking/schemas";

const choice =
  "flex min-h-14 w-full flex-col items-center justify-center rounded-lg border border-line bg-white px-2 py-2 text-base text-ink hover:border-accent-600 hover:bg-accent-50";

/** Days with at least one free time, as big buttons; loading, error and empty states included. */
export function DayPicker({
  slots,
  isError,
  errorMessage,
  onRetry,
  onPick,
  daysAhead,
}: {
  slots: PortalSlotsDto | undefined;
  isError: boolean;
  /** The server's own words (e.g. online booking was switched off); otherwise a connection problem is assumed. */
  errorMessage?: string;
  onRetry: () => void;
  onPick: (date: string) => void;
  daysAhead: number;
}) {
  const f = usePortalFormat();
  if (isError) {
    return (
      <Notice tone="danger" title="We could not load the free times.">
        <p>{errorMessage ?? "Check your connection, then try again."}</p>
        <Button type="button" variant="secondary" className="mt-3" onClick={onRetry}>
          Try again
        </Button>
      </Notice>
    );
  }
  if (!slots) {
    return (
      <div role="status" aria-label="Loading free times" className="grid grid-cols-2 gap-2">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-14 w-full" />
        ))}
      </div>
    );
  }
  if (slots.days.length === 0) {
    return (
      <Notice
        tone="info"
        title={`No free times in the next ${daysAhead / 7 === 2 ? "2 weeks" : `${daysAhead} days`}`}
        testId="no-slots"
      >
        Try another therapist, or please call the clinic: they may have a cancellation.
      </Notice>
    );
  }
  return (
    <ul className="grid grid-cols-2 gap-2" aria-label="Days with free times">
      {slots.days.map((d) => (
        <li key={d.date}>
          <button type="button" className={choice} onClick={() => onPick(d.date)} data-date={d.date}>
            <span className="font-semibold">{f.shortDate(d.date)}</span>
            <span className="text-sm text-muted">{d.slots.length === 1 ? "1 time" : `${d.slots.length} times`}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** The free start times of one day; the therapist is named when the client chose "anyone". */
export function TimePicker({
  slots,
  showTherapist,
  onPick,
}: {
  slots: PortalSlotDto[];
  showTherapist: boolean;
  onPick: (slot: PortalSlotDto) => void;
}) {
  const f = usePortalFormat();
  return (
    <ul className="grid grid-cols-3 gap-2" aria-label="Free times">
      {slots.map((s) => (
        <li key={`${s.start}-${s.therapistId}`}>
          <button type="button" className={choice} onClick={() => onPick(s)}>
            <span className="font-semibold">{f.time(s.start)}</span>
            {showTherapist ? (
              <span className="text-xs text-muted">
                <span className="sr-only">with </span>
                {s.therapistName.split(" ")[0]}
              </span>
            ) : null}
          </button>
        </li>
      ))}
    </ul>
  );
}
