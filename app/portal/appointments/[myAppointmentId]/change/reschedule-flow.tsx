"use client";
import Link from "next/link";
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError } from "@/app/_lib/api";
import { ButtonLink, buttonClass } from "@/app/_components/ui/button";
import { Notice } from "@/app/_components/ui/feedback";
import {
  bookingKeys,
  icsHref,
  rescheduleMyAppointment,
  rescheduleSlotsQuery,
  usePortalFormat,
} from "@/app/_lib/queries/booking";
import type { PortalAppointmentDto, PortalSlotDto } from "@/lib/scheduling/portal-booking/schemas";
import { DayPicker, TimePicker } from "../../../book/slot-pickers";
import { Summary } from "../../../book/appointment-summary";
import { BackButton, ConfirmActions, StepTitle, useStepFocus } from "../../../book/step-parts";
import { portalKeys } from "@/app/_lib/queries/portal";

type Step = "day" | "time" | "confirm" | "done";
const DAYS_AHEAD = 14;

/**
 * Choose a day → a time → check the old and new times side by side → move. The appointment keeps
 * its type and therapist; the old time is given up only when the new one is taken (one request).
 */
export function RescheduleFlow({
  appointment: a,
  clinicName,
}: {
  appointment: PortalAppointmentDto;
  clinicName: string;
}) {
  const [step, setStep] = useState<Step>("day");
  const [date, setDate] = useState<string | null>(null);
  const [slot, setSlot] = useState<PortalSlotDto | null>(null);
  const [moved, setMoved] = useState<PortalAppointmentDto | null>(null);
  const queryClient = useQueryClient();
  const f = usePortalFormat();

  const heading = useStepFocus(step);

  const slots = useQuery({ ...rescheduleSlotsQuery(a.id), enabled: step !== "done" });
  const daySlots = slots.data?.days.find((d) => d.date === date)?.slots ?? [];
  const move = useMutation({
    mutationFn: (startsAt: string) => rescheduleMyAppointment(a.id, { startsAt, version: a.version }),
    onSuccess: (result) => {
      setMoved(result);
      setStep("done");
      void queryClient.invalidateQueries({ queryKey: portalKeys.all });
    },
  });

  const back = (to: Step) => (
    <BackButton
      onBack={() => {
        move.reset();
        setStep(to);
      }}
    />
  );
  const title = (text: string) => (
    <StepTitle id="reschedule-step" headingRef={heading}>
      {text}
    </StepTitle>
  );
  const now = (
    <p className="text-base text-muted" data-testid="current-time">
      Now: {a.typeName} with {a.therapistName}, {f.day(a.startsAt)}, {f.time(a.startsAt)}–{f.time(a.endsAt)}
    </p>
  );

  if (step === "day") {
    return (
      <section className="space-y-4" aria-labelledby="reschedule-step">
        <p className="text-sm font-medium text-muted">Step 1 of 3</p>
        {title("Choose a new day")}
        {now}
        <DayPicker
          slots={slots.data}
          isError={slots.isError}
          errorMessage={slots.error instanceof ApiError && slots.error.status !== 0 ? slots.error.message : undefined}
          onRetry={() => void slots.refetch()}
          daysAhead={DAYS_AHEAD}
          onPick={(d) => {
            setDate(d);
            setStep("time");
          }}
        />
      </section>
    );
  }

  if (step === "time" && date) {
    return (
      <section className="space-y-4" aria-labelledby="reschedule-step">
        {back("day")}
        <p className="text-sm font-medium text-muted">Step 2 of 3</p>
        {title(`Choose a time on ${f.date(date)}`)}
        {daySlots.length === 0 ? (
          <Notice tone="info">Those times have just gone. Please choose another day.</Notice>
        ) : (
          <TimePicker
            slots={daySlots}
            showTherapist={false}
            onPick={(s) => {
              setSlot(s);
              move.reset();
              setStep("confirm");
            }}
          />
        )}
      </section>
    );
  }

  if (step === "confirm" && slot) {
    return (
      <section className="space-y-4" aria-labelledby="reschedule-step">
        {back("time")}
        <p className="text-sm font-medium text-muted">Step 3 of 3</p>
        {title("Check and move")}
        <p className="text-base text-ink">
          <span className="font-medium">From</span>{" "}
          <s>
            {f.day(a.startsAt)}, {f.time(a.startsAt)}–{f.time(a.endsAt)}
          </s>
        </p>
        <Summary
          typeName={a.typeName}
          therapistName={a.therapistName}
          start={slot.start}
          end={slot.end}
          f={f}
          clinic={clinicName}
        />
        <ConfirmActions
          error={move.error}
          errorTestId="reschedule-error"
          fallbackMessage="We could not move it. Please try again."
          label="Move my appointment"
          busy={move.isPending}
          onConfirm={() => move.mutate(slot.start)}
          onChooseAgain={() => {
            move.reset();
            void queryClient.invalidateQueries({ queryKey: bookingKeys.rescheduleSlots(a.id) });
            setStep("day");
          }}
        />
        <p className="text-sm text-muted">Your current time stays booked until the new one is confirmed.</p>
      </section>
    );
  }

  if (step === "done" && moved) {
    return (
      <section className="space-y-4" aria-labelledby="reschedule-step">
        {title("Your appointment has moved")}
        <Notice tone="success" testId="reschedule-confirmed">
          Done: the clinic’s calendar now shows your new time.
        </Notice>
        <Summary
          typeName={moved.typeName}
          therapistName={moved.therapistName}
          start={moved.startsAt}
          end={moved.endsAt}
          f={f}
          clinic={clinicName}
          room={moved.roomName}
        />
        <a href={icsHref(moved.id)} download className={buttonClass("secondary", "min-h-12 w-full text-base")}>
          Add the new time to your calendar
        </a>
        <ButtonLink href="/portal/appointments" className="min-h-12 w-full text-base">
          Back to my appointments
        </ButtonLink>
        <Link
          href="/portal"
          className="inline-flex min-h-11 items-center text-base text-accent-700 underline underline-offset-2"
        >
          Back to your portal
        </Link>
      </section>
    );
  }
  return null;
}
