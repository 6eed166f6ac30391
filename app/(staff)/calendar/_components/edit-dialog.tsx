"use client";
// First: zod builds schemas as their modules load, and must be jitless by then (the CSP).
import "@/app/_lib/zod-browser";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Dialog } from "radix-ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ALLOWED_TRANSITIONS, type AppointmentView } from "@/lib/scheduling/appointments/calendar-schemas";
import { calendarKeys, openAppointmentVisit, setAppointmentStatus } from "@/app/_lib/queries/calendar";
import { Button } from "@/app/_components/ui/button";
import { Badge, Notice } from "@/app/_components/ui/feedback";
import { canEdit, type CalendarSetup } from "./calendar-types";
import { STATUS_LABEL } from "./calendar-model";
import { useClinicFormat } from "@/app/_components/clinic-format";
import type { Banner } from "./calendar-banner";
import { ChangeForm } from "./change-form";
import { CancelForm } from "./cancel-form";
import { CheckoutSection } from "./checkout-section";

const STEP_LABEL = {
  arrived: "Mark arrived",
  completed: "Mark completed",
  no_show: "Mark no-show",
  booked: "Back to booked",
} as const;
const UNDO_LABEL: Partial<Record<AppointmentView["status"], Partial<Record<keyof typeof STEP_LABEL, string>>>> = {
  arrived: { booked: "Undo arrival" },
  completed: { arrived: "Undo completed" },
  no_show: { booked: "Undo no-show" },
};

/** Everything one does to an appointment by keyboard: status, time and place, cancel, open the visit. */
export function EditDialog({
  setup,
  appointment: a,
  onClose,
  onDone,
}: {
  setup: CalendarSetup;
  appointment: AppointmentView;
  onClose: () => void;
  onDone: (b: Banner) => void;
}) {
  const { me } = setup;
  const f = useClinicFormat();
  const router = useRouter();
  const queryClient = useQueryClient();
  const editable = canEdit(me, a.therapistUserId);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: calendarKeys.all });
  // Marked completed by someone who bills: the dialog stays open at check-out (its next step).
  const [checkedOut, setCheckedOut] = useState(false);
  const status = useMutation({
    mutationFn: (s: keyof typeof STEP_LABEL) => setAppointmentStatus(a, s),
    onSuccess: (saved) => {
      void invalidate();
      if (me.canBill && saved.status === "completed") setCheckedOut(true);
      else onDone({ tone: "success", text: `${saved.clientName}: ${STATUS_LABEL[saved.status].toLowerCase()}.` });
    },
  });
  const visit = useMutation({
    mutationFn: () => openAppointmentVisit(a.id),
    onSuccess: ({ visitId }) => {
      void invalidate();
      router.push(`/visits/${visitId}`);
    },
  });
  const when = f.at(a.startsAt, "weekdayShort");
  const time = f.timeRange(a.startsAt, a.endsAt);
  const active = a.status !== "cancelled" && a.status !== "no_show";

  return (
    <Dialog.Root
      open
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/30" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 max-h-[92vh] w-[min(40rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-6 shadow-xl">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <Dialog.Title className="text-lg font-semibold text-ink">{a.clientName}</Dialog.Title>
            <Badge
              tone={
                a.status === "cancelled" || a.status === "no_show"
                  ? "warning"
                  : a.status === "booked"
                    ? "info"
                    : "success"
              }
            >
              {STATUS_LABEL[a.status]}
              {a.lateCancellation ? " (late)" : ""}
            </Badge>
          </div>
          <Dialog.Description className="tabular mt-1 text-sm text-muted">
            {a.typeName} · {when}, {time} · {a.roomName ?? "no room"} · with {a.therapistName}
          </Dialog.Description>
          <div className="mt-3 flex flex-wrap gap-2">
            <Link
              href={`/clients/${a.clientId}`}
              className="inline-flex min-h-11 items-center text-sm font-medium text-accent-700 underline-offset-2 hover:underline"
            >
              Client record
            </Link>
            {me.canOpenVisits && (active || a.visitId) ? (
              <Button variant="secondary" busy={visit.isPending} onClick={() => visit.mutate()}>
                {a.visitId ? "Go to visit" : "Open visit"}
              </Button>
            ) : null}
          </div>
          {visit.error ? (
            <div className="mt-3">
              <Notice tone="danger">{visit.error.message}</Notice>
            </div>
          ) : null}

          {me.canBill && (a.status === "arrived" || a.status === "completed") ? (
            <CheckoutSection appointmentId={a.id} focusOnReady={checkedOut} />
          ) : null}

          {a.status === "cancelled" ? (
            <div className="mt-4 space-y-2 text-sm">
              <p>
                <span className="font-medium">Reason:</span> {a.cancelReason}
              </p>
              {a.cancelledAt ? (
                <p className="text-muted">
                  Cancelled {f.at(a.cancelledAt, "dateTime")}
                  {a.lateCancellation ? ", inside the notice period" : ""}.
                </p>
              ) : null}
              <Link
                href={`/waitlist?appointment=${a.id}`}
                className="inline-flex min-h-11 items-center font-medium text-accent-700 underline underline-offset-2"
              >
                See waitlist matches
              </Link>
            </div>
          ) : null}

          {editable && ALLOWED_TRANSITIONS[a.status].length > 0 ? (
            <section aria-labelledby="status-heading" className="mt-5">
              <h3 id="status-heading" className="text-sm font-semibold text-ink">
                Status
              </h3>
              <div className="mt-2 flex flex-wrap gap-2">
                {ALLOWED_TRANSITIONS[a.status].map((s) => (
                  <Button
                    key={s}
                    variant="secondary"
                    busy={status.isPending && status.variables === s}
                    onClick={() => status.mutate(s)}
                  >
                    {UNDO_LABEL[a.status]?.[s] ?? STEP_LABEL[s]}
                  </Button>
                ))}
              </div>
              {status.error ? (
                <div className="mt-2">
                  <Notice tone="danger">{status.error.message}</Notice>
                </div>
              ) : null}
              {checkedOut ? (
                <div className="mt-2">
                  <Notice tone="success" testId="checkout-status">
                    Marked completed. Invoice and take payment below.
                  </Notice>
                </div>
              ) : null}
            </section>
          ) : null}

          {editable && active ? (
            <>
              <ChangeForm
                setup={setup}
                appointment={a}
                onSaved={(saved) => {
                  void invalidate();
                  onDone({
                    tone: "success",
                    text: `Saved: ${saved.clientName} now ${f.timeRange(saved.startsAt, saved.endsAt)} with ${saved.therapistName}.`,
                  });
                }}
              />
              {a.status === "booked" || a.status === "arrived" ? (
                <CancelForm
                  appointment={a}
                  noticeHours={setup.cancellationNoticeHours}
                  onCancelled={(saved) => {
                    void invalidate();
                    onDone({
                      tone: "success",
                      text: `Cancelled ${saved.clientName}’s appointment${saved.lateCancellation ? " (recorded as a late cancellation)" : ""}. The slot is free again.`,
                      waitlistFor: saved.id,
                    });
                  }}
                />
              ) : null}
            </>
          ) : null}
          {!editable ? (
            <p className="mt-4 text-sm text-muted">This is a colleague’s appointment: the front desk can change it.</p>
          ) : null}
          <div className="mt-6 flex justify-end">
            <Dialog.Close asChild>
              <Button variant="secondary">Close</Button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
