"use client";
import { useEffect, useRef, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { call, ops, ApiError } from "@/app/_lib/api-client";
import { Notice } from "@/app/_components/ui/feedback";
import { usePortalFormat } from "@/app/_lib/queries/booking";
import { DayPicker, TimePicker } from "@/app/portal/book/slot-pickers";
import type { HoldDto, PublicBookingOptions, PublicSlots } from "@/lib/scheduling/public-booking/schemas";
import { DetailsForm } from "./details-form";
import { HeldNotice } from "./held-notice";
import { publicBookingKeys } from "@/app/_lib/queries/public-booking";

type Step = "type" | "day" | "time" | "details" | "held";
type Slot = PublicSlots["days"][number]["slots"][number];

/**
 * Type → therapist or anyone → day → time → details → "check your email". One step at a time,
 * focus moved to each step's heading so screen readers hear where they are.
 */
export function PublicBookingFlow({ slug, options }: { slug: string; options: PublicBookingOptions }) {
  const [step, setStep] = useState<Step>("type");
  const [typeId, setTypeId] = useState<string | null>(null);
  const [therapistId, setTherapistId] = useState<string | null>(null);
  const [date, setDate] = useState<string | null>(null);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [held, setHeld] = useState<HoldDto | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const mounted = useRef(false);
  const f = usePortalFormat();
  const type = options.types.find((t) => t.id === typeId) ?? null;

  useEffect(() => {
    if (mounted.current) heading.current?.focus();
    mounted.current = true;
  }, [step]);

  const slots = useQuery({
    queryKey: publicBookingKeys.slots(slug, typeId, therapistId),
    queryFn: ({ signal }) =>
      call(ops.listPublicSlots, {
        params: { clinicSlug: slug, typeId: typeId! },
        query: { therapistId: therapistId ?? undefined },
        signal,
      }),
    enabled: Boolean(typeId) && step !== "type",
  });
  const daySlots = slots.data?.days.find((d) => d.date === date)?.slots ?? [];

  const back = (to: Step) => (
    <button
      type="button"
      className="inline-flex min-h-11 items-center text-base text-accent-700 underline underline-offset-2"
      onClick={() => setStep(to)}
    >
      ← Back
    </button>
  );
  const title = (text: string) => (
    <h2 id="booking-step" ref={heading} tabIndex={-1} className="text-xl font-semibold text-ink outline-none">
      {text}
    </h2>
  );
  const stepOf = (n: number) => <p className="text-sm font-medium text-muted">Step {n} of 4</p>;

  if (step === "type") {
    return (
      <section className="space-y-3" aria-labelledby="booking-step">
        {stepOf(1)}
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
        {stepOf(2)}
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
          daysAhead={28}
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
        {stepOf(3)}
        {title(`Choose a time on ${f.date(date)}`)}
        {daySlots.length === 0 ? (
          <Notice tone="info">Those times have just gone. Please choose another day.</Notice>
        ) : (
          <TimePicker
            slots={daySlots}
            showTherapist={!therapistId}
            onPick={(s) => {
              setSlot(s);
              setStep("details");
            }}
          />
        )}
      </section>
    );
  }

  if (step === "details" && type && slot) {
    return (
      <section className="space-y-4" aria-labelledby="booking-step">
        {back("time")}
        {stepOf(4)}
        {title("Your details")}
        <p className="rounded-lg border border-line bg-white p-4 text-base">
          <span className="font-medium">{type.name}</span> with {slot.therapistName}
          <br />
          {f.day(slot.start)}, {f.time(slot.start)}–{f.time(slot.end)}
        </p>
        <DetailsForm
          clinicSlug={slug}
          request={{ typeId: type.id, therapistId: slot.therapistId, startsAt: slot.start }}
          holdMinutes={options.holdMinutes}
          onHeld={(result) => {
            setHeld(result);
            setStep("held");
          }}
          onSlotGone={() => {
            void slots.refetch();
            setStep("day");
          }}
        />
      </section>
    );
  }

  if (step === "held" && held) {
    return (
      <section className="space-y-4" aria-labelledby="booking-step">
        {title("Check your email")}
        <HeldNotice held={held} requiresApproval={options.requiresApproval} />
      </section>
    );
  }
  return null;
}
