import type { Actor } from "@/lib/auth/actor";

/** The therapist's day: today's appointments in order (filled by the calendar work). */
export async function TodaysAppointments(_props: { actor: Actor }) {
  return null;
}
