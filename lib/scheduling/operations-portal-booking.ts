/** The booking API operations (each a defineOperation; collected by lib/api/registry.ts). */
import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import {
  bookedDto,
  bookingOptionsDto,
  myAppointmentParams,
  myAppointmentsDto,
  portalAppointmentDto,
  portalBookBody,
  portalSlotsDto,
  portalSlotsQuery,
  portalTypeParams,
  rescheduleBody,
  rescheduleSlotsQuery,
} from "@/lib/scheduling/portal-booking/schemas";
import {
  calendarFeedStatusDto,
  createdCalendarFeedDto,
  feedTherapistParams,
  feedTokenParams,
} from "@/lib/scheduling/calendar-feed/schemas";

export const getBookingOptions = defineOperation({
  id: "getBookingOptions",
  method: "GET",
  path: "/api/portal/booking",
  tag: "Portal",
  summary: "What the client may book online (types and therapists), or why not",
  auth: { permission: "portal.self" },
  response: bookingOptionsDto,
});

export const listPortalSlots = defineOperation({
  id: "listPortalSlots",
  method: "GET",
  path: "/api/portal/appointment-types/{typeId}/slots",
  tag: "Portal",
  summary: "Free online slots for a type over the next days, by clinic-local date",
  auth: { permission: "portal.self" },
  params: portalTypeParams,
  query: portalSlotsQuery,
  response: portalSlotsDto,
});

export const listMyAppointments = defineOperation({
  id: "listMyAppointments",
  method: "GET",
  path: "/api/portal/appointments",
  tag: "Portal",
  summary: "The client's upcoming and past appointments",
  auth: { permission: "portal.self" },
  response: myAppointmentsDto,
});

export const bookOnline = defineOperation({
  id: "bookOnline",
  method: "POST",
  path: "/api/portal/appointments",
  tag: "Portal",
  summary: "Book an appointment online (idempotency key required; 409 when refused or taken)",
  auth: { permission: "portal.self" },
  body: portalBookBody,
  response: bookedDto,
  successStatus: 201,
  exampleBody: {
    typeId: "00000000-0000-4000-8000-000000000000",
    therapistId: null,
    startsAt: "2027-01-04T10:00:00Z",
    idempotencyKey: "2b1f0c36-6f0e-4d3a-9d7e-8f1f3c2a5b60",
  },
});

export const cancelMyAppointment = defineOperation({
  id: "cancelMyAppointment",
  method: "POST",
  path: "/api/portal/appointments/{myAppointmentId}/cancel",
  tag: "Portal",
  summary: "Cancel one's own appointment, up to the clinic's notice period (409 naming the period after it)",
  auth: { permission: "portal.self" },
  params: myAppointmentParams,
  response: portalAppointmentDto,
});

export const myAppointmentIcs = defineOperation({
  id: "myAppointmentIcs",
  method: "GET",
  path: "/api/portal/appointments/{myAppointmentId}/ics",
  tag: "Portal",
  summary: "One of the client's own appointments as an .ics file",
  auth: { permission: "portal.self" },
  params: myAppointmentParams,
  response: z.string(),
  produces: "text/calendar",
});

export const getCalendarFeed = defineOperation({
  id: "getCalendarFeed",
  method: "GET",
  path: "/api/therapists/{therapistId}/calendar-feed",
  tag: "Scheduling",
  summary: "Whether the therapist has a live calendar feed (never its URL)",
  auth: { permission: "schedule.manage" },
  params: feedTherapistParams,
  response: calendarFeedStatusDto,
});

export const createCalendarFeed = defineOperation({
  id: "createCalendarFeed",
  method: "POST",
  path: "/api/therapists/{therapistId}/calendar-feed",
  tag: "Scheduling",
  summary: "Create or rotate the therapist's secret feed URL (shown once; earlier URLs stop working)",
  auth: { permission: "schedule.manage" },
  params: feedTherapistParams,
  response: createdCalendarFeedDto,
  successStatus: 201,
});

export const revokeCalendarFeed = defineOperation({
  id: "revokeCalendarFeed",
  method: "DELETE",
  path: "/api/therapists/{therapistId}/calendar-feed",
  tag: "Scheduling",
  summary: "Revoke the therapist's calendar feed",
  auth: { permission: "schedule.manage" },
  params: feedTherapistParams,
  response: calendarFeedStatusDto,
});

export const calendarFeed = defineOperation({
  id: "calendarFeed",
  method: "GET",
  path: "/api/calendar-feeds/{token}/feed.ics",
  tag: "Scheduling",
  summary: "A therapist's iCalendar feed (no session: the secret token is the key; 404 when revoked)",
  auth: { public: true },
  params: feedTokenParams,
  response: z.string(),
  produces: "text/calendar",
});

export const listRescheduleSlots = defineOperation({
  id: "listRescheduleSlots",
  method: "GET",
  path: "/api/portal/appointments/{myAppointmentId}/slots",
  tag: "Portal",
  summary:
    "Free times to move one's own appointment to: same type and therapist (409 when it can no longer be moved online)",
  auth: { permission: "portal.self" },
  params: myAppointmentParams,
  query: rescheduleSlotsQuery,
  response: portalSlotsDto,
});

export const rescheduleMyAppointment = defineOperation({
  id: "rescheduleMyAppointment",
  method: "POST",
  path: "/api/portal/appointments/{myAppointmentId}/reschedule",
  tag: "Portal",
  summary:
    "Move one's own appointment to another free time, up to the notice period; the old time is released in the same transaction",
  auth: { permission: "portal.self" },
  params: myAppointmentParams,
  body: rescheduleBody,
  response: portalAppointmentDto,
  exampleBody: { startsAt: "2027-01-05T10:00:00Z", version: 1 },
});
