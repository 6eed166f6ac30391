import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import {
  addExceptionBody,
  availabilityDto,
  exceptionParams,
  setHoursBody,
  slotDto,
  slotsParams,
  slotsQuery,
  therapistParams,
} from "@/lib/scheduling/availability/schemas";

export const getAvailability = defineOperation({
  id: "getAvailability",
  method: "GET",
  path: "/api/therapists/{therapistId}/availability",
  tag: "Scheduling",
  summary: "A therapist's weekly hours and exceptions",
  auth: { permission: "schedule.manage" },
  params: therapistParams,
  response: availabilityDto,
});

export const setWeeklyHours = defineOperation({
  id: "setWeeklyHours",
  method: "PUT",
  path: "/api/therapists/{therapistId}/availability/hours",
  tag: "Scheduling",
  summary: "Set the weekly hours (several blocks a day; 409 when changed elsewhere)",
  auth: { permission: "schedule.manage" },
  params: therapistParams,
  body: setHoursBody,
  response: availabilityDto,
  exampleBody: {
    blocks: [
      { weekday: 1, start: "09:00", end: "12:30" },
      { weekday: 1, start: "13:30", end: "17:00" },
    ],
    version: 0,
  },
});

export const addAvailabilityException = defineOperation({
  id: "addAvailabilityException",
  method: "POST",
  path: "/api/therapists/{therapistId}/availability/exceptions",
  tag: "Scheduling",
  summary: "Add time off or extra hours",
  auth: { permission: "schedule.manage" },
  params: therapistParams,
  body: addExceptionBody,
  response: availabilityDto,
  successStatus: 201,
  exampleBody: { kind: "time_off", startDate: "2026-12-24", endDate: "2026-12-26", note: "Christmas" },
});

export const deleteAvailabilityException = defineOperation({
  id: "deleteAvailabilityException",
  method: "DELETE",
  path: "/api/therapists/{therapistId}/availability/exceptions/{exceptionId}",
  tag: "Scheduling",
  summary: "Remove time off or extra hours",
  auth: { permission: "schedule.manage" },
  params: exceptionParams,
  response: availabilityDto,
});

export const findSlots = defineOperation({
  id: "findSlots",
  method: "GET",
  path: "/api/appointment-types/{typeId}/slots",
  tag: "Scheduling",
  summary: "The next free slots for an appointment type, optionally with one therapist",
  auth: { permission: "schedule.manage" },
  params: slotsParams,
  query: slotsQuery,
  response: z.array(slotDto),
});
