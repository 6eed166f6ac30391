"use client";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import { cancelAppointmentBody, type AppointmentView } from "@/lib/appointments/calendar-schemas";
import { isLateCancellation } from "@/lib/scheduling/cancellation";
import { cancelAppointment } from "@/app/_lib/queries/calendar";
import { Button } from "@/app/_components/ui/button";
import { Notice } from "@/app/_components/ui/feedback";

const formSchema = cancelAppointmentBody.pick({ reason: true, cancelledBy: true });
type FormValues = z.input<typeof formSchema>;

/** Cancel with a reason, saying beforehand whether it will count as a late cancellation. */
export function CancelForm({
  appointment: a,
  noticeHours,
  onCancelled,
}: {
  appointment: AppointmentView;
  noticeHours: number;
  onCancelled: (a: AppointmentView) => void;
}) {
  const form = useForm<FormValues>({
    resolver: zodResolver(formSchema),
    defaultValues: { reason: "", cancelledBy: "client" },
  });
  const by = useWatch({ control: form.control, name: "cancelledBy" });
  const cancel = useMutation({
    mutationFn: (v: FormValues) => cancelAppointment(a, v.reason, v.cancelledBy),
    onSuccess: onCancelled,
  });
  const late = by === "client" && isLateCancellation(new Date(a.startsAt), new Date(), noticeHours);
  const error = form.formState.errors.reason?.message;
  return (
    <form
      aria-label="Cancel appointment"
      noValidate
      className="mt-5 space-y-3 border-t border-line pt-4"
      onSubmit={form.handleSubmit((v) => cancel.mutate(v))}
    >
      <h3 className="text-sm font-semibold text-ink">Cancel</h3>
      <div>
        <label htmlFor="cancel-reason" className="mb-1 block text-sm font-medium text-ink">
          Reason for cancelling
        </label>
        <textarea
          id="cancel-reason"
          rows={2}
          {...form.register("reason")}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "cancel-reason-error" : undefined}
          className="block w-full rounded-md border border-stone-300 px-3 py-2 text-base text-ink focus:border-accent-600 aria-[invalid=true]:border-danger"
        />
        {error ? (
          <p id="cancel-reason-error" className="mt-1 text-sm text-danger">
            {error}
          </p>
        ) : null}
      </div>
      <fieldset className="flex flex-wrap gap-x-6">
        <legend className="mb-1 text-sm font-medium text-ink">Who cancelled?</legend>
        <label className="flex min-h-11 items-center gap-2 text-sm">
          <input type="radio" value="client" {...form.register("cancelledBy")} className="size-4 accent-accent-700" />
          The client
        </label>
        <label className="flex min-h-11 items-center gap-2 text-sm">
          <input type="radio" value="clinic" {...form.register("cancelledBy")} className="size-4 accent-accent-700" />
          The clinic
        </label>
      </fieldset>
      {late ? (
        <Notice tone="warning">
          This is inside the clinic’s {noticeHours}-hour notice period: it will be recorded as a late cancellation for
          the client.
        </Notice>
      ) : null}
      {cancel.error ? <Notice tone="danger">{cancel.error.message}</Notice> : null}
      <div className="flex justify-end">
        <Button type="submit" variant="danger" busy={cancel.isPending}>
          Cancel appointment
        </Button>
      </div>
    </form>
  );
}
