import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, clientPackages } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { clinicScope } from "@/lib/identity/scopes";
import { conflict } from "@/lib/errors";
import { giveBackForAppointment } from "./redeem-package";

/**
 * Before a package's sale invoice is voided: once a session has been used the sale happened, and
 * a void would leave visits paid by a package that no longer exists, so it is refused (a credit
 * note refunds what is owed). The package row stays locked until the void commits, so a
 * completion drawing at that moment waits and then finds the sale void (redeemForAppointment).
 */
export async function refuseVoidOfUsedPackage(tx: Db, actor: Actor, invoiceId: string) {
  const sold = await tx
    .select({ name: clientPackages.name, used: clientPackages.sessionsUsed, total: clientPackages.sessionsTotal })
    .from(clientPackages)
    .where(and(clinicScope(actor, clientPackages), eq(clientPackages.invoiceId, invoiceId)))
    .for("update");
  const used = sold.find((p) => p.used > 0);
  if (used) {
    throw conflict(
      `${used.used} of ${used.total} sessions of the package “${used.name}” on this invoice have been used, so it cannot be voided. Issue a credit note for what you refund instead.`,
      { reason: "package_used", sessionsUsed: used.used },
    );
  }
}

/**
 * After an appointment's invoice is voided: a session it recorded as drawn goes back to the
 * package unless the appointment still stands as completed (then a new invoice shows the same
 * draw again).
 */
export async function giveBackAfterVoid(tx: Db, actor: Actor, appointmentId: string | null) {
  if (!appointmentId) return;
  const [appt] = await tx
    .select({ status: appointments.status })
    .from(appointments)
    .where(and(clinicScope(actor, appointments), eq(appointments.id, appointmentId)));
  if (appt && appt.status !== "completed") await giveBackForAppointment(tx, actor, appointmentId);
}
