"use client";
import "@/app/_lib/zod-browser";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import type { AppointmentView } from "@/lib/scheduling/appointments/calendar-schemas";
import { localDate, wallTime } from "@/lib/scheduling/rules/schemas";
import { localDateOf, parseWallTime, wallMinutesOf } from "@/lib/format/zoned";
import { moveAppointment } from "@/app/_lib/queries/calendar";
import { Button } from "@/app/_components/ui/button";
import { FormDateField, FormTimeField } from "@/app/_components/ui/form-date-time";
import { SelectField } from "@/app/_components/ui/field";
import { Notice } from "@/app/_components/ui/feedback";
import { canEdit, type CalendarSetup } from "./calendar-types";
import { NotifyClientField } from "@/app/_components/scheduling/notify-client-field";
import { hhmm, instantAt } from "./calendar-model";
import { isOutsideHours } from "./calendar-banner";

const formSchema = z
  .object({
    date: localDate,
    start: wallTime,
    end: wallTime,
    therapistUserId: z.uuid("Choose the therapist."),
    roomId: z.string(),
    notifyClient: z.boolean(),
  })
  .refine((v) => !/^\d{2}:\d{2}$/.test(v.start) || !/^\d{2}:\d{2}$/.test(v.end) || v.end > v.start, {
    message: "End after the start.",
    path: ["end"],
  });
type FormValues = z.infer<typeof formSchema>;

/** Move or resize by fields: the keyboard equivalent of dragging a block or its edge. */
export function ChangeForm({
  setup,
  appointment: a,
  onSaved,
}: {
  setup: CalendarSetup;
  appointment: AppointmentView;
  onSaved: (a: AppointmentView) => void;
}) {
  const { timeZone, me } = setup;
  const startsAt = new Date(a.startsAt);
  const form = useForm<FormValues>({
    resolver: zodResolver(formSchema),
    defaultValues: {
      date: localDateOf(startsAt, timeZone),
      start: hhmm(wallMinutesOf(startsAt, timeZone)),
      end: hhmm(wallMinutesOf(new Date(a.endsAt), timeZone)),
      therapistUserId: a.therapistUserId,
      roomId: a.roomId ?? "",
      notifyClient: true,
    },
  });
  const save = useMutation({
    mutationFn: ({ v, allowOutsideHours }: { v: FormValues; allowOutsideHours: boolean }) =>
      moveAppointment({
        appointment: a,
        allowOutsideHours,
        notifyClient: v.notifyClient,
        patch: {
          startsAt: instantAt(v.date, parseWallTime(v.start), timeZone),
          endsAt: instantAt(v.date, parseWallTime(v.end), timeZone),
          therapistUserId: v.therapistUserId,
          roomId: v.roomId || null,
        },
      }),
    onSuccess: onSaved,
  });
  const needsRoom = setup.types.find((t) => t.id === a.typeId)?.needsRoom ?? true;
  const { errors } = form.formState;
  return (
    <form
      aria-label="Change time or place"
      noValidate
      className="mt-5 space-y-3"
      onSubmit={form.handleSubmit((v) => save.mutate({ v, allowOutsideHours: false }))}
    >
      <h3 className="text-sm font-semibold text-ink">Time and place</h3>
      <div className="grid gap-3 sm:grid-cols-3">
        <FormDateField label="Date" control={form.control} name="date" error={errors.date?.message} />
        <FormTimeField label="Starts" control={form.control} name="start" error={errors.start?.message} />
        <FormTimeField label="Ends" control={form.control} name="end" error={errors.end?.message} />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField label="Therapist" {...form.register("therapistUserId")} error={errors.therapistUserId?.message}>
          {setup.therapists
            .filter((t) => canEdit(me, t.id) || t.id === a.therapistUserId)
            .map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
        </SelectField>
        <SelectField label="Room" {...form.register("roomId")} error={errors.roomId?.message}>
          {!needsRoom ? <option value="">No room</option> : null}
          {setup.rooms.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </SelectField>
      </div>
      {a.status === "booked" ? (
        <NotifyClientField label="Tell the client about the change" {...form.register("notifyClient")} />
      ) : null}
      {save.error ? (
        <Notice tone={isOutsideHours(save.error) ? "warning" : "danger"} testId="change-error">
          <p>{save.error.message}</p>
          {isOutsideHours(save.error) ? (
            <Button
              type="button"
              variant="secondary"
              className="mt-2"
              busy={save.isPending}
              onClick={form.handleSubmit((v) => save.mutate({ v, allowOutsideHours: true }))}
            >
              Save anyway
            </Button>
          ) : null}
        </Notice>
      ) : null}
      <div className="flex justify-end">
        <Button type="submit" busy={save.isPending}>
          Save changes
        </Button>
      </div>
    </form>
  );
}
