import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, formRequests } from "@/db/schema";
import { ensureSeededCopy } from "./form-templates/seeded-copies";
import { createFormRequests } from "./form-requests/create-form-requests";

/** What a new client receives with their first booking: the health history and the treatment consent. */
export const INTAKE_FORMS = ["health_history", "consent_mtrp"] as const;

/**
 * Called inside the transaction that books an appointment (by staff or online): when it is the
 * client's first appointment and no form was ever sent to them, the intake forms go to their
 * portal, pinned to the clinic's current versions. Returns the request ids (empty when not new).
 */
export async function sendIntakeFormsOnFirstBooking(
  tx: Db,
  actor: { clinicId: string; userId: string },
  clientId: string,
  appointmentId: string,
): Promise<string[]> {
  const [{ earlier }] = (await tx
    .select({ earlier: sql<number>`count(*)::int` })
    .from(appointments)
    .where(
      and(
        eq(appointments.clinicId, actor.clinicId),
        eq(appointments.clientId, clientId),
        ne(appointments.id, appointmentId),
      ),
    )) as [{ earlier: number }];
  if (earlier > 0) return [];
  const [sent] = await tx
    .select({ id: formRequests.id })
    .from(formRequests)
    .where(and(eq(formRequests.clinicId, actor.clinicId), eq(formRequests.clientId, clientId)))
    .limit(1);
  if (sent) return [];
  const templateIds: string[] = [];
  for (const key of INTAKE_FORMS) templateIds.push(await ensureSeededCopy(tx, actor, key));
  // Sent by the system, not by the person booking: sentBy stays empty.
  return createFormRequests(tx, { clinicId: actor.clinicId, userId: null }, clientId, templateIds);
}
