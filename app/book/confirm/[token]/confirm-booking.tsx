"use client";
import { useMutation } from "@tanstack/react-query";
import { call, ops, ApiError } from "@/app/_lib/api-client";
import { Button } from "@/app/_components/ui/button";
import { Notice } from "@/app/_components/ui/feedback";
import { clinicFormat } from "@/lib/format/clinic-format";
import type { ClinicLocale } from "@/lib/format/clinic-locales";
import type { ConfirmationDto } from "@/lib/scheduling/public-booking/schemas";

const TONE = {
  held: "info",
  expired: "warning",
  confirmed: "success",
  awaiting_clinic: "success",
  declined: "warning",
  released: "warning",
} as const;

export function ConfirmBooking({ token, initial }: { token: string; initial: ConfirmationDto }) {
  const confirm = useMutation({
    mutationFn: () => call(ops.confirmBooking, { params: { token } }),
  });
  const c = confirm.data ?? initial;
  const f = clinicFormat({ locale: c.locale as ClinicLocale, timeZone: c.timeZone });
  return (
    <div className="space-y-4">
      <dl
        className="grid grid-cols-3 gap-y-2 rounded-lg border border-line bg-white p-4 text-base"
        aria-label="Appointment details"
      >
        <dt className="text-muted">What</dt>
        <dd className="col-span-2 font-medium">{c.typeName}</dd>
        <dt className="text-muted">When</dt>
        <dd className="col-span-2 font-medium">
          {f.at(c.startsAt, "weekdayLong")}, {f.timeRange(c.startsAt, c.endsAt)} ({f.zoneName(c.startsAt)})
        </dd>
        <dt className="text-muted">With</dt>
        <dd className="col-span-2 font-medium">{c.therapistName}</dd>
        <dt className="text-muted">Where</dt>
        <dd className="col-span-2 font-medium">{c.clinicName}</dd>
      </dl>
      <Notice tone={TONE[c.state]} testId="confirmation-state">
        {c.message}
      </Notice>
      {confirm.error ? (
        <Notice tone="danger" testId="confirmation-error">
          {confirm.error instanceof ApiError ? confirm.error.message : "We could not confirm it. Please try again."}
        </Notice>
      ) : null}
      {c.state === "held" && !confirm.error ? (
        <Button
          type="button"
          className="min-h-12 w-full text-base"
          busy={confirm.isPending}
          onClick={() => confirm.mutate()}
        >
          Confirm booking
        </Button>
      ) : null}
    </div>
  );
}
