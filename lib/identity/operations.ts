import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import {
  acceptInvitationBody,
  completeResetBody,
  invitationDto,
  invitationIdParams,
  requestResetBody,
  staffInvitationBody,
} from "@/lib/identity/invitations/schemas";
import { staffAdminMemberDto } from "@/lib/identity/staff/list-staff";

const role = z.enum(["admin", "therapist", "client"]);

export const getMe = defineOperation({
  id: "getMe",
  method: "GET",
  path: "/api/me",
  tag: "Session",
  summary: "The signed-in person, their clinics and the current one",
  auth: { user: true },
  response: z.object({
    user: z.object({ id: z.uuid(), email: z.string(), name: z.string() }),
    clinics: z.array(z.object({ clinicId: z.uuid(), clinicName: z.string(), roles: z.array(role) })),
    current: z.object({ clinicId: z.uuid(), roles: z.array(role), clientId: z.uuid().nullable() }).nullable(),
  }),
});

export const selectClinic = defineOperation({
  id: "selectClinic",
  method: "POST",
  path: "/api/session/clinic",
  tag: "Session",
  summary: "Choose the clinic to work in",
  auth: { user: true },
  body: z.object({ clinicId: z.uuid("Choose a clinic.") }),
  response: z.object({ clinicId: z.uuid(), home: z.string() }),
});

export const listStaff = defineOperation({
  id: "listStaff",
  method: "GET",
  path: "/api/staff",
  tag: "Staff",
  summary: "Therapists and admins of the clinic",
  auth: { permission: "staff.read" },
  response: z.array(staffAdminMemberDto),
});

export const listInvitations = defineOperation({
  id: "listInvitations",
  method: "GET",
  path: "/api/invitations",
  tag: "Invitations",
  summary: "Pending invitations",
  auth: { permission: "staff.read" },
  response: z.array(invitationDto),
});

export const inviteStaff = defineOperation({
  id: "inviteStaff",
  method: "POST",
  path: "/api/invitations",
  tag: "Invitations",
  summary: "Invite a therapist or admin",
  auth: { permission: "staff.invite" },
  body: staffInvitationBody,
  response: invitationDto,
  successStatus: 201,
  exampleBody: { email: "new.therapist@example.test", role: "therapist" },
});

export const revokeInvitation = defineOperation({
  id: "revokeInvitation",
  method: "DELETE",
  path: "/api/invitations/{invitationId}",
  tag: "Invitations",
  summary: "Revoke a pending staff invitation",
  auth: { permission: "staff.invite" },
  params: invitationIdParams,
  response: z.object({ id: z.uuid(), revoked: z.boolean() }),
});

export const acceptInvitation = defineOperation({
  id: "acceptInvitation",
  method: "POST",
  path: "/api/invitations/accept",
  tag: "Invitations",
  summary: "Accept an invitation: set a password (or confirm an existing login) and join",
  auth: { public: true },
  body: acceptInvitationBody,
  response: z.object({ email: z.string(), clinicId: z.uuid(), home: z.string() }),
});

export const requestPasswordReset = defineOperation({
  id: "requestPasswordReset",
  method: "POST",
  path: "/api/password-reset",
  tag: "Session",
  summary: "Email a password reset link (same answer whether or not the account exists)",
  auth: { public: true },
  body: requestResetBody,
  successStatus: 202,
  exampleBody: { email: "nobody@example.test" },
  response: z.object({ message: z.string() }),
});

export const completePasswordReset = defineOperation({
  id: "completePasswordReset",
  method: "POST",
  path: "/api/password-reset/complete",
  tag: "Session",
  summary: "Set a new password with a reset link",
  auth: { public: true },
  body: completeResetBody,
  response: z.object({ email: z.string() }),
});
