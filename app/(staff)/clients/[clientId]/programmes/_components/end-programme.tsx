"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { endProgramme, invalidateProgrammes } from "@/app/_lib/queries/programmes";
import { DateField } from "@/app/_components/ui/date-time-field";
import { Button } from "@/app/_components/ui/button";
import { Confirm } from "@/app/_components/ui/confirm";
import { Notice } from "@/app/_components/ui/feedback";
import { ApiError } from "@/app/_lib/api";

/** Ends a programme today, or on an earlier last day; its versions that started stay in the history. */
export function EndProgramme({
  clientId,
  programmeId,
  version,
  today,
}: {
  clientId: string;
  programmeId: string;
  version: number;
  today: string;
}) {
  const router = useRouter();
  const qc = useQueryClient();
  const [endDate, setEndDate] = useState(today);
  const end = useMutation({
    mutationFn: () => endProgramme(programmeId, { version, endDate }),
    onSuccess: async () => {
      await invalidateProgrammes(qc, clientId, programmeId);
      router.refresh();
    },
  });
  const fieldError = end.error instanceof ApiError ? end.error.fieldErrors.endDate?.[0] : undefined;
  return (
    <div className="flex flex-wrap items-end gap-2">
      <DateField label="Last day" value={endDate} max={today} onChange={setEndDate} error={fieldError} />
      <Confirm
        trigger={
          <Button type="button" variant="secondary" busy={end.isPending}>
            End programme
          </Button>
        }
        title="End this programme?"
        description={`The client sees it until the end of ${endDate}; after that it is only in the history. Changes planned for later days are dropped. To change exercises instead, revise it.`}
        confirmLabel="End programme"
        danger
        onConfirm={() => end.mutate()}
      />
      {end.error && !fieldError ? <Notice tone="danger">{end.error.message}</Notice> : null}
    </div>
  );
}
