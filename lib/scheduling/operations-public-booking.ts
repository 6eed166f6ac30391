/** The public booking page's operations (no sign-in) and the clinic's settings for it. */
import { defineOperation } from "@/lib/http/operation";
import { z } from "zod";
import {
  bookingDecisionBody,
  bookingDecisionDto,
  bookingRequestParams,
  pendingRequestDto,
  clinicSlugParams,
  confirmationDto,
  confirmationParams,
  holdBody,
  holdDto,
  publicBookingOptionsDto,
  publicBookingSettingsBody,
  publicBookingSettingsDto,
  publicSlotsDto,
  publicSlotsParams,
  publicSlotsQuery,
} from "@/lib/scheduling/public-booking/schemas";

export const getPublicBookingOptions = defineOperation({
  id: "getPublicBookingOptions",
  method: "GET",
  path: "/api/public/booking/{clinicSlug}",
  tag: "Public booking",
  summary: "What a new client may book at a clinic (404 when the clinic has no public page)",
  auth: { public: true },
  params: clinicSlugParams,
  response: publicBookingOptionsDto,
});

export const listPublicSlots = defineOperation({
  id: "listPublicSlots",
  method: "GET",
  path: "/api/public/booking/{clinicSlug}/types/{typeId}/slots",
  tag: "Public booking",
  summary: "Free times for a type within the clinic's lead time and horizon, by clinic-local date",
  auth: { public: true },
  params: publicSlotsParams,
  query: publicSlotsQuery,
  response: publicSlotsDto,
});

export const holdPublicSlot = defineOperation({
  id: "holdPublicSlot",
  method: "POST",
  path: "/api/public/booking/{clinicSlug}/holds",
  tag: "Public booking",
  summary:
    "Hold a time for a few minutes and email a confirmation link (same answer for known and new addresses; 409 when taken, 429 when rate-limited)",
  auth: { public: true },
  params: clinicSlugParams,
  body: holdBody,
  response: holdDto,
  successStatus: 202,
  maxBodyBytes: 8_000,
  exampleBody: {
    typeId: "00000000-0000-4000-8000-000000000000",
    startsAt: "2026-12-01T10:00:00Z",
    firstName: "Sam",
    lastName: "New",
    email: "sam@example.test",
    phone: "+44 7700 900123",
    dateOfBirth: "1990-01-01",
    reason: "Neck pain",
  },
});

export const getBookingConfirmation = defineOperation({
  id: "getBookingConfirmation",
  method: "GET",
  path: "/api/public/booking-confirmations/{token}",
  tag: "Public booking",
  summary: "What an emailed confirmation link is about, and where it stands",
  auth: { public: true },
  params: confirmationParams,
  response: confirmationDto,
});

export const confirmBooking = defineOperation({
  id: "confirmBooking",
  method: "POST",
  path: "/api/public/booking-confirmations/{token}",
  tag: "Public booking",
  summary: "Confirm a held time by its emailed link (idempotent; 409 when it expired)",
  auth: { public: true },
  params: confirmationParams,
  response: confirmationDto,
});

export const getPublicBookingSettings = defineOperation({
  id: "getPublicBookingSettings",
  method: "GET",
  path: "/api/clinic/public-booking",
  tag: "Clinic",
  summary: "The public booking page's settings: on/off, types, lead time, horizon, approval, embedding sites",
  auth: { permission: "clinic.settings" },
  response: publicBookingSettingsDto,
});

export const updatePublicBookingSettings = defineOperation({
  id: "updatePublicBookingSettings",
  method: "PUT",
  path: "/api/clinic/public-booking",
  tag: "Clinic",
  summary: "Change the public booking page's settings",
  auth: { permission: "clinic.settings" },
  body: publicBookingSettingsBody,
  response: publicBookingSettingsDto,
  exampleBody: {
    enabled: true,
    leadHours: 24,
    horizonDays: 28,
    requiresApproval: false,
    embedOrigins: ["https://www.clinic.example"],
    typeIds: [],
  },
});

export const listBookingRequests = defineOperation({
  id: "listBookingRequests",
  method: "GET",
  path: "/api/booking-requests",
  tag: "Scheduling",
  summary: "Public-page requests waiting for a therapist to accept them (the reason only for clinicians)",
  auth: { permission: "schedule.manage" },
  response: z.array(pendingRequestDto),
});

export const decideBookingRequest = defineOperation({
  id: "decideBookingRequest",
  method: "POST",
  path: "/api/booking-requests/{requestId}/decision",
  tag: "Scheduling",
  summary: "Accept (book) or decline a public-page request (409 when already answered or the time is taken)",
  auth: { permission: "schedule.manage" },
  params: bookingRequestParams,
  body: bookingDecisionBody,
  response: bookingDecisionDto,
  exampleBody: { accept: true },
});
