import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import {
  copySeededBody,
  newFormBody,
  saveTemplateBody,
  templateDetailDto,
  templateListDto,
  templateParams,
} from "@/lib/forms/schemas";
import type { FormDefinition } from "@/lib/forms/definition";

/* The clinic's forms as templates: starting forms copied, blank ones started, versions saved. */

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
