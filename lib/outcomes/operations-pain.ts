import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import {
  complaintDto,
  complaintIdParams,
  createComplaintBody,
  diaryEntryBody,
  diaryEntryDto,
  progressDto,
  progressQuery,
  updateComplaintBody,
  visitPainBody,
} from "@/lib/outcomes/pain/schemas";
import { clientVisitsParams, visitIdParams } from "@/lib/clinical/schemas";

const visitPainDto = z.object({
  complaints: z.array(complaintDto),
  scores: z.array(z.object({ complaintId: z.uuid(), before: z.number().nullable(), after: z.number().nullable() })),
});
const attentionDto = z.array(
  z.object({
    clientId: z.string(),
    clientName: z.string(),
    reasons: z.array(
      z.object({
        rule: z.string(),
        complaintId: z.string().nullable(),
        date: z.string(),
        reason: z.string(),
        completionId: z.string().optional(),
      }),
    ),
  }),
);

export const listComplaints = defineOperation({
  id: "listComplaints",
  method: "GET",
  path: "/api/clients/{clientId}/complaints",
  tag: "Pain",
  summary: "A client's complaints",
  auth: { permission: "clinical.read" },
  auditRead: { kind: "complaints" },
  params: clientVisitsParams,
  response: z.array(complaintDto),
});

export const createComplaint = defineOperation({
  id: "createComplaint",
  method: "POST",
  path: "/api/clients/{clientId}/complaints",
  tag: "Pain",
  summary: "Add a complaint",
  auth: { permission: "clinical.write" },
  params: clientVisitsParams,
  body: createComplaintBody,
  response: complaintDto,
  successStatus: 201,
  exampleBody: {
    title: "Right-sided neck pain with headaches",
    regions: ["neck_back_r", "temple_r"],
    onsetDate: "2026-09-01",
  },
});

export const updateComplaint = defineOperation({
  id: "updateComplaint",
  method: "PATCH",
  path: "/api/complaints/{complaintId}",
  tag: "Pain",
  summary: "Edit or resolve a complaint",
  auth: { permission: "clinical.write" },
  params: complaintIdParams,
  body: updateComplaintBody,
  response: complaintDto,
  exampleBody: { status: "resolved", version: 1 },
});

export const getVisitPain = defineOperation({
  id: "getVisitPain",
  method: "GET",
  path: "/api/visits/{visitId}/pain",
  tag: "Pain",
  summary: "NPRS before/after per complaint at a visit",
  auth: { permission: "clinical.read" },
  auditRead: { kind: "visit_pain" },
  params: visitIdParams,
  response: visitPainDto,
});

export const setVisitPain = defineOperation({
  id: "setVisitPain",
  method: "PUT",
  path: "/api/visits/{visitId}/pain",
  tag: "Pain",
  summary: "Record NPRS before/after per complaint (draft visits)",
  auth: { permission: "clinical.write" },
  params: visitIdParams,
  body: visitPainBody,
  response: visitPainDto,
  exampleBody: { scores: [] },
});

export const getProgress = defineOperation({
  id: "getProgress",
  method: "GET",
  path: "/api/clients/{clientId}/progress",
  tag: "Pain",
  summary:
    "Pain over time, change from baseline and MCID per complaint, tenderness trend (52 weeks; `before` pages back)",
  auth: { permission: "clinical.read" },
  auditRead: { kind: "progress" },
  params: clientVisitsParams,
  query: progressQuery,
  response: progressDto,
});

export const getProgressCsv = defineOperation({
  id: "getProgressCsv",
  method: "GET",
  path: "/api/clients/{clientId}/progress.csv",
  tag: "Pain",
  summary: "The client's scores as CSV",
  auth: { permission: "clinical.read" },
  auditRead: { kind: "progress_export" },
  params: clientVisitsParams,
  produces: "text/csv",
});

export const listAttention = defineOperation({
  id: "listAttention",
  method: "GET",
  path: "/api/attention",
  tag: "Pain",
  summary: "Clients who need attention, with reasons",
  auth: { permission: "clinical.read" },
  response: attentionDto,
});

export const getMyComplaints = defineOperation({
  id: "getMyComplaints",
  method: "GET",
  path: "/api/portal/complaints",
  tag: "Portal",
  summary: "The client's own complaints",
  auth: { permission: "portal.self" },
  response: z.array(complaintDto),
});

export const getMyDiary = defineOperation({
  id: "getMyDiary",
  method: "GET",
  path: "/api/portal/diary",
  tag: "Portal",
  summary: "The client's pain diary (last 120 days)",
  auth: { permission: "portal.self" },
  response: z.array(diaryEntryDto),
});

export const addDiaryEntry = defineOperation({
  id: "addDiaryEntry",
  method: "POST",
  path: "/api/portal/diary",
  tag: "Portal",
  summary: "Add today's pain score (409 when one exists that day, unless replace is true)",
  auth: { permission: "portal.self" },
  body: diaryEntryBody,
  successStatus: 201,
  response: z.object({ entry: diaryEntryDto, replaced: z.boolean() }),
  exampleBody: { complaintId: "00000000-0000-4000-8000-000000000000", score: 4, note: "" },
});

export const getMyProgress = defineOperation({
  id: "getMyProgress",
  method: "GET",
  path: "/api/portal/progress",
  tag: "Portal",
  summary: "The client's own progress in plain words (52 weeks; `before` pages back)",
  auth: { permission: "portal.self" },
  query: progressQuery,
  response: progressDto,
});
