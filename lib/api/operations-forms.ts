import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import { clientIdParams } from "@/lib/clients/schemas";
import {
  clientFormParams,
  copySeededBody,
  decideProposalBody,
  fillFormDto,
  newFormBody,
  formRequestListDto,
  portalFormParams,
  proposalListDto,
  proposalParams,
  saveTemplateBody,
  sendFormsBody,
  submissionDto,
  templateDetailDto,
  templateListDto,
  templateParams,
  submitFormBody,
} from "@/lib/forms/schemas";
import type { FormDefinition } from "@/lib/forms/definition";

export const listFormTemplates = defineOperation({
  id: "listFormTemplates",
  method: "GET",
  path: "/api/forms/templates",
  tag: "Forms",
  summary: "The clinic's forms, and the starting forms it can still copy",
  auth: { permission: "forms.configure" },
  response: templateListDto,
});

export const copyFormTemplate = defineOperation({
  id: "copyFormTemplate",
  method: "POST",
  path: "/api/forms/templates",
  tag: "Forms",
  summary: "Copy a starting form (health history, consents, privacy notice) into the clinic's own forms",
  auth: { permission: "forms.configure" },
  body: copySeededBody,
  response: templateDetailDto,
  successStatus: 201,
  exampleBody: { seedKey: "privacy_notice" },
});

export const createFormTemplate = defineOperation({
  id: "createFormTemplate",
  method: "POST",
  path: "/api/forms/templates/blank",
  tag: "Forms",
  summary: "Start a blank form (a title and kind; no version until its first save, and it cannot be sent before)",
  auth: { permission: "forms.configure" },
  body: newFormBody,
  response: templateDetailDto,
  successStatus: 201,
  exampleBody: { title: "Return visit check-in", kind: "other" },
});

export const getFormTemplate = defineOperation({
  id: "getFormTemplate",
  method: "GET",
  path: "/api/forms/templates/{templateId}",
  tag: "Forms",
  summary: "A form with the text of its current version",
  auth: { permission: "forms.configure" },
  params: templateParams,
  response: templateDetailDto,
});

/**
 * A short form with one question of each shape (help, mapping, options, bounds, a condition),
 * not the whole health history: the edge fuzz probes every field of the example, and each valid
 * text probe saves a version and hashes every table, so the ~150 fields of the health history
 * made that one case take 35-50 s under load.
 */
const EXAMPLE_DEFINITION: FormDefinition = {
  title: "Short health check",
  kind: "health_history",
  intro: "A few questions before your visit.",
  sections: [
    {
      id: "health",
      title: "Your health",
      questions: [
        {
          id: "phone",
          kind: "short_text",
          label: "Mobile phone",
          help: "For reminders.",
          required: true,
          mapsTo: "client.phone",
        },
        {
          id: "precautions",
          kind: "multi_choice",
          label: "Do any of these apply?",
          required: false,
          options: [
            { value: "anticoagulants", label: "Blood thinners" },
            { value: "pregnancy", label: "Pregnancy" },
          ],
          mapsTo: "precautions",
        },
        {
          id: "pain_now",
          kind: "number",
          label: "Pain today (0-10)",
          required: false,
          min: 0,
          max: 10,
          unit: "points",
        },
        { id: "takes_medication", kind: "yes_no", label: "Do you take medication?", required: true },
        {
          id: "medications",
          kind: "long_text",
          label: "Which?",
          required: true,
          showIf: { question: "takes_medication", equals: true },
        },
        { id: "signature", kind: "signature", label: "I confirm this is correct.", required: true },
      ],
    },
  ],
};

export const saveFormTemplate = defineOperation({
  id: "saveFormTemplate",
  method: "PUT",
  path: "/api/forms/templates/{templateId}",
  tag: "Forms",
  summary: "Save the form's text as a new version (earlier versions stay as they were)",
  auth: { permission: "forms.configure" },
  params: templateParams,
  body: saveTemplateBody,
  response: templateDetailDto,
  exampleBody: { baseVersion: 1, definition: EXAMPLE_DEFINITION },
});

export const setFormSettings = defineOperation({
  id: "setFormSettings",
  method: "PUT",
  path: "/api/forms/settings",
  tag: "Forms",
  summary: "Whether dry needling is within the clinic's scope (offers its consent form)",
  auth: { permission: "clinic.settings" },
  body: z.object({ offersDryNeedling: z.boolean() }),
  response: z.object({ offersDryNeedling: z.boolean() }),
  exampleBody: { offersDryNeedling: true },
});

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
