"use client";

/** The client's home SMR programme: current version, adherence, history (filled by the programmes work). */
export function ProgrammeCard(_props: { clientId: string; canWrite: boolean; archived: boolean; timeZone: string }) {
  return null;
}
