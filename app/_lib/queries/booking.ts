import { queryOptions } from "@tanstack/react-query";
import { call, hrefFor, ops } from "@/app/_lib/api-client";
import { useClinicFormat } from "@/app/_components/clinic-format";
import type { PortalBookInput, RescheduleInput } from "@/lib/scheduling/portal-booking/schemas";

/** The client's own scheduling data lives under ["portal", …] like the rest of the portal. */
export const bookingKeys = {
  options: ["portal", "booking"] as const,
  appointments: ["portal", "appointments"] as const,
  slots: (typeId: string, therapistId: string | null) => ["portal", "slots", typeId, therapistId ?? "any"] as const,
  rescheduleSlots: (appointmentId: string) => ["portal", "reschedule-slots", appointmentId] as const,
  feed: (therapistId: string) => ["calendar-feed", therapistId] as const,
};

export function bookingOptionsQuery() {
  return queryOptions({
    queryKey: bookingKeys.options,
    queryFn: ({ signal }) => call(ops.getBookingOptions, { signal }),
  });
}

export function myAppointmentsQuery() {
  return queryOptions({
    queryKey: bookingKeys.appointments,
    queryFn: ({ signal }) => call(ops.listMyAppointments, { signal }),
  });
}

/** Free slots over the next two weeks; refetched when the client comes back to the tab. */
export function portalSlotsQuery(typeId: string, therapistId: string | null) {
  return queryOptions({
    queryKey: bookingKeys.slots(typeId, therapistId),
    queryFn: ({ signal }) =>
      call(ops.listPortalSlots, { params: { typeId }, query: { therapistId: therapistId ?? undefined }, signal }),
    staleTime: 30_000,
  });
}

/** Free times to move one appointment to (same type and therapist). */
export function rescheduleSlotsQuery(appointmentId: string) {
  return queryOptions({
    queryKey: bookingKeys.rescheduleSlots(appointmentId),
    queryFn: ({ signal }) => call(ops.listRescheduleSlots, { params: { myAppointmentId: appointmentId }, signal }),
    staleTime: 30_000,
  });
}

export function rescheduleMyAppointment(appointmentId: string, body: RescheduleInput) {
  return call(ops.rescheduleMyAppointment, { params: { myAppointmentId: appointmentId }, body });
}

export function bookOnline(body: PortalBookInput) {
  return call(ops.bookOnline, { body });
}

export function cancelMyAppointment(id: string) {
  return call(ops.cancelMyAppointment, { params: { myAppointmentId: id } });
}

export const icsHref = (appointmentId: string) =>
  hrefFor(ops.myAppointmentIcs, { params: { myAppointmentId: appointmentId } });

export function calendarFeedQuery(therapistId: string) {
  return queryOptions({
    queryKey: bookingKeys.feed(therapistId),
    queryFn: ({ signal }) => call(ops.getCalendarFeed, { params: { therapistId }, signal }),
  });
}

export function createCalendarFeed(therapistId: string) {
  return call(ops.createCalendarFeed, { params: { therapistId } });
}

export function revokeCalendarFeed(therapistId: string) {
  return call(ops.revokeCalendarFeed, { params: { therapistId } });
}

/** The portal's dates and times: the clinic's clocks and locale (lib/format/clinic-format.ts). */
export function usePortalFormat() {
  const f = useClinicFormat();
  return {
    day: (iso: string) => f.at(iso, "weekdayLong"),
    shortDay: (iso: string) => f.at(iso, "weekdayShort"),
    time: (iso: string) => f.at(iso, "time"),
    /** A clinic-local date "YYYY-MM-DD" as "Tuesday 10 March" / "Tuesday, March 10". */
    date: (localDate: string) => f.day(localDate, "weekdayLong"),
    shortDate: (localDate: string) => f.day(localDate, "weekdayShort"),
  };
}
