import { appointments } from "@/db/schema";
import { signManageToken } from "@/lib/messaging/manage-link";
import type { FixtureModule } from "./authz-fixture-module";
import { clinicIdBySlug } from "./db";

/**
 * A booked Demo Clinic appointment years ahead (nobody else's fixture uses that day) and a signed
 * message link to it (`linkToken`): the public link operations view and cancel it.
 */
export const messagingFixtures: FixtureModule = {
  buildParams: async (db, base) => {
    const clinicId = await clinicIdBySlug(db, "demo-clinic");
    const startsAt = new Date("2031-11-05T10:00:00Z");
    const endsAt = new Date("2031-11-05T11:00:00Z");
    const [appt] = await db
      .insert(appointments)
      .values({
        clinicId,
        clientId: base.clientId!,
        therapistUserId: base.therapistId!,
        typeId: base.typeId!,
        startsAt,
        endsAt,
        blocksUntil: endsAt,
      })
      .returning({ id: appointments.id });
    return { linkToken: signManageToken({ clinicId, appointmentId: appt!.id, expiresAt: startsAt }) };
  },
};
