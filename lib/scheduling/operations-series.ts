/** The series, waitlist and client-attendance API operations (each a defineOperation; collected by lib/api/registry.ts). */
import { defineOperation } from "@/lib/http/operation";
import {
  cancelSeriesBody,
  cancelSeriesDto,
  createSeriesBody,
  seriesDto,
  seriesParams,
  seriesPreviewBody,
  seriesReportDto,
} from "@/lib/scheduling/appointments/series-schemas";
import {
  appointmentParams,
  freedSlotsDto,
  offerBody,
  offerResultDto,
  slotMatchesDto,
  waitlistEntryBody,
  waitlistEntryDto,
  waitlistEntryParams,
  waitlistPatchBody,
  waitlistQuery,
} from "@/lib/scheduling/waitlist/schemas";
import {
  clientAppointmentsDto,
  onlineBookingFlagBody,
  onlineBookingFlagDto,
} from "@/lib/scheduling/attendance/schemas";
import { clientIdParams } from "@/lib/clients/schemas";
import { z } from "zod";

const exampleSeries = {
  clientId: "00000000-0000-4000-8000-000000000001",
  typeId: "00000000-0000-4000-8000-000000000002",
  therapistUserId: "00000000-0000-4000-8000-000000000003",
  roomId: null,
  rule: { start: "2027-03-01T09:00", intervalWeeks: 1, count: 12 },
};

export const previewSeries = defineOperation({
  id: "previewSeries",
  method: "POST",
  path: "/api/appointment-series/preview",
  tag: "Scheduling",
  summary:
    "Check every date of a recurring series: ok or the conflict (what is in the way) with up to 3 alternatives each",
  auth: { permission: "schedule.manage" },
  body: seriesPreviewBody,
  response: seriesReportDto,
  exampleBody: exampleSeries,
});

export const createSeries = defineOperation({
  id: "createSeries",
  method: "POST",
  path: "/api/appointment-series",
  tag: "Scheduling",
  summary:
    "Book a series all or nothing, with a choice per date (keep, alternative, skip); 409 with a fresh report when a date is no longer free",
  auth: { permission: "schedule.manage" },
  body: createSeriesBody,
  response: seriesDto,
  successStatus: 201,
  exampleBody: { ...exampleSeries, choices: [{ index: 8, action: "skip" }] },
});

export const getSeries = defineOperation({
  id: "getSeries",
  method: "GET",
  path: "/api/appointment-series/{seriesId}",
  tag: "Scheduling",
  summary: "A series and all its appointments",
  auth: { permission: "schedule.manage" },
  params: seriesParams,
  response: seriesDto,
});

export const cancelSeries = defineOperation({
  id: "cancelSeries",
  method: "POST",
  path: "/api/appointment-series/{seriesId}/cancel",
  tag: "Scheduling",
  summary: "Cancel the rest of a series from a date (sessions not yet started)",
  auth: { permission: "schedule.manage" },
  params: seriesParams,
  body: cancelSeriesBody,
  response: cancelSeriesDto,
  exampleBody: { fromDate: "2027-03-01", reason: "Treatment plan finished" },
});

export const listWaitlist = defineOperation({
  id: "listWaitlist",
  method: "GET",
  path: "/api/waitlist",
  tag: "Waitlist",
  summary: "Waitlist entries (open by default; filter by status)",
  auth: { permission: "schedule.manage" },
  query: waitlistQuery,
  response: z.array(waitlistEntryDto),
});

export const addWaitlistEntry = defineOperation({
  id: "addWaitlistEntry",
  method: "POST",
  path: "/api/waitlist",
  tag: "Waitlist",
  summary: "Put a client on the waitlist with their preferred type, therapists, days and times",
  auth: { permission: "schedule.manage" },
  body: waitlistEntryBody,
  response: waitlistEntryDto,
  successStatus: 201,
  exampleBody: {
    clientId: "00000000-0000-4000-8000-000000000001",
    weekdays: [2, 4],
    timeFrom: "08:00",
    timeTo: "12:00",
  },
});

export const updateWaitlistEntry = defineOperation({
  id: "updateWaitlistEntry",
  method: "PATCH",
  path: "/api/waitlist/{entryId}",
  tag: "Waitlist",
  summary: "Edit a waitlist entry's preferences, or set it back to waiting",
  auth: { permission: "schedule.manage" },
  params: waitlistEntryParams,
  body: waitlistPatchBody,
  response: waitlistEntryDto,
  exampleBody: { weekdays: [1, 3], note: "Mornings best" },
});

export const removeWaitlistEntry = defineOperation({
  id: "removeWaitlistEntry",
  method: "DELETE",
  path: "/api/waitlist/{entryId}",
  tag: "Waitlist",
  summary: "Take a client off the waitlist (the entry is kept as removed)",
  auth: { permission: "schedule.manage" },
  params: waitlistEntryParams,
  response: waitlistEntryDto,
});

export const offerWaitlistSlot = defineOperation({
  id: "offerWaitlistSlot",
  method: "POST",
  path: "/api/waitlist/{entryId}/offer",
  tag: "Waitlist",
  summary: "Offer a freed slot to a waiting client; with book: true, book them into it (409 when taken meanwhile)",
  auth: { permission: "schedule.manage" },
  params: waitlistEntryParams,
  body: offerBody,
  response: offerResultDto,
  exampleBody: {},
});

export const recentlyFreedSlots = defineOperation({
  id: "recentlyFreedSlots",
  method: "GET",
  path: "/api/waitlist/freed-slots",
  tag: "Waitlist",
  summary: "Future appointments cancelled in the last 7 days, still free, that waiting clients would take",
  auth: { permission: "schedule.manage" },
  response: freedSlotsDto,
});

export const waitlistMatches = defineOperation({
  id: "waitlistMatches",
  method: "GET",
  path: "/api/appointments/{appointmentId}/waitlist-matches",
  tag: "Waitlist",
  summary: "Waiting clients whose preferences fit an appointment's slot, best first, with why they match",
  auth: { permission: "schedule.manage" },
  params: appointmentParams,
  response: slotMatchesDto,
});

export const getClientAppointments = defineOperation({
  id: "getClientAppointments",
  method: "GET",
  path: "/api/clients/{clientId}/appointments",
  tag: "Scheduling",
  summary:
    "A client's upcoming and recent appointments, no-show and late-cancellation counts (12 months) and the online-booking flag",
  auth: { permission: "schedule.manage" },
  params: clientIdParams,
  response: clientAppointmentsDto,
});

export const setOnlineBookingFlag = defineOperation({
  id: "setOnlineBookingFlag",
  method: "PUT",
  path: "/api/clients/{clientId}/online-booking-flag",
  tag: "Scheduling",
  summary: 'Flag a client "do not book online" with a reason (safety, repeated no-shows, other)',
  auth: { permission: "schedule.manage" },
  params: clientIdParams,
  body: onlineBookingFlagBody,
  response: onlineBookingFlagDto,
  exampleBody: { kind: "no_shows", note: "3 missed since March" },
});

export const clearOnlineBookingFlag = defineOperation({
  id: "clearOnlineBookingFlag",
  method: "DELETE",
  path: "/api/clients/{clientId}/online-booking-flag",
  tag: "Scheduling",
  summary: "Allow a client to book online again",
  auth: { permission: "schedule.manage" },
  params: clientIdParams,
  response: onlineBookingFlagDto,
});
