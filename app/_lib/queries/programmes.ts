import { queryOptions, type QueryClient } from "@tanstack/react-query";
import { call, ops } from "@/app/_lib/api-client";
// Types only: lib/programmes/schemas reaches the reference seed (via dosage.ts), which must stay
// out of the browser bundle.
import type {
  ClientProgrammes,
  CreateProgrammeBody,
  ProgrammeDetail,
  ReviseProgrammeBody,
} from "@/lib/programmes/schemas";

export type { ClientProgrammes, CreateProgrammeBody, ProgrammeDetail, ReviseProgrammeBody };

export const programmeKeys = {
  /** Everything about one client's programmes: list, adherence, builder data. */
  client: (clientId: string) => ["clients", clientId, "programmes"] as const,
  list: (clientId: string) => ["clients", clientId, "programmes", "list"] as const,
  adherence: (clientId: string, weeks: number) => ["clients", clientId, "programmes", "adherence", weeks] as const,
  detail: (programmeId: string) => ["programmes", programmeId] as const,
};

export function clientProgrammesQuery(clientId: string) {
  return queryOptions({
    queryKey: programmeKeys.list(clientId),
    queryFn: ({ signal }) => call(ops.listClientProgrammes, { params: { clientId }, signal }),
  });
}

export function clientAdherenceQuery(clientId: string, weeks: number) {
  return queryOptions({
    queryKey: programmeKeys.adherence(clientId, weeks),
    queryFn: ({ signal }) =>
      call(ops.getClientAdherence, { params: { clientId }, query: { weeks: String(weeks) }, signal }),
  });
}

export const createProgramme = (clientId: string, body: CreateProgrammeBody) =>
  call(ops.createProgramme, { params: { clientId }, body });

export const reviseProgramme = (programmeId: string, body: ReviseProgrammeBody) =>
  call(ops.reviseProgramme, { params: { programmeId }, body });

export const endProgramme = (programmeId: string, body: { version: number; endDate?: string }) =>
  call(ops.endProgramme, { params: { programmeId }, body });

/** After a programme changes: the client's lists and adherence, the programme itself, the dashboard. */
export function invalidateProgrammes(qc: QueryClient, clientId: string, programmeId?: string) {
  return Promise.all([
    qc.invalidateQueries({ queryKey: programmeKeys.client(clientId) }),
    programmeId ? qc.invalidateQueries({ queryKey: programmeKeys.detail(programmeId) }) : null,
  ]);
}
