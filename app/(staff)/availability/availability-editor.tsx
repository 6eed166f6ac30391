"use client";
import "@/app/_lib/zod-browser";
import { useRouter } from "next/navigation";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Controller, useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import type { AvailabilityDto } from "@/lib/scheduling/availability/schemas";
import type { AppointmentTypeDto } from "@/lib/scheduling/setup/schemas";
import { timeOffException } from "@/lib/scheduling/rules/schemas";
import { call, ops, ApiError, applyFieldErrors } from "@/app/_lib/api-client";
import { Card } from "@/app/_components/ui/layout";
import { Button } from "@/app/_components/ui/button";
import { Field, SelectField } from "@/app/_components/ui/field";
import { DateField } from "@/app/_components/ui/date-time-field";
import { ListSkeleton, Notice } from "@/app/_components/ui/feedback";
import { useClinicFormat } from "@/app/_components/clinic-format";
import { WeekEditor } from "./week-editor";
import { SlotFinder } from "./slot-finder";
import { setupKeys } from "@/app/_lib/queries/clinic-setup";

type OffValues = z.input<typeof timeOffException>;
const NO_TIME_OFF: OffValues = { kind: "time_off", startDate: "", endDate: undefined, note: undefined };
// An empty optional field is left out, as the server expects, rather than sent as "".
const orUndefined = (v: string) => v || undefined;

export function AvailabilityEditor({
  therapists,
  therapistId,
  types,
}: {
  therapists: { id: string; name: string }[];
  therapistId: string;
  types: AppointmentTypeDto[];
}) {
  const router = useRouter();
  const qc = useQueryClient();
  const f = useClinicFormat();
  // Exceptions arrive as stored ("2027-01-05", "09:00"): written here as the clinic writes dates and times.
  const shown = (v: unknown) =>
    typeof v !== "string"
      ? String(v)
      : /^\d{4}-\d{2}-\d{2}$/.test(v)
        ? f.day(v, "date")
        : /^\d{2}:\d{2}$/.test(v)
          ? f.wall(v)
          : v;
  const key = ["availability", therapistId];
  // Hours and exceptions change the free slots: refresh them with every save.
  const saved = (d: AvailabilityDto) => {
    qc.setQueryData(key, d);
    void qc.invalidateQueries({ queryKey: setupKeys.allSlots });
  };
  const q = useQuery({
    queryKey: key,
    queryFn: () => call(ops.getAvailability, { params: { therapistId } }),
  });
  const off = useForm<OffValues>({ resolver: zodResolver(timeOffException), defaultValues: NO_TIME_OFF });
  const addOff = useMutation({
    mutationFn: (body: OffValues) => call(ops.addAvailabilityException, { params: { therapistId }, body }),
    onSuccess: (d) => {
      saved(d);
      off.reset(NO_TIME_OFF);
    },
    onError: (err) => applyFieldErrors(err, off.setError),
  });
  const remove = useMutation({
    mutationFn: (id: string) => call(ops.deleteAvailabilityException, { params: { therapistId, exceptionId: id } }),
    onSuccess: saved,
  });
  const offErrors = off.formState.errors;
  const fieldless = !(addOff.error instanceof ApiError && Object.keys(addOff.error.fieldErrors).length);
  return (
    <div className="space-y-6">
      {therapists.length > 1 ? (
        <SelectField
          label="Therapist"
          value={therapistId}
          onChange={(e) => router.push(`/availability?therapist=${e.target.value}`)}
          className="max-w-sm"
        >
          {therapists.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      {q.isPending ? <ListSkeleton label="Loading hours" /> : null}
      {q.isError ? (
        <Notice tone="danger">
          The hours did not load.{" "}
          <button type="button" className="underline" onClick={() => q.refetch()}>
            Try again
          </button>
        </Notice>
      ) : null}
      {q.data ? (
        <div className="grid gap-6 lg:grid-cols-2">
          <WeekEditor therapistId={therapistId} data={q.data} onSaved={saved} />
          <div className="space-y-6">
            <Card title="Time off and extra hours">
              {q.data.exceptions.length === 0 ? (
                <p className="text-sm text-muted">None recorded.</p>
              ) : (
                <ul className="divide-y divide-line" aria-label="Exceptions">
                  {q.data.exceptions.map((e) => (
                    <li key={e.id} className="flex min-h-12 items-center justify-between gap-2 text-sm">
                      <span>
                        {e.exception.kind === "time_off" ? "Time off" : "Extra hours"}:{" "}
                        {shown(e.exception.startDate ?? e.exception.date)}
                        {e.exception.endDate ? ` to ${shown(e.exception.endDate)}` : ""}
                        {e.exception.start ? ` from ${shown(e.exception.start)}` : ""}
                        {e.exception.end ? ` until ${shown(e.exception.end)}` : ""}
                        {e.exception.note ? <span className="text-muted"> — {String(e.exception.note)}</span> : null}
                      </span>
                      <Button variant="ghost" onClick={() => remove.mutate(e.id)}>
                        Remove
                      </Button>
                    </li>
                  ))}
                </ul>
              )}
              <form
                className="mt-4 grid gap-3 sm:grid-cols-2"
                noValidate
                onSubmit={off.handleSubmit((v) => addOff.mutate(v))}
                aria-label="Add time off"
              >
                <Controller
                  control={off.control}
                  name="startDate"
                  render={({ field }) => (
                    <DateField
                      label="First day off"
                      value={field.value}
                      onChange={field.onChange}
                      onBlur={field.onBlur}
                      error={offErrors.startDate?.message}
                    />
                  )}
                />
                <Controller
                  control={off.control}
                  name="endDate"
                  render={({ field }) => (
                    <DateField
                      label="Last day off (optional)"
                      value={field.value ?? ""}
                      onChange={(v) => field.onChange(orUndefined(v))}
                      onBlur={field.onBlur}
                      error={offErrors.endDate?.message}
                    />
                  )}
                />
                <Field
                  label="Note (optional)"
                  {...off.register("note", { setValueAs: orUndefined })}
                  error={offErrors.note?.message}
                  className="sm:col-span-2"
                />
                <Button type="submit" variant="secondary" busy={addOff.isPending} className="sm:col-span-2">
                  Add time off
                </Button>
              </form>
              {addOff.error && fieldless ? (
                <div className="mt-2">
                  <Notice tone="danger">{addOff.error.message}</Notice>
                </div>
              ) : null}
            </Card>
            <SlotFinder therapistId={therapistId} types={types} />
          </div>
        </div>
      ) : null}
    </div>
  );
}
