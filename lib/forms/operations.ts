import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import { clientIdParams } from "@/lib/clients/schemas";
import {
  clientFormParams,
  decideProposalBody,
  fillFormDto,
  formRequestListDto,
  portalFormParams,
  proposalListDto,
  proposalParams,
  sendFormsBody,
  submissionDto,
  submitFormBody,
} from "@/lib/forms/schemas";

export const listClientForms = defineOperation({
  id: "listClientForms",
  method: "GET",
  path: "/api/clients/{clientId}/forms",
  tag: "Forms",
  summary: "Forms sent to the client and whether they are signed",
  auth: { permission: "clinical.read" },
  auditRead: { kind: "forms" },
  params: clientIdParams,
  response: formRequestListDto,
});

export const sendClientForms = defineOperation({
  id: "sendClientForms",
  method: "POST",
  path: "/api/clients/{clientId}/forms",
  tag: "Forms",
  summary: "Send forms to the client's portal (each pinned to its current version)",
  auth: { permission: "clinical.write" },
  params: clientIdParams,
  body: sendFormsBody,
  response: formRequestListDto,
  successStatus: 201,
});

export const getClientFormSubmission = defineOperation({
  id: "getClientFormSubmission",
  method: "GET",
  path: "/api/clients/{clientId}/forms/{requestId}",
  tag: "Forms",
  summary: "A signed form: the version's text, the answers and the signature record",
  auth: { permission: "clinical.read" },
  auditRead: { kind: "forms" },
  params: clientFormParams,
  response: submissionDto,
});

export const getClientFormPdf = defineOperation({
  id: "getClientFormPdf",
  method: "GET",
  path: "/api/clients/{clientId}/forms/{requestId}/pdf",
  tag: "Forms",
  summary: "The signed form as a PDF (rendered on the server when it was signed)",
  auth: { permission: "clinical.read" },
  auditRead: { kind: "forms" },
  params: clientFormParams,
  produces: "application/pdf",
  response: z.string().meta({ format: "binary" }),
});

export const listFormProposals = defineOperation({
  id: "listFormProposals",
  method: "GET",
  path: "/api/clients/{clientId}/form-proposals",
  tag: "Forms",
  summary: "Changes to the record proposed by signed forms, beside what the record holds",
  auth: { permission: "clinical.read" },
  auditRead: { kind: "forms" },
  params: clientIdParams,
  response: proposalListDto,
});

export const decideFormProposal = defineOperation({
  id: "decideFormProposal",
  method: "POST",
  path: "/api/clients/{clientId}/form-proposals/{proposalId}",
  tag: "Forms",
  summary: "Accept, edit or dismiss a proposed change (only this writes a form's answer to the record)",
  auth: { permission: "clinical.write" },
  params: proposalParams,
  body: decideProposalBody,
  response: proposalListDto,
  exampleBody: { action: "dismiss" },
});

export const listMyForms = defineOperation({
  id: "listMyForms",
  method: "GET",
  path: "/api/portal/forms",
  tag: "Portal",
  summary: "Forms my clinic asked me to fill in",
  auth: { permission: "portal.self" },
  response: formRequestListDto,
});

export const getMyForm = defineOperation({
  id: "getMyForm",
  method: "GET",
  path: "/api/portal/forms/{requestId}",
  tag: "Portal",
  summary: "A form to fill in, in the version my clinic sent",
  auth: { permission: "portal.self" },
  params: portalFormParams,
  response: fillFormDto,
});

export const submitMyForm = defineOperation({
  id: "submitMyForm",
  method: "POST",
  path: "/api/portal/forms/{requestId}",
  tag: "Portal",
  summary: "Sign and send a form (drawn signature or typed name with consent)",
  auth: { permission: "portal.self" },
  params: portalFormParams,
  body: submitFormBody,
  response: z.object({ submissionId: z.uuid() }),
  successStatus: 201,
  maxBodyBytes: 512 * 1024,
  exampleBody: {
    answers: { contact_by_email: true },
    signature: { method: "typed", name: "Sam Example", consent: true },
  },
});

export const openFormKiosk = defineOperation({
  id: "openFormKiosk",
  method: "POST",
  path: "/api/clients/{clientId}/forms/{requestId}/kiosk",
  tag: "Forms",
  summary: "Open a pending form on the clinic's tablet: a one-time link that shows only that form for an hour",
  auth: { permission: "clinical.write" },
  params: clientFormParams,
  response: z.object({ path: z.string(), expiresAt: z.string() }),
});

const kioskParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });

export const getKioskForm = defineOperation({
  id: "getKioskForm",
  method: "GET",
  path: "/api/kiosk/{token}",
  tag: "Forms",
  summary: "The one form a kiosk link opens (no sign-in; the link is the key)",
  auth: { public: true },
  params: kioskParams,
  response: fillFormDto,
});

export const submitKioskForm = defineOperation({
  id: "submitKioskForm",
  method: "POST",
  path: "/api/kiosk/{token}",
  tag: "Forms",
  summary: "Sign the kiosk's form; the link stops working at once",
  auth: { public: true },
  params: kioskParams,
  body: submitFormBody,
  response: z.object({ submissionId: z.uuid() }),
  successStatus: 201,
  maxBodyBytes: 512 * 1024,
  exampleBody: {
    answers: { contact_by_email: false },
    signature: { method: "typed", name: "Sam Example", consent: true },
  },
});
