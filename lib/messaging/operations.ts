/** Client messages: the signed link in an appointment message (no sign-in), and each client's message preferences. */
import { defineOperation } from "@/lib/http/operation";
import { clientIdParams } from "@/lib/clients/schemas";
import { appointmentLinkParams, managedAppointmentDto } from "@/lib/messaging/schemas";
import { messagePreferencesBody, messagePreferencesDto } from "@/lib/messaging/preference-schemas";

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

export const getClientMessagePreferences = defineOperation({
  id: "getClientMessagePreferences",
  method: "GET",
  path: "/api/clients/{clientId}/message-preferences",
  tag: "Client messages",
  summary: "How the client wants to hear from the clinic (email, SMS, both, none for reminders) and their SMS consent",
  auth: { permission: "clients.read" },
  params: clientIdParams,
  response: messagePreferencesDto,
});

export const setClientMessagePreferences = defineOperation({
  id: "setClientMessagePreferences",
  method: "PUT",
  path: "/api/clients/{clientId}/message-preferences",
  tag: "Client messages",
  summary:
    "Record the client's channel and SMS consent (consent stamped with time and source 'staff'; 400 when SMS lacks consent or a mobile number)",
  auth: { permission: "clients.write" },
  params: clientIdParams,
  body: messagePreferencesBody,
  response: messagePreferencesDto,
  exampleBody: { channel: "email", smsConsent: false },
});

export const getMyMessagePreferences = defineOperation({
  id: "getMyMessagePreferences",
  method: "GET",
  path: "/api/portal/message-preferences",
  tag: "Portal",
  summary: "The signed-in client's own message preferences",
  auth: { permission: "portal.self" },
  response: messagePreferencesDto,
});

export const setMyMessagePreferences = defineOperation({
  id: "setMyMessagePreferences",
  method: "PUT",
  path: "/api/portal/message-preferences",
  tag: "Portal",
  summary: "The client chooses how the clinic contacts them and gives or withdraws SMS consent (source 'portal')",
  auth: { permission: "portal.self" },
  body: messagePreferencesBody,
  response: messagePreferencesDto,
  exampleBody: { channel: "email", smsConsent: false },
});
