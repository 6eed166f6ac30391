/** The calendar API operations (each a defineOperation; collected by lib/api/registry.ts). */
import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import {
  appointmentParams,
  appointmentView,
  bookedAppointmentDto,
  calendarRangeDto,
  cancelAppointmentBody,
  createAppointmentBody,
  listAppointmentsQuery,
  moveAppointmentBody,
  openVisitDto,
  setStatusBody,
} from "@/lib/scheduling/appointments/calendar-schemas";

export const listAppointments = defineOperation({
  id: "listAppointments",
  method: "GET",
  path: "/api/appointments",
  tag: "Scheduling",
  summary: "The calendar for a range: appointments (filter by therapist and room) and each therapist's working time",
  auth: { permission: "schedule.manage" },
  query: listAppointmentsQuery,
  response: calendarRangeDto,
});

export const createAppointment = defineOperation({
  id: "createAppointment",
  method: "POST",
  path: "/api/appointments",
  tag: "Scheduling",
  summary:
    "Book an appointment (409 naming the conflict; 409 outside working hours unless allowOutsideHours; an idempotency key makes retries safe)",
  auth: { permission: "schedule.manage" },
  body: createAppointmentBody,
  response: bookedAppointmentDto,
  successStatus: 201,
  exampleBody: {
    clientId: "00000000-0000-4000-8000-000000000001",
    therapistUserId: "00000000-0000-4000-8000-000000000002",
    typeId: "00000000-0000-4000-8000-000000000003",
    roomId: "00000000-0000-4000-8000-000000000004",
    startsAt: "2026-12-01T10:00:00Z",
    idempotencyKey: "b7d9c1e2-booking-1",
  },
});

export const getAppointment = defineOperation({
  id: "getAppointment",
  method: "GET",
  path: "/api/appointments/{appointmentId}",
  tag: "Scheduling",
  summary: "One appointment",
  auth: { permission: "schedule.manage" },
  params: appointmentParams,
  response: appointmentView,
});

export const moveAppointment = defineOperation({
  id: "moveAppointment",
  method: "PATCH",
  path: "/api/appointments/{appointmentId}",
  tag: "Scheduling",
  summary:
    "Move or resize an appointment, or change its therapist or room (409 when stale, overlapping, or outside hours without allowOutsideHours)",
  auth: { permission: "schedule.manage" },
  params: appointmentParams,
  body: moveAppointmentBody,
  response: appointmentView,
  exampleBody: {
    version: 1,
    startsAt: "2031-06-10T08:00:00Z",
    endsAt: "2031-06-10T09:00:00Z",
    allowOutsideHours: true,
  },
});

export const setAppointmentStatus = defineOperation({
  id: "setAppointmentStatus",
  method: "POST",
  path: "/api/appointments/{appointmentId}/status",
  tag: "Scheduling",
  summary: "Mark arrived, completed or no-show (or undo one step)",
  auth: { permission: "schedule.manage" },
  params: appointmentParams,
  body: setStatusBody,
  response: appointmentView,
  exampleBody: { status: "arrived", version: 1 },
});

export const cancelAppointment = defineOperation({
  id: "cancelAppointment",
  method: "POST",
  path: "/api/appointments/{appointmentId}/cancel",
  tag: "Scheduling",
  summary: "Cancel with a reason; a client's cancellation inside the notice period is recorded as late",
  auth: { permission: "schedule.manage" },
  params: appointmentParams,
  body: cancelAppointmentBody,
  response: appointmentView,
  exampleBody: { reason: "Client is unwell", cancelledBy: "client", version: 1 },
});

export const openAppointmentVisit = defineOperation({
  id: "openAppointmentVisit",
  method: "POST",
  path: "/api/appointments/{appointmentId}/visit",
  tag: "Scheduling",
  summary: "Open the visit for an appointment and link it, or return the linked one",
  auth: { permission: "clinical.write" },
  params: appointmentParams,
  response: openVisitDto,
});

export const withholdChangeNotice = defineOperation({
  id: "withholdChangeNotice",
  method: "POST",
  path: "/api/appointments/{appointmentId}/change-notice/withhold",
  tag: "Scheduling",
  summary:
    "Don't tell the client about the last change: withdraws the change message while it waits (withheld: false once it has gone)",
  auth: { permission: "schedule.manage" },
  params: appointmentParams,
  response: z.object({ withheld: z.boolean() }),
});
