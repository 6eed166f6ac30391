import type { Actor } from "@/lib/auth/actor";

/** The client's upcoming appointments and a way to book (filled by the online-booking work). */
export async function NextAppointments(_props: { actor: Actor }) {
  return null;
}
