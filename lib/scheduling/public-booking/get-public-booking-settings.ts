import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointmentTypes, clinics } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import type { PublicBookingSettings } from "./schemas";

/** The public booking page's settings of the actor's clinic, with the live types to choose from. */
export async function getPublicBookingSettings(db: Db, actor: Actor): Promise<PublicBookingSettings> {
  assertCan(actor, "clinic.settings");
  const [c] = await db
    .select({
      slug: clinics.slug,
      enabled: clinics.publicBooking,
      leadHours: clinics.publicLeadHours,
      horizonDays: clinics.publicHorizonDays,
      requiresApproval: clinics.publicRequiresApproval,
      embedOrigins: clinics.embedOrigins,
    })
    .from(clinics)
    .where(eq(clinics.id, actor.clinicId));
  const types = await db
    .select({ id: appointmentTypes.id, name: appointmentTypes.name, open: appointmentTypes.bookableByNewClients })
    .from(appointmentTypes)
    .where(and(clinicScope(actor, appointmentTypes), isNull(appointmentTypes.archivedAt)))
    .orderBy(appointmentTypes.name);
  return {
    ...c!,
    typeIds: types.filter((t) => t.open).map((t) => t.id),
    types: types.map(({ id, name }) => ({ id, name })),
  };
}
