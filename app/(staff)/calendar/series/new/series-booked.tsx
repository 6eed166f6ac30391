"use client";
import Link from "next/link";
import type { SeriesDto } from "@/lib/scheduling/appointments/series-schemas";
import { Card } from "@/app/_components/ui/layout";
import { Button } from "@/app/_components/ui/button";
import { Notice } from "@/app/_components/ui/feedback";

/** What was booked, with the way to the calendar and to the next series. */
export function SeriesBooked({
  series: booked,
  when,
  onAnother,
}: {
  series: SeriesDto;
  when: (start: string, end?: string) => string;
  onAnother: () => void;
}) {
  const active = booked.appointments;
  return (
    <Card title="Series booked">
      <Notice tone="success" testId="series-booked">
        Booked {active.length} appointments for {booked.clientName}
        {booked.skipped.length ? ` (${booked.skipped.length} skipped)` : ""}.
      </Notice>
      <ol className="tabular mt-3 space-y-1 text-sm" aria-label="Booked appointments">
        {active.map((a) => (
          <li key={a.id}>
            {when(a.startsAt, a.endsAt)} with {a.therapistName}
            {a.roomName ? `, ${a.roomName}` : ""}
          </li>
        ))}
      </ol>
      <div className="mt-4 flex flex-wrap gap-3">
        <Link
          className="inline-flex min-h-11 items-center font-medium text-accent-700 underline underline-offset-2"
          href={`/calendar?view=week&date=${active[0]?.startsAt.slice(0, 10) ?? ""}`}
        >
          Open the calendar at the first session
        </Link>
        <Button variant="secondary" onClick={onAnother}>
          Book another series
        </Button>
      </div>
    </Card>
  );
}
