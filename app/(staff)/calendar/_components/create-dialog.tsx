"use client";
import "@/app/_lib/zod-browser";
import { Dialog } from "radix-ui";
import { useDeferredValue, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { z } from "zod";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createAppointmentBody, type bookedAppointmentDto } from "@/lib/scheduling/appointments/calendar-schemas";
import { localDate, wallTime } from "@/lib/scheduling/rules/schemas";
import { parseWallTime } from "@/lib/format/zoned";
import { call, ops, applyFieldErrors } from "@/app/_lib/api-client";
import { clientListQuery } from "@/app/_lib/queries/clients";
import { calendarKeys, newIdempotencyKey } from "@/app/_lib/queries/calendar";
import { Button } from "@/app/_components/ui/button";
import { Field, SelectField } from "@/app/_components/ui/field";
import { Notice } from "@/app/_components/ui/feedback";
import { FormDateField, FormTimeField } from "@/app/_components/ui/form-date-time";
import { useClinicFormat } from "@/app/_components/clinic-format";
import { canEdit, type CalendarSetup } from "./calendar-types";
import { hhmm, instantAt } from "./calendar-model";
import { isOutsideHours } from "./calendar-banner";

export interface CreateDraft {
  date: string;
  minutes: number;
  therapistId: string;
  roomId: string | null;
}

// The form's own shape, derived from the API's: a date and a wall-clock time instead of an instant.
const formSchema = createAppointmentBody.pick({ clientId: true, typeId: true, therapistUserId: true }).extend({
  roomId: z.string(),
  date: localDate,
  time: wallTime,
});
type FormValues = z.infer<typeof formSchema>;
type Booked = z.infer<typeof bookedAppointmentDto>;

