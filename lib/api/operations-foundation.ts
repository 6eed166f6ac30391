import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import {
  clientDetail,
  clientIdParams,
  clientSummary,
  clientFields,
  listClientsQuery,
  updateClientBody,
} from "@/lib/clients/schemas";
import {
  acceptInvitationBody,
  clientInvitationBody,
  completeResetBody,
  invitationDto,
  invitationIdParams,
  requestResetBody,
  staffInvitationBody,
} from "@/lib/invitations/schemas";
import { auditPageDto, listAuditQuery } from "@/lib/audit/schemas";
import { staffAdminMemberDto } from "@/lib/staff/list-staff";

const role = z.enum(["admin", "therapist", "client"]);

export const health = defineOperation({
  id: "health",
  method: "GET",
  path: "/api/health",
  tag: "System",
  summary: "Liveness and database mode",
  auth: { public: true },
  response: z.object({ status: z.literal("ok"), database: z.enum(["postgres", "pglite"]) }),
});

export const openapi = defineOperation({
  id: "openapi",
  method: "GET",
  path: "/api/openapi.json",
  tag: "System",
  summary: "This OpenAPI 3.1 document",
  auth: { public: true },
  response: z
    .object({
      openapi: z.string(),
      info: z.object({ title: z.string() }).loose(),
      paths: z.record(z.string(), z.unknown()),
    })
    .loose(),
});

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

export const listClients = defineOperation({
  id: "listClients",
  method: "GET",
  path: "/api/clients",
  tag: "Clients",
  summary: "List and search clients",
  auth: { permission: "clients.read" },
  query: listClientsQuery,
  response: z.object({ items: z.array(clientSummary), total: z.number().int() }),
});

export const createClient = defineOperation({
  id: "createClient",
  method: "POST",
  path: "/api/clients",
  tag: "Clients",
  summary: "Create a client record",
  auth: { permission: "clients.write" },
  body: clientFields,
  response: clientDetail,
  successStatus: 201,
  exampleBody: { firstName: "Ada", lastName: "Example", email: "ada@example.test", phone: "+44 7700 900123" },
});

export const getClient = defineOperation({
  id: "getClient",
  method: "GET",
  path: "/api/clients/{clientId}",
  tag: "Clients",
  summary: "One client record",
  auth: { permission: "clients.read" },
  auditRead: { kind: "client" },
  params: clientIdParams,
  response: clientDetail,
});

export const updateClient = defineOperation({
  id: "updateClient",
  method: "PATCH",
  path: "/api/clients/{clientId}",
  tag: "Clients",
  summary: "Edit a client record (409 when someone else saved first)",
  auth: { permission: "clients.write" },
  params: clientIdParams,
  body: updateClientBody,
  response: clientDetail,
  exampleBody: { phone: "+44 7700 900456", version: 1 },
});

export const archiveClient = defineOperation({
  id: "archiveClient",
  method: "POST",
  path: "/api/clients/{clientId}/archive",
  tag: "Clients",
  summary: "Archive a client (soft delete)",
  auth: { permission: "clients.archive" },
  params: clientIdParams,
  response: clientDetail,
});

export const restoreClient = defineOperation({
  id: "restoreClient",
  method: "POST",
  path: "/api/clients/{clientId}/restore",
  tag: "Clients",
  summary: "Restore an archived client",
  auth: { permission: "clients.archive" },
  params: clientIdParams,
  response: clientDetail,
});

export const inviteClient = defineOperation({
  id: "inviteClient",
  method: "POST",
  path: "/api/clients/{clientId}/invitation",
  tag: "Invitations",
  summary: "Invite the client to the portal (returns the one-time link)",
  auth: { permission: "clients.invite" },
  params: clientIdParams,
  body: clientInvitationBody,
  response: invitationDto,
  successStatus: 201,
  exampleBody: { email: "portal-invite@example.test" },
});

export const revokeClientInvitation = defineOperation({
  id: "revokeClientInvitation",
  method: "DELETE",
  path: "/api/clients/{clientId}/invitation",
  tag: "Invitations",
  summary: "Revoke the client's pending portal invitation",
  auth: { permission: "clients.invite" },
  params: clientIdParams,
  response: z.object({ id: z.uuid(), revoked: z.boolean() }),
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

export const listAudit = defineOperation({
  id: "listAudit",
  method: "GET",
  path: "/api/audit",
  tag: "Audit",
  summary:
    "The clinic's audit trail, newest first: filter by person, client, event kind and days; page with nextCursor",
  auth: { permission: "audit.read" },
  query: listAuditQuery,
  response: auditPageDto,
});

export const listOutbox = defineOperation({
  id: "listOutbox",
  method: "GET",
  path: "/api/outbox",
  tag: "Audit",
  summary: "The clinic's outbox: emails and text messages, with why one was not sent",
  auth: { permission: "outbox.read" },
  response: z.array(
    z.object({
      id: z.uuid(),
      channel: z.enum(["email", "sms"]),
      reason: z.string().nullable(),
      to: z.string(),
      subject: z.string(),
      kind: z.string(),
      status: z.string(),
      attempts: z.number().int(),
      createdAt: z.string(),
      sentAt: z.string().nullable(),
    }),
  ),
});

export const getPortalMe = defineOperation({
  id: "getPortalMe",
  method: "GET",
  path: "/api/portal/me",
  tag: "Portal",
  summary: "The client's own record",
  auth: { permission: "portal.self" },
  response: clientDetail,
});
