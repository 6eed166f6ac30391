import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clientEmergencyContacts } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";

export interface EmergencyContact {
  name: string | null;
  phone: string | null;
}

/**
 * The client's emergency contact as accepted from a signed health history (write-back review),
 * or null when none is recorded. Contact details, so anyone who may open the client reads it.
 */
export async function getEmergencyContact(db: Db, actor: Actor, clientId: string): Promise<EmergencyContact | null> {
  assertCan(actor, "clients.read");
  const [row] = await db
    .select({ name: clientEmergencyContacts.name, phone: clientEmergencyContacts.phone })
    .from(clientEmergencyContacts)
    .where(and(clinicScope(actor, clientEmergencyContacts), eq(clientEmergencyContacts.clientId, clientId)));
  return row && (row.name || row.phone) ? row : null;
}
