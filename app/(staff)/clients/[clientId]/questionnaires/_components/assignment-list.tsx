"use client";
import { useClinicFormat } from "@/app/_components/clinic-format";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  cancelAssignment,
  questionnaireKeys,
  type AssignmentDto,
  type InstrumentDto,
} from "@/app/_lib/queries/questionnaires";
import { Button, ButtonLink } from "@/app/_components/ui/button";
import { Confirm } from "@/app/_components/ui/confirm";
import { Badge, Notice } from "@/app/_components/ui/feedback";
import type { ComplaintDto } from "@/lib/outcomes/pain/schemas";

function schedule(a: AssignmentDto) {
  if (!a.everyNVisits) return "Once";
  return a.everyNVisits === 1 ? "At every visit" : `Every ${a.everyNVisits} visits`;
}

/** Active assignments with whether each is due; fill in on this device, or stop asking. */
export function AssignmentList({
  clientId,
  assignments,
  instruments,
  complaints,
  writable,
}: {
  clientId: string;
  assignments: AssignmentDto[];
  instruments: Map<string, InstrumentDto>;
  complaints: ComplaintDto[];
  writable: boolean;
}) {
  const qc = useQueryClient();
  const stop = useMutation({
    mutationFn: (id: string) => cancelAssignment(id),
    onSettled: () => qc.invalidateQueries({ queryKey: questionnaireKeys.assignments(clientId) }),
  });
  const f = useClinicFormat();

  return (
    <div className="space-y-3">
      {stop.isError ? <Notice tone="danger">{stop.error.message}</Notice> : null}
      <ul className="divide-y divide-line">
        {assignments.map((a) => {
          const instrument = instruments.get(a.instrumentId);
          const complaint = complaints.find((c) => c.id === a.complaintId);
          const blocked = instrument?.needsClinicWording ?? false;
          const fillHref = `/clients/${clientId}/questionnaires/${a.instrumentId}?assignment=${a.id}`;
          return (
            <li
              key={a.id}
              className="flex flex-wrap items-start justify-between gap-3 py-3 first:pt-0 last:pb-0"
              aria-label={a.instrumentName}
            >
              <div className="min-w-0 space-y-1">
                <p className="font-medium text-ink">{a.instrumentName}</p>
                <p className="text-sm text-muted">
                  {schedule(a)}
                  {complaint ? ` · ${complaint.title}` : ""} · assigned {f.at(a.assignedAt, "date")}
                </p>
                <p className="flex flex-wrap items-center gap-2 text-sm">
                  {/* The badge carries words and a symbol, not only its colour. */}
                  {a.due ? (
                    <Badge tone="warning">● Due now</Badge>
                  ) : (
                    <Badge>✓ {a.everyNVisits ? "Not due yet" : "Filled in"}</Badge>
                  )}
                  <span className="text-muted">
                    {a.lastCompletedAt ? `Last filled in ${f.at(a.lastCompletedAt, "date")}` : "Not filled in yet"}
                  </span>
                </p>
                {blocked ? (
                  <p className="text-sm text-warn">
                    Needs the clinic&apos;s licensed wording before it can be filled in.
                  </p>
                ) : null}
              </div>
              {writable ? (
                <div className="flex flex-wrap gap-2">
                  {blocked ? null : (
                    <ButtonLink
                      href={fillHref}
                      variant={a.due ? "primary" : "secondary"}
                      aria-label={`Fill in now on this device: ${a.instrumentName}`}
                    >
                      Fill in now on this device
                    </ButtonLink>
                  )}
                  <Confirm
                    trigger={
                      <Button
                        type="button"
                        variant="ghost"
                        busy={stop.isPending && stop.variables === a.id}
                        aria-label={`Stop asking: ${a.instrumentName}`}
                      >
                        Stop asking
                      </Button>
                    }
                    title={`Stop asking for the ${a.instrumentName}?`}
                    description="It leaves the client's portal. Answers already given stay in the record; assign it again to restart."
                    confirmLabel="Stop asking"
                    onConfirm={() => stop.mutate(a.id)}
                  />
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
