"use client";
import { useRouter } from "next/navigation";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { AvailabilityDto } from "@/lib/scheduling/availability/schemas";
import type { AppointmentTypeDto } from "@/lib/scheduling/setup/schemas";
import { call, ops, ApiError } from "@/app/_lib/api-client";
import { Card } from "@/app/_components/ui/layout";
import { Button } from "@/app/_components/ui/button";
import { Field, SelectField } from "@/app/_components/ui/field";
import { DateField } from "@/app/_components/ui/date-time-field";
import { ListSkeleton, Notice } from "@/app/_components/ui/feedback";
import { useClinicFormat } from "@/app/_components/clinic-format";
import { WeekEditor } from "./week-editor";
import { SlotFinder } from "./slot-finder";
import { setupKeys } from "@/app/_lib/queries/clinic-setup";

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
  const [off, setOff] = useState({ startDate: "", endDate: "", note: "" });
  const addOff = useMutation({
    mutationFn: () =>
      call(ops.addAvailabilityException, {
        params: { therapistId },
        body: {
          kind: "time_off",
          startDate: off.startDate,
          ...(off.endDate ? { endDate: off.endDate } : {}),
          ...(off.note ? { note: off.note } : {}),
        },
      }),
    onSuccess: (d) => {
      saved(d);
      setOff({ startDate: "", endDate: "", note: "" });
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => call(ops.deleteAvailabilityException, { params: { therapistId, exceptionId: id } }),
    onSuccess: saved,
  });
  const err = (k: string) => (addOff.error instanceof ApiError ? addOff.error.fieldErrors[k]?.[0] : undefined);
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
                onSubmit={(e) => {
                  e.preventDefault();
                  addOff.mutate();
                }}
                aria-label="Add time off"
              >
                <DateField
                  label="First day off"
                  value={off.startDate}
                  onChange={(v) => setOff({ ...off, startDate: v })}
                  error={err("startDate")}
                />
                <DateField
                  label="Last day off (optional)"
                  value={off.endDate}
                  onChange={(v) => setOff({ ...off, endDate: v })}
                  error={err("endDate")}
                />
                <Field
                  label="Note (optional)"
                  value={off.note}
                  onChange={(e) => setOff({ ...off, note: e.target.value })}
                  className="sm:col-span-2"
                />
                <Button type="submit" variant="secondary" busy={addOff.isPending} className="sm:col-span-2">
                  Add time off
                </Button>
              </form>
              {addOff.error && !err("startDate") && !err("endDate") ? (
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
