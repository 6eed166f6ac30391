"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { AlertDialog } from "radix-ui";
import { useState } from "react";
import Link from "next/link";
import { ApiError } from "@/app/_lib/api";
import { Badge, Notice } from "@/app/_components/ui/feedback";
import { Button, buttonClass } from "@/app/_components/ui/button";
import { bookingKeys, cancelMyAppointment, usePortalFormat, icsHref } from "@/app/_lib/queries/booking";
import type { MyAppointmentsDto, PortalAppointmentDto } from "@/lib/scheduling/portal-booking/schemas";
import { formatNoticePeriod } from "@/lib/scheduling/rules/cancellation";

const STATUS: Record<
  PortalAppointmentDto["status"],
  { label: string; tone: "neutral" | "info" | "success" | "warning" | "danger" }
> = {
  booked: { label: "Booked", tone: "info" },
  arrived: { label: "Arrived", tone: "info" },
  completed: { label: "Attended", tone: "success" },
  cancelled: { label: "Cancelled", tone: "neutral" },
  no_show: { label: "Missed", tone: "warning" },
};

export interface AppointmentCardProps {
  appointment: PortalAppointmentDto;
  /** "Appointments can be cancelled online up to 24 hours before they start. …" */
  lateMessage: string;
  noticeHours: number;
  /** Past and cancelled appointments show no actions. */
  actions?: boolean;
  /** The clinic takes bookings online from this client: booked appointments may be moved. */
  canMove?: boolean;
}

/** One appointment on the clinic's clocks, with "Add to calendar" and a guarded "Cancel". */
export function AppointmentCard({
  appointment: a,
  lateMessage,
  noticeHours,
  actions = true,
  canMove = false,
}: AppointmentCardProps) {
  const f = usePortalFormat();
  const queryClient = useQueryClient();
  const [done, setDone] = useState(false);
  const cancel = useMutation({
    mutationFn: () => cancelMyAppointment(a.id),
    onSuccess: (updated) => {
      setDone(true);
      // Kept in place (now marked cancelled) with its confirmation, rather than vanishing
      // from under the client's thumb; the next fetch files it under "past and cancelled".
      queryClient.setQueryData<MyAppointmentsDto>(
        bookingKeys.appointments,
        (old) => old && { ...old, upcoming: old.upcoming.map((x) => (x.id === updated.id ? updated : x)) },
      );
    },
  });
  const when = `${f.day(a.startsAt)}, ${f.time(a.startsAt)}–${f.time(a.endsAt)}`;
  const late = a.status === "booked" && !a.cancellable;

  return (
    <article
      className="rounded-lg border border-line bg-white p-4"
      aria-label={`${a.typeName}, ${when}`}
      data-appointment-id={a.id}
    >
      <div className="flex items-start justify-between gap-3">
        <div>
          <p className="text-base font-semibold text-ink">{f.day(a.startsAt)}</p>
          <p className="text-lg font-semibold text-accent-800">
            {f.time(a.startsAt)}–{f.time(a.endsAt)}
          </p>
        </div>
        {a.status !== "booked" || done ? (
          <Badge tone={done ? "neutral" : STATUS[a.status].tone}>{done ? "Cancelled" : STATUS[a.status].label}</Badge>
        ) : null}
      </div>
      <p className="mt-1 text-base text-ink">
        {a.typeName} with {a.therapistName}
      </p>
      {a.roomName ? <p className="text-sm text-muted">{a.roomName}</p> : null}

      {done ? (
        // Focus moves here: the Cancel button that had it is gone, and keyboard and screen-reader
        // users would otherwise be dropped at the top of the page.
        <div className="mt-3 outline-none" tabIndex={-1} ref={(el) => el?.focus()}>
          <Notice tone="success">Appointment cancelled.</Notice>
        </div>
      ) : actions && (a.status === "booked" || a.status === "arrived") ? (
        <div className="mt-4 space-y-3">
          {canMove && a.status === "booked" && !late && a.typeBookableOnline ? (
            <Link
              href={`/portal/appointments/${a.id}/change`}
              className={buttonClass("secondary", "min-h-12 w-full text-base")}
              aria-label={`Change time: ${a.typeName}, ${when}`}
            >
              Change time
            </Link>
          ) : null}
          <div className="grid grid-cols-2 gap-2">
            <a href={icsHref(a.id)} download className={buttonClass("secondary", "min-h-12 px-2! text-base")}>
              Add to calendar
            </a>
            {a.status === "booked" && !late ? (
              <CancelDialog
                when={when}
                typeName={a.typeName}
                deadline={a.cancelDeadline ? `${f.day(a.cancelDeadline)}, ${f.time(a.cancelDeadline)}` : null}
                noticeHours={noticeHours}
                busy={cancel.isPending}
                onConfirm={() => cancel.mutate()}
              />
            ) : null}
          </div>
          {late ? (
            <Notice tone="warning" testId="late-cancel-message">
              {lateMessage}
            </Notice>
          ) : null}
          {cancel.isError ? (
            <Notice tone="danger" testId="cancel-error">
              {cancel.error instanceof ApiError ? cancel.error.message : "We could not cancel it. Please try again."}
            </Notice>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}

function CancelDialog({
  when,
  typeName,
  deadline,
  noticeHours,
  busy,
  onConfirm,
}: {
  when: string;
  typeName: string;
  deadline: string | null;
  noticeHours: number;
  busy: boolean;
  onConfirm: () => void;
}) {
  return (
    <AlertDialog.Root>
      <AlertDialog.Trigger asChild>
        <Button type="button" variant="secondary" busy={busy} className="min-h-12 px-2! text-base">
          Cancel
        </Button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 bg-black/30" />
        <AlertDialog.Content className="fixed left-1/2 top-1/2 w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-6 shadow-xl">
          <AlertDialog.Title className="text-lg font-semibold text-ink">Cancel this appointment?</AlertDialog.Title>
          <AlertDialog.Description asChild>
            <div className="mt-2 space-y-2 text-base text-muted">
              <p>
                {typeName}, {when}.
              </p>
              <p>
                You can cancel online up to {formatNoticePeriod(noticeHours)} before
                {deadline ? ` (until ${deadline})` : ""}. After that, please call the clinic.
              </p>
            </div>
          </AlertDialog.Description>
          <div className="mt-6 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <AlertDialog.Cancel className={buttonClass("secondary", "min-h-12 text-base")}>Keep it</AlertDialog.Cancel>
            <AlertDialog.Action className={buttonClass("danger", "min-h-12 text-base")} onClick={onConfirm}>
              Yes, cancel it
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
