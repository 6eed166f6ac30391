import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { clinics } from "../schema";

/**
 * Demo Clinic takes bookings online, so the demo client can try the portal's booking (the
 * online-bookable types and the therapists' hours come with the demo calendar).
 */
export async function seedDemoBooking(tx: Db): Promise<void> {
  await tx.update(clinics).set({ onlineBooking: true }).where(eq(clinics.slug, "demo-clinic"));
}
