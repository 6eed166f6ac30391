"use client";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { openAppointmentVisit } from "@/app/_lib/queries/calendar";
import { Button } from "@/app/_components/ui/button";

/** Opens (or finds) the appointment's visit and goes to it. */
export function OpenVisitButton({
  appointmentId,
  label = "Open visit",
  clientName,
}: {
  appointmentId: string;
  label?: string;
  clientName: string;
}) {
  const router = useRouter();
  const open = useMutation({
    mutationFn: () => openAppointmentVisit(appointmentId),
    onSuccess: ({ visitId }) => router.push(`/visits/${visitId}`),
  });
  return (
    <span className="inline-flex flex-col items-end">
      <Button
        variant="secondary"
        busy={open.isPending || open.isSuccess}
        onClick={() => open.mutate()}
        aria-label={`${label} for ${clientName}`}
      >
        {label}
      </Button>
      {open.error ? (
        <span role="alert" className="mt-1 max-w-56 text-right text-xs text-danger">
          {open.error.message}
        </span>
      ) : null}
    </span>
  );
}
