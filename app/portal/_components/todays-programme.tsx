import type { Actor } from "@/lib/auth/actor";

/** Today's home programme with its guided timer and tick-offs (filled by the portal programme work). */
export async function TodaysProgramme(_props: { actor: Actor }) {
  return null;
}
