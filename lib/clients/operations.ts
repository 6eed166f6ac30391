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
import { clientInvitationBody, invitationDto } from "@/lib/identity/invitations/schemas";

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

export const getPortalMe = defineOperation({
  id: "getPortalMe",
  method: "GET",
  path: "/api/portal/me",
  tag: "Portal",
  summary: "The client's own record",
  auth: { permission: "portal.self" },
  response: clientDetail,
});
