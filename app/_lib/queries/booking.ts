import { queryOptions } from "@tanstack/react-query";
import { api } from "@/app/_lib/api";
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

/** Dates and times on the clinic's clocks, the same on the server and in the browser. */
export function clinicFormat(timeZone: string) {
  const day = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", timeZone });
  const shortDay = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone });
  const clock = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone });
  const strip = (s: string) => s.replace(",", "");
  return {
    day: (iso: string) => strip(day.format(new Date(iso))),
    shortDay: (iso: string) => strip(shortDay.format(new Date(iso))),
    time: (iso: string) => clock.format(new Date(iso)),
    /** A clinic-local date "YYYY-MM-DD" as "Tuesday 10 March" (noon UTC never crosses a date line that matters here). */
    date: (localDate: string) =>
      strip(
        new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" }).format(
          new Date(`${localDate}T12:00:00Z`),
        ),
      ),
    shortDate: (localDate: string) =>
      strip(
        new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" }).format(
          new Date(`${localDate}T12:00:00Z`),
        ),
      ),
  };
}
