import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { call, ops } from "@/app/_lib/api-client";
import type { AppointmentView, CancelAppointmentInput } from "@/lib/scheduling/appointments/calendar-schemas";

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
  const query = {
    from: f.from,
    to: f.to,
    therapistId: f.therapistId || undefined,
    roomId: f.roomId || undefined,
    includeCancelled: f.includeCancelled ? ("true" as const) : undefined,
  };
  return queryOptions({
    queryKey: calendarKeys.range(f),
    queryFn: ({ signal }) => call(ops.listAppointments, { query, signal }),
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
  /** Email the client about the change (the server's default is yes). */
  notifyClient?: boolean;
}

export const moveAppointment = ({ appointment, patch, allowOutsideHours, notifyClient }: MoveVariables) =>
  call(ops.moveAppointment, {
    params: { appointmentId: appointment.id },
    body: { version: appointment.version, ...patch, allowOutsideHours, notifyClient },
  });

/** Withdraws the change email still waiting to go (a move agreed with the client on the phone). */
export const withholdChangeNotice = (appointmentId: string) =>
  call(ops.withholdChangeNotice, { params: { appointmentId } });

export const setAppointmentStatus = (a: AppointmentView, status: "booked" | "arrived" | "completed" | "no_show") =>
  call(ops.setAppointmentStatus, { params: { appointmentId: a.id }, body: { status, version: a.version } });

export const cancelAppointment = (a: AppointmentView, body: Omit<CancelAppointmentInput, "version">) =>
  call(ops.cancelAppointment, { params: { appointmentId: a.id }, body: { ...body, version: a.version } });

export const openAppointmentVisit = (id: string) => call(ops.openAppointmentVisit, { params: { appointmentId: id } });

/** A key per booking attempt; randomUUID needs a secure context, which a tablet on the LAN may not be. */
export function newIdempotencyKey(): string {
  if (typeof crypto !== "undefined" && typeof crypto.randomUUID === "function") return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}
