import { queryOptions, type QueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { call, ops } from "@/app/_lib/api-client";
// Types only: a runtime import of lib/outcomes/questionnaires/schemas would pull the instrument
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
} from "@/lib/outcomes/questionnaires/schemas";
import type { itemAnswerSchema } from "@/lib/outcomes/rules/instrument-schema";

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
    queryFn: ({ signal }) => call(ops.listInstruments, { signal }),
  });
}

export function assignmentsQuery(clientId: string) {
  return queryOptions({
    queryKey: questionnaireKeys.assignments(clientId),
    queryFn: ({ signal }) => call(ops.listClientAssignments, { params: { clientId }, signal }),
  });
}

export function seriesQuery(clientId: string) {
  return queryOptions({
    queryKey: questionnaireKeys.series(clientId),
    queryFn: ({ signal }) => call(ops.listClientResponses, { params: { clientId }, signal }),
  });
}

export function myDueQuestionnairesQuery() {
  return queryOptions({
    queryKey: questionnaireKeys.myDue,
    queryFn: ({ signal }) => call(ops.getMyQuestionnaires, { signal }),
  });
}

export function myCheckInsQuery() {
  return queryOptions({
    queryKey: questionnaireKeys.myCheckIns,
    queryFn: ({ signal }) => call(ops.getMyCheckIns, { signal }),
  });
}

export const assignQuestionnaire = (clientId: string, body: z.input<typeof assignBody>) =>
  call(ops.assignQuestionnaire, { params: { clientId }, body });

export const cancelAssignment = (assignmentId: string) => call(ops.cancelAssignment, { params: { assignmentId } });

export const submitClinicResponse = (clientId: string, body: SubmitBody) =>
  call(ops.submitClinicResponse, { params: { clientId }, body });

export const submitMyResponse = (body: SubmitBody) => call(ops.submitMyResponse, { body });

export const saveMyCheckIn = (body: CheckInBody) => call(ops.saveMyCheckIn, { body });

export const setInstrumentWording = (instrumentId: string, body: WordingBody) =>
  call(ops.setInstrumentWording, { params: { instrumentId }, body });

/** After a response: the client's assignments (no longer due) and scores, and the portal's list. */
export function invalidateQuestionnaires(qc: QueryClient, clientId?: string) {
  return Promise.all([
    clientId ? qc.invalidateQueries({ queryKey: questionnaireKeys.client(clientId) }) : null,
    qc.invalidateQueries({ queryKey: questionnaireKeys.myDue }),
  ]);
}
