"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { AppointmentView, CalendarRange } from "@/lib/scheduling/appointments/calendar-schemas";
import { calendarKeys, moveAppointment, type CalendarFilter, type MoveVariables } from "@/app/_lib/queries/calendar";
import { ApiError } from "@/app/_lib/api";
import type { Banner } from "./calendar-banner";

/**
 * A drag's move or resize, shown at once and rolled back if the server refuses it; the refusal
 * (a double booking, a stale copy, outside working hours) is shown as it came, naming the conflict.
 */
export function useMoveAppointment(
  filter: CalendarFilter,
  setBanner: (b: Banner | null) => void,
  onMoved?: (
    before: AppointmentView,
    after: AppointmentView,
    v: MoveVariables,
    moveAgain: (v: MoveVariables) => void,
  ) => void,
) {
  const queryClient = useQueryClient();
  const key = calendarKeys.range(filter);
  const mutation = useMutation({
    mutationFn: moveAppointment,
    onMutate: async (v: MoveVariables) => {
      setBanner(null);
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<CalendarRange>(key);
      queryClient.setQueryData<CalendarRange>(
        key,
        (old) =>
          old && {
            ...old,
            appointments: old.appointments.map((a) => (a.id === v.appointment.id ? { ...a, ...v.patch } : a)),
          },
      );
      return { previous };
    },
    onError: (err, v, ctx) => {
      if (ctx?.previous) queryClient.setQueryData(key, ctx.previous);
      const outside = err instanceof ApiError && err.details?.reason === "outside_hours";
      setBanner({
        tone: outside ? "warning" : "danger",
        text: err.message,
        retry: outside
          ? { label: "Move anyway", run: () => mutation.mutate({ ...v, allowOutsideHours: true }) }
          : undefined,
      });
    },
    onSuccess: (saved, v) => {
      onMoved?.(v.appointment, saved, v, (next) => mutation.mutate(next));
      queryClient.setQueryData<CalendarRange>(
        key,
        (old) => old && { ...old, appointments: old.appointments.map((a) => (a.id === saved.id ? saved : a)) },
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: calendarKeys.all }),
  });
  return mutation;
}
