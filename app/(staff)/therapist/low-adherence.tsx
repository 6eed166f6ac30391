import type { Actor } from "@/lib/auth/actor";

/** Clients whose home-programme adherence fell below the clinic's threshold (filled by the programmes work). */
export async function LowAdherence(_props: { actor: Actor }) {
  return null;
}
