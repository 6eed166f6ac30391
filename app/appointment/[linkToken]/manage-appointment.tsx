"use client";
import { useRef, useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { call, ops, ApiError } from "@/app/_lib/api-client";
import { Button } from "@/app/_components/ui/button";
import { Notice } from "@/app/_components/ui/feedback";
import { clinicFormat } from "@/lib/format/clinic-format";
import type { ClinicLocale } from "@/lib/format/clinic-locales";
import type { ManagedAppointmentDto } from "@/lib/messaging/schemas";

const STATE: Record<ManagedAppointmentDto["status"], string | null> = {
  booked: null,
  arrived: "You have checked in for this appointment.",
  completed: "This appointment has taken place.",
  cancelled: "This appointment is cancelled.",
  no_show: "This appointment has passed.",
};

export function ManageAppointment({ token, initial }: { token: string; initial: ManagedAppointmentDto }) {
  const [asking, setAsking] = useState(false);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const cancel = useMutation({
    mutationFn: () => call(ops.cancelAppointmentByLink, { params: { linkToken: token } }),
    onSettled: () => setAsking(false),
  });
  const a = cancel.data ?? initial;
  const f = clinicFormat({ locale: a.locale as ClinicLocale, timeZone: a.timeZone });
  const state = STATE[a.status];
  return (
    <div className="space-y-4">
      <dl
        className="grid grid-cols-3 gap-y-2 rounded-lg border border-line bg-white p-4 text-base"
        aria-label="Appointment details"
      >
        <dt className="text-muted">What</dt>
        <dd className="col-span-2 font-medium">{a.typeName}</dd>
        <dt className="text-muted">When</dt>
        <dd className={`col-span-2 font-medium ${a.status === "cancelled" ? "line-through" : ""}`}>
          {f.at(a.startsAt, "dateFull")}, {f.timeRange(a.startsAt, a.endsAt)} ({f.zoneName(a.startsAt)})
        </dd>
        <dt className="text-muted">With</dt>
        <dd className="col-span-2 font-medium">{a.therapistName}</dd>
        <dt className="text-muted">Where</dt>
        <dd className="col-span-2 font-medium">
          {a.clinicName}
          {a.roomName ? `, ${a.roomName}` : ""}
        </dd>
      </dl>
      {state ? (
        <Notice tone={a.status === "cancelled" ? "warning" : "info"} testId="appointment-state">
          {cancel.data ? "Your appointment is cancelled. We have emailed you a confirmation." : state}
        </Notice>
      ) : null}
      {cancel.error ? (
        <Notice tone="danger" testId="appointment-error">
          {cancel.error instanceof ApiError ? cancel.error.message : "We could not cancel it. Please try again."}
        </Notice>
      ) : null}
      {a.status === "booked" && !a.canCancel && a.cancelRefusal ? (
        <Notice tone="info" testId="appointment-notice">
          {a.cancelRefusal}
        </Notice>
      ) : null}
      {a.canCancel && !asking ? (
        <Button
          ref={cancelButton}
          type="button"
          variant="secondary"
          className="min-h-12 w-full text-base"
          onClick={() => setAsking(true)}
        >
          Cancel this appointment
        </Button>
      ) : null}
      {a.canCancel && asking ? (
        <div
          role="group"
          aria-labelledby="cancel-question"
          className="space-y-3 rounded-lg border border-line bg-white p-4"
        >
          <p id="cancel-question" className="text-base font-medium">
            Cancel {a.typeName} on {f.at(a.startsAt, "weekdayTime")}?
          </p>
          <div className="flex flex-wrap gap-3">
            <Button
              type="button"
              variant="danger"
              className="min-h-12 flex-1 text-base"
              busy={cancel.isPending}
              onClick={() => cancel.mutate()}
              autoFocus
            >
              Yes, cancel it
            </Button>
            <Button
              type="button"
              variant="secondary"
              className="min-h-12 flex-1 text-base"
              onClick={() => {
                setAsking(false);
                requestAnimationFrame(() => cancelButton.current?.focus());
              }}
            >
              Keep it
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
