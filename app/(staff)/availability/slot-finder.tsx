"use client";
import { useClinicFormat } from "@/app/_components/clinic-format";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { AppointmentTypeDto } from "@/lib/scheduling/setup/schemas";
import { call, ops } from "@/app/_lib/api-client";
import { Card } from "@/app/_components/ui/layout";
import { SelectField } from "@/app/_components/ui/field";
import { ListSkeleton, Notice } from "@/app/_components/ui/feedback";
import { setupKeys } from "@/app/_lib/queries/clinic-setup";

/** The next free slots for a type with this therapist: hours, time off, bookings, buffers and rooms. */
export function SlotFinder({ therapistId, types }: { therapistId: string; types: AppointmentTypeDto[] }) {
  const [typeId, setTypeId] = useState(types[0]?.id ?? "");
  const q = useQuery({
    queryKey: setupKeys.slots(typeId, therapistId),
    queryFn: () => call(ops.findSlots, { params: { typeId }, query: { therapistId } }),
    enabled: Boolean(typeId),
  });
  const f = useClinicFormat();
  return (
    <Card title="Next free slots">
      {types.length === 0 ? (
        <p className="text-sm text-muted">Add an appointment type in Settings to search for slots.</p>
      ) : (
        <div className="space-y-3">
          <SelectField label="Appointment type" value={typeId} onChange={(e) => setTypeId(e.target.value)}>
            {types.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name} ({t.durationMin} min)
              </option>
            ))}
          </SelectField>
          {q.isPending ? <ListSkeleton rows={3} label="Finding slots" /> : null}
          {q.isError ? <Notice tone="danger">{q.error.message}</Notice> : null}
          {q.data?.length === 0 ? (
            <p className="text-sm text-muted">No free slot in the next two weeks. Check the weekly hours.</p>
          ) : null}
          {q.data && q.data.length > 0 ? (
            <ul className="tabular space-y-1 text-sm" aria-label="Free slots">
              {q.data.map((s) => (
                <li key={`${s.start}-${s.roomId}`}>
                  {f.dayTime(s.start)}
                  {s.roomName ? ` · ${s.roomName}` : ""}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      )}
    </Card>
  );
}
