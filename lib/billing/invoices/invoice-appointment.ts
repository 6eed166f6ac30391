import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { sqlState } from "@/lib/errors";
import { draftForAppointment } from "./drafting";
import { getInvoice } from "./get-invoice";
import { appointmentInvoice } from "./lookups";

/**
 * One click on a completed appointment: a draft with the type's fee (the therapist's own fee
 * when set), the service date in the clinic's zone and the procedure code. A second click,
 * or two at once, finds the first invoice (unique index on the appointment).
 */
export async function invoiceAppointment(db: Db, actor: Actor, appointmentId: string) {
  assertCan(actor, "billing.manage");
  const existing = async () => (await appointmentInvoice(db, actor, appointmentId, "live"))?.id ?? null;
  const found = await existing();
  if (found) return getInvoice(db, actor, found);
  try {
    const id = await db.transaction((tx) => draftForAppointment(tx, actor, appointmentId));
    return getInvoice(db, actor, id);
  } catch (err) {
    const again = sqlState(err) === "23505" ? await existing() : null;
    if (again) return getInvoice(db, actor, again);
    throw err;
  }
}
