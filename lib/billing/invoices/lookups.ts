import "server-only";
import { and, eq, ne, notInArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { invoices } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { clinicScope } from "@/lib/identity/scopes";
import { conflict, notFound } from "@/lib/errors";

/**
 * The appointment's invoice that still stands (a credit note is never one, a void one no longer
 * is): "live" is any status but void; "issued" leaves out the draft too, as the paper that records
 * what was charged. At most one exists (unique index on the appointment).
 */
export async function appointmentInvoice(db: Db, actor: Actor, appointmentId: string, which: "live" | "issued") {
  const [inv] = await db
    .select({ id: invoices.id, totalMinor: invoices.totalMinor })
    .from(invoices)
    .where(
      and(
        clinicScope(actor, invoices),
        eq(invoices.appointmentId, appointmentId),
        eq(invoices.kind, "invoice"),
        which === "live" ? ne(invoices.status, "void") : notInArray(invoices.status, ["draft", "void"]),
      ),
    );
  return inv ?? null;
}

/** Locks a draft of this clinic for change; 404 if absent, 409 once issued or on a stale version. */
export async function lockDraft(tx: Db, actor: Actor, invoiceId: string, version: number | undefined) {
  const [inv] = await tx
    .select({
      id: invoices.id,
      status: invoices.status,
      version: invoices.version,
      taxInclusive: invoices.taxInclusive,
    })
    .from(invoices)
    .where(and(clinicScope(actor, invoices), eq(invoices.id, invoiceId)))
    .for("update");
  if (!inv) throw notFound("That invoice");
  if (inv.status !== "draft") throw conflict("This invoice has been issued and can no longer be changed.");
  if (version !== undefined && inv.version !== version) {
    throw conflict("Someone else changed this invoice. Reload to see their changes.");
  }
  return inv;
}
