import "server-only";
import { and, eq, inArray, isNull, notInArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointmentTypes, clinics } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { invalid } from "@/lib/errors";
import type { PublicBookingSettings, PublicBookingSettingsInput } from "./schemas";
import { getPublicBookingSettings } from "./get-public-booking-settings";

/** Saves them; the chosen types must be this clinic's live types (another clinic's id is refused). */
export async function updatePublicBookingSettings(
  db: Db,
  actor: Actor,
  input: PublicBookingSettingsInput,
): Promise<PublicBookingSettings> {
  assertCan(actor, "clinic.settings");
  await db.transaction(async (tx) => {
    if (input.typeIds.length) {
      const found = await tx
        .select({ id: appointmentTypes.id })
        .from(appointmentTypes)
        .where(
          and(
            clinicScope(actor, appointmentTypes),
            inArray(appointmentTypes.id, input.typeIds),
            isNull(appointmentTypes.archivedAt),
          ),
        );
      if (found.length !== input.typeIds.length)
        throw invalid("Choose appointment types of this clinic.", {
          typeIds: ["Choose appointment types of this clinic."],
        });
    }
    await tx
      .update(clinics)
      .set({
        publicBooking: input.enabled,
        publicLeadHours: input.leadHours,
        publicHorizonDays: input.horizonDays,
        publicRequiresApproval: input.requiresApproval,
        embedOrigins: input.embedOrigins,
      })
      .where(eq(clinics.id, actor.clinicId));
    await tx
      .update(appointmentTypes)
      .set({ bookableByNewClients: false })
      .where(
        and(
          clinicScope(actor, appointmentTypes),
          input.typeIds.length ? notInArray(appointmentTypes.id, input.typeIds) : undefined,
        ),
      );
    if (input.typeIds.length)
      await tx
        .update(appointmentTypes)
        .set({ bookableByNewClients: true })
        .where(and(clinicScope(actor, appointmentTypes), inArray(appointmentTypes.id, input.typeIds)));
    await recordEvent(tx, actor, {
      action: "clinic.public_booking_updated",
      entityType: "clinic",
      entityId: actor.clinicId,
      details: { enabled: input.enabled, types: input.typeIds.length, embedOrigins: input.embedOrigins.length },
    });
  });
  return getPublicBookingSettings(db, actor);
}
