"use client";
import Link from "next/link";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { FreedSlotDto, WaitlistMatchDto } from "@/lib/scheduling/waitlist/schemas";
import { call, ops } from "@/app/_lib/api-client";
import { freedSlotsQuery, slotMatchesQuery, waitlistKeys } from "@/app/_lib/queries/waitlist";
import { Card } from "@/app/_components/ui/layout";
import { Button } from "@/app/_components/ui/button";
import { Badge, EmptyState, ListSkeleton, Notice } from "@/app/_components/ui/feedback";
import { useClinicFormat } from "@/app/_components/clinic-format";
import type { ClinicFormat } from "@/lib/format/clinic-format";
import { calendarKeys } from "@/app/_lib/queries/calendar";

function slotText(
  s: Pick<FreedSlotDto, "startsAt" | "endsAt" | "therapistName" | "typeName" | "roomName">,
  f: ClinicFormat,
) {
  return `${f.at(s.startsAt, "weekdayDate")}, ${f.timeRange(s.startsAt, s.endsAt)} with ${s.therapistName} · ${s.typeName}${s.roomName ? ` · ${s.roomName}` : ""}`;
}

function MatchRow({
  m,
  appointmentId,
  free,
  onBooked,
}: {
  m: WaitlistMatchDto;
  appointmentId: string;
  free: boolean;
  onBooked: (name: string) => void;
}) {
  const qc = useQueryClient();
  const offer = useMutation({
    mutationFn: (book: boolean) =>
      call(ops.offerWaitlistSlot, { params: { entryId: m.entry.id }, body: { appointmentId, book } }),
    onSuccess: (_d, book) => {
      void qc.invalidateQueries({ queryKey: waitlistKeys.all });
      void qc.invalidateQueries({ queryKey: calendarKeys.all });
      if (book) onBooked(m.entry.clientName);
    },
  });
  return (
    <li className="py-3">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <p className="font-medium text-ink">{m.entry.clientName}</p>
          <ul className="mt-1 flex flex-wrap gap-1" aria-label={`Why ${m.entry.clientName} matches`}>
            {m.reasons.map((r) => (
              <li key={r}>
                <Badge tone={r.startsWith("Any") ? "neutral" : "info"}>{r}</Badge>
              </li>
            ))}
          </ul>
          {m.entry.note ? <p className="mt-1 text-sm text-muted">{m.entry.note}</p> : null}
        </div>
        <div className="flex flex-wrap gap-1">
          <Button
            variant="secondary"
            busy={offer.isPending && offer.variables === false}
            onClick={() => offer.mutate(false)}
            aria-label={`Mark offered to ${m.entry.clientName}`}
          >
            Mark offered
          </Button>
          <Button
            busy={offer.isPending && offer.variables === true}
            disabled={!free}
            onClick={() => offer.mutate(true)}
            aria-label={`Book ${m.entry.clientName} into this slot`}
          >
            Book
          </Button>
        </div>
      </div>
      {offer.error ? (
        <div className="mt-2">
          <Notice tone="danger">{offer.error.message}</Notice>
        </div>
      ) : null}
      {offer.isSuccess && offer.variables === false ? (
        <p className="mt-1 text-sm text-ok" role="status">
          Marked as offered.
        </p>
      ) : null}
    </li>
  );
}

/** The slot of one appointment (usually just cancelled) and the waiting clients who fit it. */
export function FreedSlotPanel({ appointmentId }: { appointmentId: string }) {
  const f = useClinicFormat();
  const q = useQuery(slotMatchesQuery(appointmentId));
  const [booked, setBooked] = useState<string | null>(null);
  return (
    <Card title="Freed slot" className="border-accent-100">
      {q.isPending ? <ListSkeleton rows={3} label="Finding matches" /> : null}
      {q.isError ? <Notice tone="danger">{q.error.message}</Notice> : null}
      {q.data ? (
        <div className="space-y-3">
          <p className="tabular font-medium text-ink" data-testid="freed-slot">
            {slotText(q.data.slot, f)}
          </p>
          {booked ? (
            <Notice tone="success" testId="waitlist-booked">
              {booked} is booked into this slot.
            </Notice>
          ) : null}
          {!booked && !q.data.slot.free ? (
            <Notice tone="warning">
              {q.data.slot.status === "cancelled" || q.data.slot.status === "no_show"
                ? "Someone has taken this time since."
                : "This appointment is still booked: these clients could take it if it is cancelled."}
            </Notice>
          ) : null}
          {q.data.matches.length === 0 ? (
            <EmptyState title="No waiting client fits this slot">
              Nobody on the waitlist wants this therapist, day, time and type.
            </EmptyState>
          ) : (
            <ol className="divide-y divide-line" aria-label="Matching waitlist entries">
              {q.data.matches.map((m) => (
                <MatchRow
                  key={m.entry.id}
                  m={m}
                  appointmentId={appointmentId}
                  free={q.data.slot.free}
                  onBooked={setBooked}
                />
              ))}
            </ol>
          )}
        </div>
      ) : null}
    </Card>
  );
}

/** Cancellations of the last 7 days, still free and wanted by someone waiting. */
export function RecentlyFreed() {
  const f = useClinicFormat();
  const q = useQuery(freedSlotsQuery());
  return (
    <Card title="Recently freed slots">
      {q.isPending ? <ListSkeleton rows={2} label="Loading freed slots" /> : null}
      {q.isError ? (
        <Notice tone="danger">
          The freed slots did not load.{" "}
          <button type="button" className="underline" onClick={() => q.refetch()}>
            Try again
          </button>
        </Notice>
      ) : null}
      {q.data?.length === 0 ? (
        <p className="text-sm text-muted">
          No cancellation in the last 7 days left a slot that someone on the waitlist would take.
        </p>
      ) : null}
      {q.data && q.data.length > 0 ? (
        <ul className="divide-y divide-line" aria-label="Recently freed slots">
          {q.data.map((s) => (
            <li key={s.appointmentId} className="flex min-h-12 flex-wrap items-center justify-between gap-2 py-2">
              <span className="tabular text-sm">{slotText(s, f)}</span>
              <Link
                href={`/waitlist?appointment=${s.appointmentId}`}
                className="inline-flex min-h-11 items-center text-sm font-medium text-accent-700 underline underline-offset-2"
              >
                {s.matchCount} {s.matchCount === 1 ? "match" : "matches"}, best: {s.bestMatch}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
