import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import {
  appointmentTypeBody,
  appointmentTypeDto,
  appointmentTypeParams,
  appointmentTypePatchBody,
  clinicSettingsBody,
  clinicSettingsDto,
  roomBody,
  roomDto,
  roomParams,
  roomPatchBody,
} from "@/lib/scheduling/setup/schemas";

export const getClinicSettings = defineOperation({
  id: "getClinicSettings",
  method: "GET",
  path: "/api/clinic/settings",
  tag: "Clinic",
  summary: "The clinic's settings",
  auth: { permission: "clinic.settings" },
  response: clinicSettingsDto,
});

export const updateClinicSettings = defineOperation({
  id: "updateClinicSettings",
  method: "PUT",
  path: "/api/clinic/settings",
  tag: "Clinic",
  summary:
    "Change time zone, opening hours, cancellation notice, online booking, wording (409 when someone saved first)",
  auth: { permission: "clinic.settings" },
  body: clinicSettingsBody,
  response: clinicSettingsDto,
  exampleBody: {
    name: "A Clinic",
    timezone: "Europe/London",
    cancellationNoticeHours: 24,
    onlineBooking: true,
    scopeWording: "self_care",
    openingHours: [{ weekday: 1, start: "09:00", end: "17:00" }],
    version: 1,
  },
});

export const listRooms = defineOperation({
  id: "listRooms",
  method: "GET",
  path: "/api/rooms",
  tag: "Clinic",
  summary: "Treatment rooms",
  auth: { permission: "schedule.manage" },
  response: z.array(roomDto),
});

export const createRoom = defineOperation({
  id: "createRoom",
  method: "POST",
  path: "/api/rooms",
  tag: "Clinic",
  summary: "Add a room",
  auth: { permission: "clinic.settings" },
  body: roomBody,
  response: roomDto,
  successStatus: 201,
  exampleBody: { name: "Room 3" },
});

export const updateRoom = defineOperation({
  id: "updateRoom",
  method: "PATCH",
  path: "/api/rooms/{roomId}",
  tag: "Clinic",
  summary: "Rename or archive a room",
  auth: { permission: "clinic.settings" },
  params: roomParams,
  body: roomPatchBody,
  response: roomDto,
  exampleBody: { name: "Room 3 (upstairs)" },
});

export const listAppointmentTypes = defineOperation({
  id: "listAppointmentTypes",
  method: "GET",
  path: "/api/appointment-types",
  tag: "Clinic",
  summary: "Appointment types",
  auth: { permission: "schedule.manage" },
  response: z.array(appointmentTypeDto),
});

export const createAppointmentType = defineOperation({
  id: "createAppointmentType",
  method: "POST",
  path: "/api/appointment-types",
  tag: "Clinic",
  summary: "Add an appointment type",
  auth: { permission: "clinic.settings" },
  body: appointmentTypeBody,
  response: appointmentTypeDto,
  successStatus: 201,
  exampleBody: { name: "Follow-up 45", durationMin: 45, bufferAfterMin: 15 },
});

export const updateAppointmentType = defineOperation({
  id: "updateAppointmentType",
  method: "PATCH",
  path: "/api/appointment-types/{typeId}",
  tag: "Clinic",
  summary: "Edit or archive an appointment type",
  auth: { permission: "clinic.settings" },
  params: appointmentTypeParams,
  body: appointmentTypePatchBody,
  response: appointmentTypeDto,
  exampleBody: { bufferAfterMin: 10 },
});
