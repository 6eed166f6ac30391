/** Client messages: the signed link in an appointment message (no sign-in). */
import { defineOperation } from "@/lib/http/operation";
import { appointmentLinkParams, managedAppointmentDto } from "@/lib/messaging/schemas";

export const getAppointmentByLink = defineOperation({
  id: "getAppointmentByLink",
  method: "GET",
  path: "/api/public/appointment-links/{linkToken}",
  tag: "Client messages",
  summary:
    "The appointment a signed message link is about, and whether it can still be cancelled online (404 for a forged or expired link)",
  auth: { public: true },
  params: appointmentLinkParams,
  response: managedAppointmentDto,
});

export const cancelAppointmentByLink = defineOperation({
  id: "cancelAppointmentByLink",
  method: "POST",
  path: "/api/public/appointment-links/{linkToken}/cancel",
  tag: "Client messages",
  summary:
    "Cancel the appointment from a signed message link, within the clinic's notice period (409 naming the period when too late, or when already cancelled)",
  auth: { public: true },
  params: appointmentLinkParams,
  response: managedAppointmentDto,
});
