"use client";
import "@/app/_lib/zod-browser";
import { useMutation } from "@tanstack/react-query";
import { Controller, useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { call, ops, ApiError, applyFieldErrors } from "@/app/_lib/api-client";
import { Button } from "@/app/_components/ui/button";
import { Field } from "@/app/_components/ui/field";
import { MemorableDateField } from "@/app/_components/ui/memorable-date-field";
import { Notice } from "@/app/_components/ui/feedback";
import { holdBody, type HoldDto } from "@/lib/scheduling/public-booking/schemas";

type Values = z.input<typeof holdBody>;

/**
 * Name, email, phone, date of birth and reason, validated by the schema the server uses. The
 * "website" input is the honeypot: off-screen and hidden from assistive technology and autofill.
 */
export function DetailsForm({
  clinicSlug,
  request,
  holdMinutes,
  onHeld,
  onSlotGone,
}: {
  clinicSlug: string;
  request: { typeId: string; therapistId: string; startsAt: string };
  holdMinutes: number;
  onHeld: (result: HoldDto) => void;
  onSlotGone: () => void;
}) {
  const form = useForm<Values>({
    resolver: zodResolver(holdBody),
    defaultValues: {
      ...request,
      firstName: "",
      lastName: "",
      email: "",
      phone: "",
      dateOfBirth: "",
      reason: "",
      website: "",
    },
  });
  const hold = useMutation({
    mutationFn: (v: Values) => call(ops.holdPublicSlot, { params: { clinicSlug }, body: { ...v, ...request } }),
    onSuccess: onHeld,
    onError: (err) => applyFieldErrors(err, form.setError),
  });
  const e = form.formState.errors;
  const taken =
    hold.error instanceof ApiError && hold.error.status === 409 && hold.error.message.includes("no longer free");
  const fieldless =
    hold.error && !Object.keys((hold.error as { fieldErrors?: object }).fieldErrors ?? {}).length ? hold.error : null;
  return (
    <form className="space-y-4" noValidate onSubmit={form.handleSubmit((v) => hold.mutate(v))}>
      {fieldless ? (
        <Notice tone="danger" testId="hold-error">
          {fieldless.message}
          {taken ? (
            <Button type="button" variant="secondary" className="mt-3 w-full" onClick={onSlotGone}>
              Choose another time
            </Button>
          ) : null}
        </Notice>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="First name"
          autoComplete="given-name"
          error={e.firstName?.message}
          {...form.register("firstName")}
        />
        <Field
          label="Last name"
          autoComplete="family-name"
          error={e.lastName?.message}
          {...form.register("lastName")}
        />
      </div>
      <Field
        label="Email"
        type="email"
        autoComplete="email"
        inputMode="email"
        hint="We send a link here to confirm the booking."
        error={e.email?.message}
        {...form.register("email")}
      />
      <Field label="Phone" type="tel" autoComplete="tel" error={e.phone?.message} {...form.register("phone")} />
      <Controller
        control={form.control}
        name="dateOfBirth"
        render={({ field }) => (
          <MemorableDateField
            label="Date of birth"
            birthday
            value={field.value ?? ""}
            onChange={field.onChange}
            onBlur={field.onBlur}
            error={e.dateOfBirth?.message}
          />
        )}
      />
      <div>
        <label htmlFor="reason" className="mb-1 block text-sm font-medium text-ink">
          What brings you in?
        </label>
        <textarea
          id="reason"
          rows={3}
          maxLength={500}
          aria-invalid={e.reason ? true : undefined}
          aria-describedby={e.reason ? "reason-error" : "reason-hint"}
          className="block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base text-ink focus:border-accent-600 aria-[invalid=true]:border-danger"
          {...form.register("reason")}
        />
        {e.reason ? (
          <p id="reason-error" className="mt-1 text-sm text-danger">
            {e.reason.message}
          </p>
        ) : (
          <p id="reason-hint" className="mt-1 text-sm text-muted">
            A few words are enough; only the clinic sees this.
          </p>
        )}
      </div>
      <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
        <label htmlFor="website">Leave this empty</label>
        <input id="website" type="text" tabIndex={-1} autoComplete="off" {...form.register("website")} />
      </div>
      <Button type="submit" className="min-h-12 w-full text-base" busy={hold.isPending}>
        Hold this time for {holdMinutes} minutes
      </Button>
    </form>
  );
}
