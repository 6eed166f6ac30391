import { queryOptions, type QueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "@/app/_lib/api";
// Types only: a runtime import of lib/questionnaires/schemas would pull the instrument
// definitions (and the reference seed behind them) into the browser bundle.
import type {
  AssignmentDto,
  CheckInDto,
  InstrumentDto,
  InstrumentSeries,
  assignBody,
  checkInBody,
  submitBody,
  wordingBody,
} from "@/lib/questionnaires/schemas";
import type { itemAnswerSchema } from "@/lib/outcomes/instrument-schema";

export type { AssignmentDto, CheckInDto, InstrumentDto, InstrumentSeries };
/** The DTO leaves `answer` untyped (it is data); this is its shape. */
export type ItemAnswer = z.infer<typeof itemAnswerSchema>;
export type InstrumentItemDto = InstrumentDto["items"][number];
export type DueQuestionnaire = AssignmentDto & { instrument: InstrumentDto };
export type SubmitBody = z.input<typeof submitBody>;
export type WordingBody = z.input<typeof wordingBody>;
export type CheckInBody = z.input<typeof checkInBody>;
export type Submitted = {
  id: string;
  /** Null when more NDI/ODI sections were skipped than the clinic allows. */
  score: number | null;
  scoreRange: { min: number; max: number };
  proRated: boolean;
  interpretation: string | null;
  unscoredReason: string | null;
};
export type MyCheckIns = { thisWeek: string; checkIns: CheckInDto[] };

export const questionnaireKeys = {
  instruments: ["questionnaires", "instruments"] as const,
  /** Everything about one client's questionnaires: assignments and scores. */
  client: (clientId: string) => ["clients", clientId, "questionnaires"] as const,
  assignments: (clientId: string) => ["clients", clientId, "questionnaires", "assignments"] as const,
  series: (clientId: string) => ["clients", clientId, "questionnaires", "series"] as const,
  myDue: ["portal", "questionnaires"] as const,
  myCheckIns: ["portal", "check-ins"] as const,
};

export function instrumentsQuery() {
  return queryOptions({
    queryKey: questionnaireKeys.instruments,
    queryFn: ({ signal }) => api<InstrumentDto[]>("/api/questionnaires", { signal }),
  });
}

export function assignmentsQuery(clientId: string) {
  return queryOptions({
    queryKey: questionnaireKeys.assignments(clientId),
    queryFn: ({ signal }) => api<AssignmentDto[]>(`/api/clients/${clientId}/questionnaires`, { signal }),
  });
}

export function seriesQuery(clientId: string) {
  return queryOptions({
    queryKey: questionnaireKeys.series(clientId),
    queryFn: ({ signal }) => api<InstrumentSeries[]>(`/api/clients/${clientId}/questionnaire-responses`, { signal }),
  });
}

export function myDueQuestionnairesQuery() {
  return queryOptions({
    queryKey: questionnaireKeys.myDue,
    queryFn: ({ signal }) => api<DueQuestionnaire[]>("/api/portal/questionnaires", { signal }),
  });
}

export function myCheckInsQuery() {
  return queryOptions({
    queryKey: questionnaireKeys.myCheckIns,
    queryFn: ({ signal }) => api<MyCheckIns>("/api/portal/check-ins", { signal }),
  });
}

export const assignQuestionnaire = (clientId: string, body: z.input<typeof assignBody>) =>
  api<{ id: string }>(`/api/clients/${clientId}/questionnaires`, { method: "POST", body });

export const cancelAssignment = (assignmentId: string) =>
  api<unknown>(`/api/questionnaire-assignments/${assignmentId}`, { method: "DELETE" });

export const submitClinicResponse = (clientId: string, body: SubmitBody) =>
  api<Submitted>(`/api/clients/${clientId}/questionnaire-responses`, { method: "POST", body });

export const submitMyResponse = (body: SubmitBody) =>
  api<Submitted>("/api/portal/questionnaire-responses", { method: "POST", body });

export const saveMyCheckIn = (body: CheckInBody) => api<CheckInDto>("/api/portal/check-ins", { method: "PUT", body });

export const setInstrumentWording = (instrumentId: string, body: WordingBody) =>
  api<InstrumentDto>(`/api/questionnaires/${instrumentId}/wording`, { method: "PUT", body });

/** After a response: the client's assignments (no longer due) and scores, and the portal's list. */
export function invalidateQuestionnaires(qc: QueryClient, clientId?: string) {
  return Promise.all([
    clientId ? qc.invalidateQueries({ queryKey: questionnaireKeys.client(clientId) }) : null,
    qc.invalidateQueries({ queryKey: questionnaireKeys.myDue }),
  ]);
}
