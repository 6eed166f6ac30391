import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { api } from "@/app/_lib/api";
import type { AppointmentView, CalendarRange } from "@/lib/appointments/calendar-schemas";

export interface CalendarFilter {
  /** Local dates in the clinic's zone, half-open. */
  from: string;
  to: string;
  therapistId: string | null;
  roomId: string | null;
  includeCancelled: boolean;
}

export const calendarKeys = {
  all: ["calendar"] as const,
  range: (f: CalendarFilter) => ["calendar", "range", f] as const,
};

export function calendarQuery(f: CalendarFilter) {
  const params = new URLSearchParams({ from: f.from, to: f.to });
  if (f.therapistId) params.set("therapistId", f.therapistId);
  if (f.roomId) params.set("roomId", f.roomId);
  if (f.includeCancelled) params.set("includeCancelled", "true");
  return queryOptions({
    queryKey: calendarKeys.range(f),
    queryFn: ({ signal }) => api<CalendarRange>(`/api/appointments?${params}`, { signal }),
    // Keep the grid on screen while the next day loads, instead of flashing a skeleton.
    placeholderData: keepPreviousData,
  });
}

export interface MoveVariables {
  appointment: AppointmentView;
  patch: { startsAt?: string; endsAt?: string; therapistUserId?: string; roomId?: string | null };
  allowOutsideHours?: boolean;
  /** This move returns an appointment to where it was (the Undo of a drag). */
  undo?: boolean;
}

export const moveAppointment = ({ appointment, patch, allowOutsideHours }: MoveVariables) =>
  api<AppointmentView>(`/api/appointments/${appointment.id}`, {
    method: "PATCH",
    body: { version: appointment.version, ...patch, allowOutsideHours },
  });

export const setAppointmentStatus = (a: AppointmentView, status: "booked" | "arrived" | "completed" | "no_show") =>
  api<AppointmentView>(`/api/appointments/${a.id}/status`, { method: "POST", body: { status, version: a.version } });

export const cancelAppointment = (a: AppointmentView, reason: string, cancelledBy: "client" | "clinic") =>
  api<AppointmentView>(`/api/appointments/${a.id}/cancel`, {
    method: "POST",
    body: { reason, cancelledBy, version: a.version },
  });

export const openAppointmentVisit = (id: string) =>
  api<{ visitId: string; created: boolean }>(`/api/appointments/${id}/visit`, { method: "POST" });

/** A key per booking attempt; randomUUID needs a secure context, which a tablet on the LAN may not be. */
export function newIdempotencyKey(): string {
  if (typeof crypto !== "undefined" && typeof crypto.randomUUID === "function") return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}
