"use client";
import "@/app/_lib/zod-browser";
import { useForm, useWatch } from "react-hook-form";
import { z } from "zod";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { cancelAppointmentBody, type AppointmentView } from "@/lib/scheduling/appointments/calendar-schemas";
import { isLateCancellation } from "@/lib/scheduling/rules/cancellation";
import { cancelAppointment } from "@/app/_lib/queries/calendar";
import { Button } from "@/app/_components/ui/button";
import { Notice } from "@/app/_components/ui/feedback";
import { TextAreaField } from "@/app/_components/ui/field";
import { NotifyClientField } from "@/app/_components/scheduling/notify-client-field";

const formSchema = cancelAppointmentBody.pick({ reason: true, cancelledBy: true, messageToClient: true }).extend({
  notifyClient: z.boolean(),
});
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
    defaultValues: { reason: "", cancelledBy: "client", notifyClient: true, messageToClient: "" },
  });
  const by = useWatch({ control: form.control, name: "cancelledBy" });
  const notify = useWatch({ control: form.control, name: "notifyClient" });
  const cancel = useMutation({
    mutationFn: (v: FormValues) =>
      cancelAppointment(a, {
        reason: v.reason,
        cancelledBy: v.cancelledBy,
        notifyClient: v.notifyClient,
        // The reason stays internal; only these words, if any, go to the client.
        messageToClient: v.notifyClient && v.messageToClient?.trim() ? v.messageToClient : undefined,
      }),
    onSuccess: onCancelled,
  });
  const late = by === "client" && isLateCancellation(new Date(a.startsAt), new Date(), noticeHours);
  const error = form.formState.errors.reason?.message;
  const messageError = form.formState.errors.messageToClient?.message;
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
      {a.status === "booked" ? (
        <NotifyClientField label="Tell the client that it is cancelled" {...form.register("notifyClient")} />
      ) : null}
      {a.status === "booked" && notify ? (
        <TextAreaField
          label="Message to the client (optional)"
          hint="The reason above stays internal. Only these words are shared with the client."
          rows={2}
          maxLength={300}
          {...form.register("messageToClient")}
          error={messageError}
        />
      ) : null}
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
