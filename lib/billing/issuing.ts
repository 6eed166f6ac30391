import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { billingCounters, clients, therapistRegistrations, users } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { loadBillingSettings } from "./settings/load-billing-settings";

/**
 * The next number of a kind for the clinic, taken in the caller's transaction. The upsert
 * locks the counter row until commit, so concurrent issuers queue; a rollback returns the
 * number. Result: 1, 2, 3 … with no gaps or duplicates, which tax authorities expect.
 */
export async function takeNumber(tx: Db, clinicId: string, kind: "invoice" | "credit_note"): Promise<number> {
  const [row] = await tx
    .insert(billingCounters)
    .values({ clinicId, kind, lastNumber: 1 })
    .onConflictDoUpdate({
      target: [billingCounters.clinicId, billingCounters.kind],
      set: { lastNumber: sql`${billingCounters.lastNumber} + 1` },
    })
    .returning({ n: billingCounters.lastNumber });
  return row!.n;
}

/** Business, therapist and client details as they are now: printed on the issued document for good. */
export async function snapshotFor(tx: Db, actor: Actor, clientId: string, therapistUserId: string | null) {
  const settings = await loadBillingSettings(tx, actor.clinicId);
  const [client] = await tx
    .select({ first: clients.firstName, last: clients.lastName, email: clients.email, dob: clients.dateOfBirth })
    .from(clients)
    .where(and(eq(clients.clinicId, actor.clinicId), eq(clients.id, clientId)));
  let therapistName: string | null = null;
  let therapistRegistration: string | null = null;
  if (therapistUserId) {
    const [t] = await tx
      .select({ name: users.name, reg: therapistRegistrations.registrationNumber })
      .from(users)
      .leftJoin(
        therapistRegistrations,
        and(eq(therapistRegistrations.clinicId, actor.clinicId), eq(therapistRegistrations.userId, users.id)),
      )
      .where(eq(users.id, therapistUserId));
    therapistName = t?.name ?? null;
    therapistRegistration = t?.reg || null;
  }
  return {
    settings,
    fields: {
      businessName: settings.businessName || actor.clinicName,
      businessAddress: settings.businessAddress,
      taxNumber: settings.taxNumber,
      therapistName,
      therapistRegistration,
      clientName: client ? `${client.first} ${client.last}` : "",
      clientEmail: client?.email ?? null,
      clientDateOfBirth: client?.dob ?? null,
    },
  };
}
