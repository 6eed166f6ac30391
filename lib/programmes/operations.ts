import { defineOperation } from "@/lib/http/operation";
import { completionBody, completionDto, portalProgrammeViewDto } from "@/lib/programmes/portal-schemas";
import {
  adherenceQuery,
  adherenceReportDto,
  builderDataDto,
  clientParams,
  clientProgrammesDto,
  completionParams,
  createProgrammeBody,
  endProgrammeBody,
  lowAdherenceDto,
  programmeDetailDto,
  programmeParams,
  reviewDto,
  reviseProgrammeBody,
} from "@/lib/programmes/schemas";

/** The programmes API operations (each a defineOperation; collected by lib/api/registry.ts). */

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const exampleItem = {
  exerciseKey: "ball_upper_trap_wall",
  dosage: {
    tool: "massage_ball" as const,
    technique: "sustained_pressure" as const,
    intensity: 4,
    secondsPerSpot: 60,
    spots: 2,
    sets: 2,
    restSeconds: 30,
    sessionsPerDay: 1,
    daysOfWeek: EVERY_DAY,
  },
  note: "Right side first.",
};

export const listClientProgrammes = defineOperation({
  id: "listClientProgrammes",
  method: "GET",
  path: "/api/clients/{clientId}/programmes",
  tag: "Programmes",
  summary: "A client's home programmes (running and scheduled first), each with its current version",
  auth: { permission: "programmes.read" },
  auditRead: { kind: "programmes" },
  params: clientParams,
  response: clientProgrammesDto,
});

export const createProgramme = defineOperation({
  id: "createProgramme",
  method: "POST",
  path: "/api/clients/{clientId}/programmes",
  tag: "Programmes",
  summary:
    "Prescribe a programme (400 with items.N.* field errors: dosage, override reason, precaution block, trigger point)",
  auth: { permission: "programmes.write" },
  params: clientParams,
  body: createProgrammeBody,
  response: programmeDetailDto,
  successStatus: 201,
  exampleBody: { title: "Neck and shoulders", notes: "", items: [exampleItem] },
});

export const getProgramme = defineOperation({
  id: "getProgramme",
  method: "GET",
  path: "/api/programmes/{programmeId}",
  tag: "Programmes",
  summary: "One programme with every version and its items (its history)",
  auth: { permission: "programmes.read" },
  auditRead: { kind: "programme", client: "result" },
  params: programmeParams,
  response: programmeDetailDto,
});

export const reviseProgramme = defineOperation({
  id: "reviseProgramme",
  method: "POST",
  path: "/api/programmes/{programmeId}/versions",
  tag: "Programmes",
  summary: "Revise a running programme: adds a version (409 when the version you saw is no longer the newest)",
  auth: { permission: "programmes.write" },
  params: programmeParams,
  body: reviseProgrammeBody,
  response: programmeDetailDto,
  successStatus: 201,
  exampleBody: { version: 1, changeNote: "Shorter holds", notes: "", items: [exampleItem] },
});

export const endProgramme = defineOperation({
  id: "endProgramme",
  method: "POST",
  path: "/api/programmes/{programmeId}/end",
  tag: "Programmes",
  summary: "End a programme; the end date (default today) is its last day",
  auth: { permission: "programmes.write" },
  params: programmeParams,
  body: endProgrammeBody,
  response: programmeDetailDto,
  exampleBody: { version: 1 },
});

export const getProgrammeBuilder = defineOperation({
  id: "getProgrammeBuilder",
  method: "GET",
  path: "/api/clients/{clientId}/programme-suggestions",
  tag: "Programmes",
  summary:
    "Builder data: exercises for active trigger points first (owned tools first), the screened catalogue, defaults and safe ranges",
  auth: { permission: "programmes.write" },
  params: clientParams,
  response: builderDataDto,
});

export const getClientAdherence = defineOperation({
  id: "getClientAdherence",
  method: "GET",
  path: "/api/clients/{clientId}/adherence",
  tag: "Programmes",
  summary: "Adherence per week, per programme and per exercise, and overall (clinic time zone)",
  auth: { permission: "programmes.read" },
  auditRead: { kind: "adherence" },
  params: clientParams,
  query: adherenceQuery,
  response: adherenceReportDto,
});

export const listLowAdherence = defineOperation({
  id: "listLowAdherence",
  method: "GET",
  path: "/api/programmes/low-adherence",
  tag: "Programmes",
  summary: "Clients with a running programme whose last full week fell below the clinic's adherence threshold",
  auth: { permission: "programmes.read" },
  response: lowAdherenceDto,
});

export const reviewProgrammeCompletion = defineOperation({
  id: "reviewProgrammeCompletion",
  method: "POST",
  path: "/api/programme-completions/{completionId}/review",
  tag: "Programmes",
  summary: "Mark a report of numbness, tingling or shooting pain as seen (removes it from needs attention)",
  auth: { permission: "programmes.write" },
  params: completionParams,
  response: reviewDto,
});

export const getPortalProgramme = defineOperation({
  id: "getPortalProgramme",
  method: "GET",
  path: "/api/portal/programme",
  tag: "Portal",
  summary: "The client's programmes in force today, with today's sessions and this week's adherence",
  auth: { permission: "portal.self" },
  response: portalProgrammeViewDto,
});

export const addProgrammeCompletion = defineOperation({
  id: "addProgrammeCompletion",
  method: "POST",
  path: "/api/portal/programme/completions",
  tag: "Portal",
  summary: "Tick off one session of an exercise (idempotent with idempotencyKey; adverse flags the therapist)",
  auth: { permission: "portal.self" },
  body: completionBody,
  response: completionDto,
  successStatus: 201,
  exampleBody: {
    itemId: "00000000-0000-4000-8000-000000000000",
    painBefore: 5,
    painAfter: 3,
    note: "",
    adverse: false,
    idempotencyKey: "tick-0001-example",
  },
});
