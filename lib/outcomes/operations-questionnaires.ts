import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import {
  assignBody,
  assignmentDto,
  assignmentParams,
  checkInBody,
  checkInDto,
  instrumentDto,
  instrumentParams,
  instrumentSeries,
  submitBody,
  wordingBody,
  outcomeSettingsBody,
} from "@/lib/outcomes/questionnaires/schemas";
import { clientVisitsParams } from "@/lib/clinical/schemas";

const submitted = z.object({
  id: z.uuid(),
  /** Null when more NDI/ODI sections were skipped than the clinic allows; `unscoredReason` says why. */
  score: z.number().nullable(),
  scoreRange: z.object({ min: z.number(), max: z.number() }),
  proRated: z.boolean(),
  interpretation: z.string().nullable(),
  unscoredReason: z.string().nullable(),
});
const psfsExample = {
  instrumentId: "psfs",
  answers: { activity_1: 4, activity_2: 6, activity_3: 5 },
  itemLabels: { activity_1: "Driving", activity_2: "Lifting my child", activity_3: "Typing" },
};

export const listInstruments = defineOperation({
  id: "listInstruments",
  method: "GET",
  path: "/api/questionnaires",
  tag: "Questionnaires",
  summary: "Outcome questionnaires as this clinic shows them",
  auth: { permission: "clinical.read" },
  response: z.array(instrumentDto),
});

export const setInstrumentWording = defineOperation({
  id: "setInstrumentWording",
  method: "PUT",
  path: "/api/questionnaires/{instrumentId}/wording",
  tag: "Questionnaires",
  summary: "Enter the clinic's licensed item wording (NDI, ODI)",
  auth: { permission: "instruments.configure" },
  params: instrumentParams,
  body: wordingBody,
  response: instrumentDto,
  exampleBody: {
    items: { pain_intensity: { prompt: "(licensed wording)", options: { "0": "(licensed option 0)" } } },
    licenceNote: "Licence 2026-123",
  },
});

export const getOutcomeSettings = defineOperation({
  id: "getOutcomeSettings",
  method: "GET",
  path: "/api/outcome-settings",
  tag: "Questionnaires",
  summary: "The clinic's outcome-scoring choices: NDI meaningful-change threshold, skipped NDI/ODI sections",
  auth: { permission: "clinical.read" },
  response: outcomeSettingsBody,
});

export const updateOutcomeSettings = defineOperation({
  id: "updateOutcomeSettings",
  method: "PUT",
  path: "/api/outcome-settings",
  tag: "Questionnaires",
  summary: "Choose the NDI threshold (10 or 5 points) and how many NDI/ODI sections may be skipped (0-3)",
  auth: { permission: "instruments.configure" },
  body: outcomeSettingsBody,
  response: outcomeSettingsBody,
  exampleBody: { ndiThresholdPoints: 10, maxSkippedSections: 1 },
});

export const listClientAssignments = defineOperation({
  id: "listClientAssignments",
  method: "GET",
  path: "/api/clients/{clientId}/questionnaires",
  tag: "Questionnaires",
  summary: "Assigned questionnaires and whether each is due",
  auth: { permission: "clinical.read" },
  params: clientVisitsParams,
  response: z.array(assignmentDto),
});

export const assignQuestionnaire = defineOperation({
  id: "assignQuestionnaire",
  method: "POST",
  path: "/api/clients/{clientId}/questionnaires",
  tag: "Questionnaires",
  summary: "Assign a questionnaire once or every N visits",
  auth: { permission: "clinical.write" },
  params: clientVisitsParams,
  body: assignBody,
  successStatus: 201,
  exampleBody: { instrumentId: "psfs", everyNVisits: 4 },
  response: z.object({ id: z.uuid() }),
});

export const cancelAssignment = defineOperation({
  id: "cancelAssignment",
  method: "DELETE",
  path: "/api/questionnaire-assignments/{assignmentId}",
  tag: "Questionnaires",
  summary: "Stop asking for a questionnaire",
  auth: { permission: "clinical.write" },
  params: assignmentParams,
  response: z.object({ id: z.uuid(), cancelled: z.boolean() }),
});

export const submitClinicResponse = defineOperation({
  id: "submitClinicResponse",
  method: "POST",
  path: "/api/clients/{clientId}/questionnaire-responses",
  tag: "Questionnaires",
  summary: "Record a questionnaire filled in at the clinic (tablet)",
  auth: { permission: "clinical.write" },
  params: clientVisitsParams,
  body: submitBody,
  response: submitted,
  successStatus: 201,
  exampleBody: psfsExample,
});

export const listClientResponses = defineOperation({
  id: "listClientResponses",
  method: "GET",
  path: "/api/clients/{clientId}/questionnaire-responses",
  tag: "Questionnaires",
  summary: "Scores over time per questionnaire, with the MCID",
  auth: { permission: "clinical.read" },
  auditRead: { kind: "questionnaires" },
  params: clientVisitsParams,
  response: z.array(instrumentSeries),
});

export const listClientCheckIns = defineOperation({
  id: "listClientCheckIns",
  method: "GET",
  path: "/api/clients/{clientId}/check-ins",
  tag: "Questionnaires",
  summary: "The client's weekly body-map check-ins",
  auth: { permission: "clinical.read" },
  auditRead: { kind: "check_ins" },
  params: clientVisitsParams,
  response: z.array(checkInDto),
});

export const getMyQuestionnaires = defineOperation({
  id: "getMyQuestionnaires",
  method: "GET",
  path: "/api/portal/questionnaires",
  tag: "Portal",
  summary: "Questionnaires due now, with their items",
  auth: { permission: "portal.self" },
  response: z.array(assignmentDto.extend({ instrument: instrumentDto })),
});

export const submitMyResponse = defineOperation({
  id: "submitMyResponse",
  method: "POST",
  path: "/api/portal/questionnaire-responses",
  tag: "Portal",
  summary: "Submit a questionnaire",
  auth: { permission: "portal.self" },
  body: submitBody,
  response: submitted,
  successStatus: 201,
  exampleBody: psfsExample,
});

export const getMyCheckIns = defineOperation({
  id: "getMyCheckIns",
  method: "GET",
  path: "/api/portal/check-ins",
  tag: "Portal",
  summary: "This week's body-map check-in and recent ones",
  auth: { permission: "portal.self" },
  response: z.object({ thisWeek: z.string(), checkIns: z.array(checkInDto) }),
});

export const saveMyCheckIn = defineOperation({
  id: "saveMyCheckIn",
  method: "PUT",
  path: "/api/portal/check-ins",
  tag: "Portal",
  summary: "Save this week's body-map check-in",
  auth: { permission: "portal.self" },
  body: checkInBody,
  response: checkInDto,
  exampleBody: { regions: [{ regionId: "neck_back_r", score: 5 }] },
});
