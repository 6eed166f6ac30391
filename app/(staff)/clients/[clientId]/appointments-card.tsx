"use client";

/** The client's appointments, no-show / late-cancel counts and the "do not book online" flag. */
export function AppointmentsCard(_props: { clientId: string; canManage: boolean; timeZone: string }) {
  return null;
}
