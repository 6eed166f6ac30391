"use client";
import Link from "next/link";
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError } from "@/app/_lib/api";
import { ButtonLink, buttonClass } from "@/app/_components/ui/button";
import { Notice } from "@/app/_components/ui/feedback";
import { bookOnline, bookingKeys, usePortalFormat, icsHref, portalSlotsQuery } from "@/app/_lib/queries/booking";
import type { BookedDto, BookingOptionsDto, PortalSlotDto } from "@/lib/scheduling/portal-booking/schemas";
import { formatNoticePeriod } from "@/lib/scheduling/rules/cancellation";
import { DayPicker, TimePicker } from "./slot-pickers";
import { BackButton, ConfirmActions, StepTitle, useStepFocus } from "./step-parts";
import { Summary } from "./appointment-summary";
import { portalKeys } from "@/app/_lib/queries/portal";

type Step = "type" | "day" | "time" | "confirm" | "done";
const DAYS_AHEAD = 14;

/** A request key for one booking attempt; crypto.randomUUID needs a secure context, so a fallback. */
function newKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Pick a kind of appointment → a day → a time → confirm. The request key is made when the
 * client reaches "confirm" for a slot, so a double tap or a retry after a dropped connection
 * books once; choosing another slot makes a new key.
 */
export function BookingFlow({ options }: { options: BookingOptionsDto }) {
  const [step, setStep] = useState<Step>("type");
  const [typeId, setTypeId] = useState<string | null>(null);
  const [therapistId, setTherapistId] = useState<string | null>(null);
  const [date, setDate] = useState<string | null>(null);
  const [slot, setSlot] = useState<PortalSlotDto | null>(null);
  const [key, setKey] = useState("");
  const [booked, setBooked] = useState<BookedDto | null>(null);
  const queryClient = useQueryClient();
  const f = usePortalFormat();
  const type = options.types.find((t) => t.id === typeId) ?? null;

  const heading = useStepFocus(step);

  const slots = useQuery({
    ...portalSlotsQuery(typeId ?? "", therapistId),
    enabled: Boolean(typeId) && step !== "type",
  });
  const daySlots = slots.data?.days.find((d) => d.date === date)?.slots ?? [];
  const book = useMutation({
    mutationFn: bookOnline,
    // Only a request that never reached the server is retried; the key makes it harmless anyway.
    retry: (count, err) => err instanceof ApiError && err.status === 0 && count < 2,
    onSuccess: (result) => {
      setBooked(result);
      setStep("done");
      void queryClient.invalidateQueries({ queryKey: portalKeys.all });
    },
  });

  const back = (to: Step) => (
    <BackButton
      onBack={() => {
        book.reset();
        setStep(to);
      }}
    />
  );
  const title = (text: string) => (
    <StepTitle id="booking-step" headingRef={heading}>
      {text}
    </StepTitle>
  );

  if (step === "type") {
    return (
      <section className="space-y-3" aria-labelledby="booking-step">
        <p className="text-sm font-medium text-muted">Step 1 of 4</p>
        {title("What would you like to book?")}
        <ul className="space-y-2" aria-label="Kinds of appointment">
          {options.types.map((t) => (
            <li key={t.id}>
              <button
                type="button"
                className="flex min-h-14 w-full items-center justify-between rounded-lg border border-line bg-white px-4 text-left text-base hover:border-accent-600 hover:bg-accent-50"
                onClick={() => {
                  setTypeId(t.id);
                  setTherapistId(t.therapists.length === 1 ? t.therapists[0]!.id : null);
                  setStep("day");
                }}
              >
                <span className="font-semibold text-ink">{t.name}</span>
                <span className="text-sm text-muted">{t.durationMin} minutes</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
    );
  }

  if (step === "day" && type) {
    return (
      <section className="space-y-4" aria-labelledby="booking-step">
        {back("type")}
        <p className="text-sm font-medium text-muted">Step 2 of 4</p>
        {title(`${type.name}: choose a day`)}
        {type.therapists.length > 1 ? (
          <div className="space-y-1">
            <label htmlFor="therapist" className="block text-base font-medium text-ink">
              Who would you like to see?
            </label>
            <select
              id="therapist"
              value={therapistId ?? ""}
              onChange={(e) => setTherapistId(e.target.value || null)}
              className="min-h-12 w-full rounded-md border border-stone-300 bg-white px-3 text-base"
            >
              <option value="">Anyone available</option>
              {type.therapists.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
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

  if (step === "time" && type && date) {
    return (
      <section className="space-y-4" aria-labelledby="booking-step">
        {back("day")}
        <p className="text-sm font-medium text-muted">Step 3 of 4</p>
        {title(`Choose a time on ${f.date(date)}`)}
        {daySlots.length === 0 ? (
          <Notice tone="info">Those times have just gone. Please choose another day.</Notice>
        ) : (
          <TimePicker
            slots={daySlots}
            showTherapist={!therapistId}
            onPick={(s) => {
              setSlot(s);
              setKey(newKey());
              book.reset();
              setStep("confirm");
            }}
          />
        )}
      </section>
    );
  }

  if (step === "confirm" && type && slot) {
    return (
      <section className="space-y-4" aria-labelledby="booking-step">
        {back("time")}
        <p className="text-sm font-medium text-muted">Step 4 of 4</p>
        {title("Check and book")}
        <Summary
          typeName={type.name}
          therapistName={slot.therapistName}
          start={slot.start}
          end={slot.end}
          f={f}
          clinic={options.clinicName}
        />
        <p className="text-base text-muted">
          You can cancel online up to {formatNoticePeriod(options.cancellationNoticeHours)} before. After that, please
          call the clinic.
        </p>
        <ConfirmActions
          error={book.error}
          errorTestId="booking-error"
          fallbackMessage="We could not book it. Please try again."
          label="Book appointment"
          busy={book.isPending}
          onConfirm={() =>
            book.mutate({ typeId: type.id, therapistId: slot.therapistId, startsAt: slot.start, idempotencyKey: key })
          }
          onChooseAgain={() => {
            book.reset();
            void queryClient.invalidateQueries({ queryKey: bookingKeys.slots(type.id, therapistId) });
            setStep("day");
          }}
        />
      </section>
    );
  }

  if (step === "done" && booked) {
    const a = booked.appointment;
    return (
      <section className="space-y-4" aria-labelledby="booking-step">
        {title("You're booked")}
        <Notice tone="success" testId="booking-confirmed">
          Your appointment is booked with {options.clinicName}.
        </Notice>
        <Summary
          typeName={a.typeName}
          therapistName={a.therapistName}
          start={a.startsAt}
          end={a.endsAt}
          f={f}
          clinic={options.clinicName}
          room={a.roomName}
        />
        <a href={icsHref(a.id)} download className={buttonClass("secondary", "min-h-12 w-full text-base")}>
          Add to calendar
        </a>
        <ButtonLink href="/portal" className="min-h-12 w-full text-base">
          Back to your portal
        </ButtonLink>
        <Link
          href="/portal/appointments"
          className="inline-flex min-h-11 items-center text-base text-accent-700 underline underline-offset-2"
        >
          See all your appointments
        </Link>
      </section>
    );
  }
  return null;
}
