import { queryOptions } from "@tanstack/react-query";
import { api } from "@/app/_lib/api";
import { useClinicFormat } from "@/app/_components/clinic-format";
import type {
  BookedDto,
  BookingOptionsDto,
  MyAppointmentsDto,
  PortalAppointmentDto,
  PortalBookInput,
  PortalSlotsDto,
} from "@/lib/booking/schemas";
import type { CalendarFeedStatusDto, CreatedCalendarFeedDto } from "@/lib/calendar-feed/schemas";

/** The client's own scheduling data lives under ["portal", …] like the rest of the portal. */
export const bookingKeys = {
  options: ["portal", "booking"] as const,
  appointments: ["portal", "appointments"] as const,
  slots: (typeId: string, therapistId: string | null) => ["portal", "slots", typeId, therapistId ?? "any"] as const,
  feed: (therapistId: string) => ["calendar-feed", therapistId] as const,
};

export function bookingOptionsQuery() {
  return queryOptions({
    queryKey: bookingKeys.options,
    queryFn: ({ signal }) => api<BookingOptionsDto>("/api/portal/booking", { signal }),
  });
}

export function myAppointmentsQuery() {
  return queryOptions({
    queryKey: bookingKeys.appointments,
    queryFn: ({ signal }) => api<MyAppointmentsDto>("/api/portal/appointments", { signal }),
  });
}

/** Free slots over the next two weeks; refetched when the client comes back to the tab. */
export function portalSlotsQuery(typeId: string, therapistId: string | null) {
  const q = therapistId ? `?therapistId=${encodeURIComponent(therapistId)}` : "";
  return queryOptions({
    queryKey: bookingKeys.slots(typeId, therapistId),
    queryFn: ({ signal }) => api<PortalSlotsDto>(`/api/portal/appointment-types/${typeId}/slots${q}`, { signal }),
    staleTime: 30_000,
  });
}

export function bookOnline(body: PortalBookInput) {
  return api<BookedDto>("/api/portal/appointments", { method: "POST", body });
}

export function cancelMyAppointment(id: string) {
  return api<PortalAppointmentDto>(`/api/portal/appointments/${id}/cancel`, { method: "POST" });
}

export const icsHref = (appointmentId: string) => `/api/portal/appointments/${appointmentId}/ics`;

export function calendarFeedQuery(therapistId: string) {
  return queryOptions({
    queryKey: bookingKeys.feed(therapistId),
    queryFn: ({ signal }) => api<CalendarFeedStatusDto>(`/api/therapists/${therapistId}/calendar-feed`, { signal }),
  });
}

export function createCalendarFeed(therapistId: string) {
  return api<CreatedCalendarFeedDto>(`/api/therapists/${therapistId}/calendar-feed`, { method: "POST" });
}

export function revokeCalendarFeed(therapistId: string) {
  return api<CalendarFeedStatusDto>(`/api/therapists/${therapistId}/calendar-feed`, { method: "DELETE" });
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