/** Book one appointment: the keyboard way to do everything a click on the grid starts. */
export function CreateDialog({
  setup,
  draft,
  onClose,
  onBooked,
}: {
  setup: CalendarSetup;
  draft: CreateDraft;
  onClose: () => void;
  onBooked: (a: Booked) => void;
}) {
  const { timeZone, me } = setup;
  // "Ends 3:15 PM" on the clinic's clock, like the field above it.
  const f = useClinicFormat();
  const queryClient = useQueryClient();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [search, setSearch] = useState("");
  const deferred = useDeferredValue(search.trim());
  const clients = useQuery({ ...clientListQuery(deferred, "active"), enabled: deferred.length > 0 });
  const [picked, setPicked] = useState<{ id: string; name: string } | null>(null);
  const therapists = setup.therapists.filter((t) => canEdit(me, t.id));
  const form = useForm<FormValues>({
    resolver: zodResolver(formSchema),
    defaultValues: {
      clientId: "",
      typeId: setup.types[0]?.id ?? "",
      therapistUserId: therapists.some((t) => t.id === draft.therapistId)
        ? draft.therapistId
        : (therapists[0]?.id ?? ""),
      roomId: draft.roomId ?? setup.rooms[0]?.id ?? "",
      date: draft.date,
      time: hhmm(draft.minutes),
    },
  });
  const [typeId, time] = useWatch({ control: form.control, name: ["typeId", "time"] });
  const type = setup.types.find((t) => t.id === typeId);
  const book = useMutation({
    mutationFn: ({ v, allowOutsideHours }: { v: FormValues; allowOutsideHours: boolean }) =>
      call(ops.createAppointment, {
        body: {
          clientId: v.clientId,
          typeId: v.typeId,
          therapistUserId: v.therapistUserId,
          roomId: v.roomId || null,
          startsAt: instantAt(v.date, parseWallTime(v.time), timeZone),
          idempotencyKey,
          allowOutsideHours,
        },
      }),
    onSuccess: (a) => {
      void queryClient.invalidateQueries({ queryKey: calendarKeys.all });
      onBooked(a);
    },
    onError: (err) => applyFieldErrors(err, form.setError),
  });
  const submit = form.handleSubmit((v) => book.mutate({ v, allowOutsideHours: false }));
  const ends =
    type && /^\d{2}:\d{2}$/.test(time ?? "")
      ? f.wall(Math.min(parseWallTime(time!) + type.durationMin, 24 * 60))
      : null;
  const { errors } = form.formState;

  return (
    <Dialog.Root
      open
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/30" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 max-h-[92vh] w-[min(34rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-6 shadow-xl">
          <Dialog.Title className="text-lg font-semibold text-ink">New appointment</Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-muted">
            Times are in the clinic&apos;s time zone ({timeZone}).
          </Dialog.Description>
          {setup.types.length === 0 ? (
            <div className="mt-4">
              <Notice tone="warning">Add an appointment type in Settings before booking.</Notice>
            </div>
          ) : (
            <form onSubmit={submit} noValidate aria-label="New appointment" className="mt-4 space-y-4">
              <fieldset>
                <legend className="mb-1 text-sm font-medium text-ink">Client</legend>
                <Field
                  label="Find client"
                  type="search"
                  value={search}
                  autoComplete="off"
                  placeholder="Name, email or phone"
                  onChange={(e) => setSearch(e.target.value)}
                  hint={picked ? `Selected: ${picked.name}` : undefined}
                  error={errors.clientId?.message}
                />
                {deferred && clients.data ? (
                  clients.data.items.length === 0 ? (
                    <p className="mt-2 text-sm text-muted">No active client matches “{deferred}”.</p>
                  ) : (
                    <div className="mt-2 max-h-44 space-y-1 overflow-y-auto rounded-md border border-line p-1">
                      {clients.data.items.slice(0, 8).map((c) => {
                        const name = `${c.preferredName ?? c.firstName} ${c.lastName}`;
                        return (
                          <label
                            key={c.id}
                            className="flex min-h-11 cursor-pointer items-center gap-3 rounded px-2 hover:bg-stone-50"
                          >
                            <input
                              type="radio"
                              value={c.id}
                              {...form.register("clientId", { onChange: () => setPicked({ id: c.id, name }) })}
                              className="size-4 accent-accent-700"
                            />
                            <span className="text-sm">
                              <span className="font-medium">{name}</span>
                              {c.dateOfBirth ? <span className="text-muted"> · born {c.dateOfBirth}</span> : null}
                            </span>
                          </label>
                        );
                      })}
                    </div>
                  )
                ) : null}
              </fieldset>
              <SelectField label="Appointment type" {...form.register("typeId")} error={errors.typeId?.message}>
                {setup.types.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name} ({t.durationMin} min)
                  </option>
                ))}
              </SelectField>
              <div className="grid gap-4 sm:grid-cols-2">
                <SelectField
                  label="Therapist"
                  {...form.register("therapistUserId")}
                  error={errors.therapistUserId?.message}
                >
                  {therapists.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.name}
                    </option>
                  ))}
                </SelectField>
                <SelectField label="Room" {...form.register("roomId")} error={errors.roomId?.message}>
                  {type && !type.needsRoom ? <option value="">No room</option> : null}
                  {setup.rooms.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.name}
                    </option>
                  ))}
                </SelectField>
                <FormDateField label="Date" control={form.control} name="date" error={errors.date?.message} />
                <FormTimeField
                  label="Start time"
                  control={form.control}
                  name="time"
                  error={errors.time?.message}
                  hint={
                    ends
                      ? `Ends ${ends}${type?.bufferAfterMin ? `, then ${type.bufferAfterMin} min buffer` : ""}`
                      : undefined
                  }
                />
              </div>
              {book.error && !Object.keys((book.error as { fieldErrors?: object }).fieldErrors ?? {}).length ? (
                <Notice tone={isOutsideHours(book.error) ? "warning" : "danger"} testId="create-error">
                  <p>{book.error.message}</p>
                  {isOutsideHours(book.error) ? (
                    <Button
                      type="button"
                      variant="secondary"
                      className="mt-2"
                      busy={book.isPending}
                      onClick={form.handleSubmit((v) => book.mutate({ v, allowOutsideHours: true }))}
                    >
                      Book anyway
                    </Button>
                  ) : null}
                </Notice>
              ) : null}
              <div className="flex justify-end gap-2 pt-2">
                <Dialog.Close asChild>
                  <Button type="button" variant="secondary">
                    Cancel
                  </Button>
                </Dialog.Close>
                <Button type="submit" busy={book.isPending}>
                  Book appointment
                </Button>
              </div>
            </form>
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
