import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import {
  amendmentBody,
  clientVisitsPage,
  clientVisitsParams,
  clientVisitsQuery,
  createClinicMuscleBody,
  createFindingBody,
  createVisitBody,
  findingParams,
  historyQuery,
  muscleDto,
  signVisitBody,
  updateFindingBody,
  updateVisitNoteBody,
  visitDetail,
  visitIdParams,
} from "@/lib/clinical/schemas";
import { chartHistoryDto } from "@/lib/clinical/chart-history";

export const listClientVisits = defineOperation({
  id: "listClientVisits",
  method: "GET",
  path: "/api/clients/{clientId}/visits",
  tag: "Visits",
  summary: "A page of a client's visits, newest first (20 unless `limit` says), with the total count",
  auth: { permission: "clinical.read" },
  auditRead: { kind: "visits" },
  params: clientVisitsParams,
  query: clientVisitsQuery,
  response: clientVisitsPage,
});

export const createVisit = defineOperation({
  id: "createVisit",
  method: "POST",
  path: "/api/clients/{clientId}/visits",
  tag: "Visits",
  summary: "Open a visit; the last visit's open points are carried forward awaiting today's status",
  auth: { permission: "clinical.write" },
  params: clientVisitsParams,
  body: createVisitBody,
  successStatus: 201,
  response: z.object({ id: z.uuid(), carriedForward: z.number() }),
  exampleBody: {},
});

export const getChartHistory = defineOperation({
  id: "getChartHistory",
  method: "GET",
  path: "/api/clients/{clientId}/chart-history",
  tag: "Visits",
  summary: "Findings across the last N visits, grouped by trigger point",
  auth: { permission: "clinical.read" },
  auditRead: { kind: "chart" },
  params: clientVisitsParams,
  query: historyQuery,
  response: chartHistoryDto,
});

export const getVisit = defineOperation({
  id: "getVisit",
  method: "GET",
  path: "/api/visits/{visitId}",
  tag: "Visits",
  summary: "A visit with findings, amendments and ghost marks",
  auth: { permission: "clinical.read" },
  auditRead: { kind: "visit", client: "result" },
  params: visitIdParams,
  response: visitDetail,
});

export const updateVisitNote = defineOperation({
  id: "updateVisitNote",
  method: "PATCH",
  path: "/api/visits/{visitId}",
  tag: "Visits",
  summary: "Autosave the SOAP note (409 with the current text when someone saved first)",
  auth: { permission: "clinical.write" },
  params: visitIdParams,
  body: updateVisitNoteBody,
  response: z.object({ version: z.number(), updatedAt: z.string() }),
  exampleBody: { subjective: "Neck ache since Monday.", version: 1 },
});

export const signVisit = defineOperation({
  id: "signVisit",
  method: "POST",
  path: "/api/visits/{visitId}/sign",
  tag: "Visits",
  summary: "Sign and lock the visit",
  auth: { permission: "visits.sign" },
  params: visitIdParams,
  body: signVisitBody,
  exampleBody: { version: 1 },
  response: z.object({ id: z.uuid(), signedAt: z.string() }),
});

export const addAmendment = defineOperation({
  id: "addAmendment",
  method: "POST",
  path: "/api/visits/{visitId}/amendments",
  tag: "Visits",
  summary: "Add a dated, signed amendment to a signed visit",
  auth: { permission: "clinical.write" },
  params: visitIdParams,
  body: amendmentBody,
  successStatus: 201,
  exampleBody: { reason: "Wrong side recorded", body: "The upper trapezius point was on the left, not the right." },
  response: z.object({ id: z.uuid(), createdAt: z.string() }),
});

export const createFinding = defineOperation({
  id: "createFinding",
  method: "POST",
  path: "/api/visits/{visitId}/findings",
  tag: "Findings",
  summary: "Place a trigger point finding on the body chart",
  auth: { permission: "clinical.write" },
  params: visitIdParams,
  body: createFindingBody,
  successStatus: 201,
  exampleBody: {
    view: "back",
    x: 0.585,
    y: 0.185,
    muscleId: "upper_trapezius",
    side: "right",
    type: "active",
    tenderness: 6,
  },
  response: z.object({ id: z.uuid(), triggerPointId: z.uuid() }),
});

export const updateFinding = defineOperation({
  id: "updateFinding",
  method: "PATCH",
  path: "/api/visits/{visitId}/findings/{findingId}",
  tag: "Findings",
  summary: "Move or edit a finding, or set a carried-forward point's status today",
  auth: { permission: "clinical.write" },
  params: findingParams,
  body: updateFindingBody,
  exampleBody: { tenderness: 4, version: 1 },
  response: z.object({ id: z.uuid(), version: z.number().int() }),
});

export const deleteFinding = defineOperation({
  id: "deleteFinding",
  method: "DELETE",
  path: "/api/visits/{visitId}/findings/{findingId}",
  tag: "Findings",
  summary: "Remove a point placed at this draft visit",
  auth: { permission: "clinical.write" },
  params: findingParams,
  response: z.object({ id: z.uuid(), deleted: z.boolean() }),
});

export const listMuscles = defineOperation({
  id: "listMuscles",
  method: "GET",
  path: "/api/muscles",
  tag: "Reference",
  summary: "The muscle library (shared and the clinic's own)",
  auth: { permission: "muscles.read" },
  response: z.array(muscleDto),
});

export const createClinicMuscle = defineOperation({
  id: "createClinicMuscle",
  method: "POST",
  path: "/api/muscles",
  tag: "Reference",
  summary: "Add a muscle to the clinic's library",
  auth: { permission: "muscles.write" },
  body: createClinicMuscleBody,
  successStatus: 201,
  exampleBody: { name: "Popliteus", region: "knee", referralZones: ["knee_back_r"] },
  response: z.object({ id: z.uuid() }),
});
