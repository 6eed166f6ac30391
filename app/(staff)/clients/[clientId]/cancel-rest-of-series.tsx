"use client";
import "@/app/_lib/zod-browser";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { z } from "zod";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { localDateOf } from "@/lib/format/zoned";
import { cancelSeriesBody } from "@/lib/scheduling/appointments/series-schemas";
import type { ClientAppointment } from "@/lib/scheduling/attendance/schemas";
import { applyFieldErrors, call, ops } from "@/app/_lib/api-client";
import { clientAppointmentKeys } from "@/app/_lib/queries/waitlist";
import { calendarKeys } from "@/app/_lib/queries/calendar";
import { Button } from "@/app/_components/ui/button";
import { Field, TextAreaField } from "@/app/_components/ui/field";
import { Notice } from "@/app/_components/ui/feedback";
import { NotifyClientField } from "@/app/_components/scheduling/notify-client-field";

const formSchema = cancelSeriesBody.pick({ reason: true, messageToClient: true }).extend({ notifyClient: z.boolean() });
type FormValues = z.input<typeof formSchema>;

/** Cancels this and the later sessions of its series (those not started yet), with a reason. */
export function CancelRestOfSeries({
  clientId,
  appointment,
  when,
  timeZone,
}: {
  clientId: string;
  appointment: ClientAppointment;
  when: string;
  timeZone: string;
}) {
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const form = useForm<FormValues>({
    resolver: zodResolver(formSchema),
    defaultValues: { reason: "", notifyClient: true, messageToClient: "" },
  });
  const notify = useWatch({ control: form.control, name: "notifyClient" });
  // The clinic-zone calendar date of the session (YYYY-MM-DD, as the API takes it).
  const fromDate = localDateOf(new Date(appointment.startsAt), timeZone);
  const cancel = useMutation({
    mutationFn: (v: FormValues) =>
      call(ops.cancelSeries, {
        params: { seriesId: appointment.seriesId ?? "" },
        body: {
          fromDate,
          reason: v.reason,
          notifyClient: v.notifyClient,
          // The reason stays internal; only these words, if any, go to the client.
          messageToClient: v.notifyClient && v.messageToClient?.trim() ? v.messageToClient : undefined,
        },
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: clientAppointmentKeys.of(clientId) });
      void qc.invalidateQueries({ queryKey: calendarKeys.all });
    },
    onError: (err) => applyFieldErrors(err, form.setError),
  });
  const { errors } = form.formState;
  return (
    <>
      <Button variant="ghost" className="ml-auto" aria-expanded={open} onClick={() => setOpen(!open)}>
        Cancel rest of series
      </Button>
      {open ? (
        <form
          noValidate
          className="mb-2 basis-full space-y-2 rounded-md border border-line p-3"
          aria-label={`Cancel the series from ${when}`}
          onSubmit={form.handleSubmit((v) => cancel.mutate(v))}
        >
          <Field
            label="Reason"
            maxLength={300}
            {...form.register("reason")}
            error={errors.reason?.message}
            hint={`Sessions from ${when} on that have not started are cancelled. The reason stays internal.`}
          />
          <NotifyClientField label="Tell the client which sessions are cancelled" {...form.register("notifyClient")} />
          {notify ? (
            <TextAreaField
              label="Message to the client (optional)"
              rows={2}
              maxLength={300}
              {...form.register("messageToClient")}
              error={errors.messageToClient?.message}
            />
          ) : null}
          {cancel.error && !errors.reason && !errors.messageToClient ? (
            <Notice tone="danger">{cancel.error.message}</Notice>
          ) : null}
          <Button type="submit" variant="danger" busy={cancel.isPending}>
            Cancel from {when}
          </Button>
        </form>
      ) : null}
    </>
  );
}
