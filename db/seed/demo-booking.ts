import { and, eq } from "drizzle-orm";
import type { Db } from "../client";
import { appointmentTypes, clinics } from "../schema";

/**
 * Demo Clinic takes bookings online: the demo client can try the portal's booking (the
 * online-bookable types and the therapists' hours come with the demo calendar), and a newcomer
 * can try the clinic's public booking page, /book/demo-clinic, with its initial assessment —
 * so the front door is there to see on a first `npm run dev`, not a 404 until an admin finds the
 * setting.
 */
export async function seedDemoBooking(tx: Db): Promise<void> {
  const [clinic] = await tx
    .update(clinics)
    .set({ onlineBooking: true, publicBooking: true })
    .where(eq(clinics.slug, "demo-clinic"))
    .returning({ id: clinics.id });
  if (!clinic) return;
  await tx
    .update(appointmentTypes)
    .set({ bookableByNewClients: true })
    .where(and(eq(appointmentTypes.clinicId, clinic.id), eq(appointmentTypes.name, "Initial assessment")));
}
