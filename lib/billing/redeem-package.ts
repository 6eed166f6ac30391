import "server-only";
import { and, asc, eq, gte, isNull, lt, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, clientPackages, invoices, packageRedemptions } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { appointmentInvoice } from "./invoices/lookups";
import { localDateIn } from "./rules/dates";

export interface Redemption {
  packageId: string;
  packageName: string;
  sessionNumber: number;
  sessionsTotal: number;
}

/** What an invoice line adds after the service's name for a session drawn from a package. */
export const packageLineSuffix = (r: Redemption) =>
  ` · Package: ${r.packageName} (session ${r.sessionNumber} of ${r.sessionsTotal})`;

/** The live draw for an appointment, if any (what its invoice line says). */
export async function redemptionFor(tx: Db, actor: Actor, appointmentId: string): Promise<Redemption | null> {
  const [r] = await tx
    .select({
      packageId: packageRedemptions.packageId,
      packageName: clientPackages.name,
      sessionNumber: packageRedemptions.sessionNumber,
      sessionsTotal: clientPackages.sessionsTotal,
    })
    .from(packageRedemptions)
    .innerJoin(
      clientPackages,
      and(
        eq(clientPackages.clinicId, packageRedemptions.clinicId),
        eq(clientPackages.id, packageRedemptions.packageId),
      ),
    )
    .where(
      and(
        clinicScope(actor, packageRedemptions),
        eq(packageRedemptions.appointmentId, appointmentId),
        isNull(packageRedemptions.returnedAt),
      ),
    );
  return r ?? null;
}

/**
 * Draws one session for a completed appointment, in the caller's transaction (which holds the
 * appointment's row lock, so the same appointment never draws twice; the partial unique index
 * is the database's guard). The package is the client's oldest one covering the appointment's
 * type, not expired on the appointment's day in the clinic's zone, with a session left and a
 * sale invoice that was not voided. The draw is a conditional update (used < total): when two
 * completions race for the last session, the second waits on the row lock, re-reads the row,
 * finds nothing left and moves on to the next package or draws nothing (the fee is charged).
 */
export async function redeemForAppointment(tx: Db, actor: Actor, appointmentId: string): Promise<Redemption | null> {
  const existing = await redemptionFor(tx, actor, appointmentId);
  if (existing) return existing;
  const [appt] = await tx
    .select({ clientId: appointments.clientId, typeId: appointments.typeId, startsAt: appointments.startsAt })
    .from(appointments)
    .where(and(clinicScope(actor, appointments), eq(appointments.id, appointmentId)));
  if (!appt) return null;
  const serviceDate = localDateIn(appt.startsAt, actor.clinicTimezone);
  const candidates = await tx
    .select({ id: clientPackages.id })
    .from(clientPackages)
    .innerJoin(invoices, and(eq(invoices.clinicId, clientPackages.clinicId), eq(invoices.id, clientPackages.invoiceId)))
    .where(
      and(
        clinicScope(actor, clientPackages),
        eq(clientPackages.clientId, appt.clientId),
        sql`${appt.typeId}::uuid = any(${clientPackages.typeIds})`,
        lt(clientPackages.sessionsUsed, clientPackages.sessionsTotal),
        gte(clientPackages.expiresOn, serviceDate),
        ne(invoices.status, "void"),
      ),
    )
    .orderBy(asc(clientPackages.createdAt), asc(clientPackages.id));
  for (const c of candidates) {
    // Lock the package, then look at its sale invoice afresh: a void that committed while we
    // waited wins (voidInvoice locks the same row before it checks for drawn sessions).
    const [live] = await tx
      .select({ status: invoices.status })
      .from(clientPackages)
      .innerJoin(
        invoices,
        and(eq(invoices.clinicId, clientPackages.clinicId), eq(invoices.id, clientPackages.invoiceId)),
      )
      .where(and(clinicScope(actor, clientPackages), eq(clientPackages.id, c.id)))
      .for("update", { of: clientPackages });
    if (!live || live.status === "void") continue;
    const [drawn] = await tx
      .update(clientPackages)
      .set({ sessionsUsed: sql`${clientPackages.sessionsUsed} + 1`, updatedAt: new Date() })
      .where(
        and(
          clinicScope(actor, clientPackages),
          eq(clientPackages.id, c.id),
          lt(clientPackages.sessionsUsed, clientPackages.sessionsTotal),
        ),
      )
      .returning({ used: clientPackages.sessionsUsed, total: clientPackages.sessionsTotal, name: clientPackages.name });
    if (!drawn) continue;
    await tx.insert(packageRedemptions).values({
      clinicId: actor.clinicId,
      packageId: c.id,
      appointmentId,
      sessionNumber: drawn.used,
    });
    await recordEvent(tx, actor, {
      action: "client_package.session_drawn",
      entityType: "client_package",
      entityId: c.id,
      details: { clientId: appt.clientId, appointmentId, sessionNumber: drawn.used, sessionsTotal: drawn.total },
    });
    return { packageId: c.id, packageName: drawn.name, sessionNumber: drawn.used, sessionsTotal: drawn.total };
  }
  return null;
}

/**
 * Gives back the session an appointment drew (it was un-completed or cancelled). The draw is
 * kept with returned_at for the record; completing again draws afresh. While an issued invoice
 * records the draw ("session 2 of 5", £0), the session stays drawn: that document cannot change,
 * and voiding it gives the session back (voidInvoice). Returns the draw that went back, if any.
 */
export async function giveBackForAppointment(tx: Db, actor: Actor, appointmentId: string): Promise<Redemption | null> {
  const live = await redemptionFor(tx, actor, appointmentId);
  if (!live) return null;
  if (await appointmentInvoice(tx, actor, appointmentId, "issued")) return null;
  const [r] = await tx
    .update(packageRedemptions)
    .set({ returnedAt: new Date() })
    .where(
      and(
        clinicScope(actor, packageRedemptions),
        eq(packageRedemptions.appointmentId, appointmentId),
        isNull(packageRedemptions.returnedAt),
      ),
    )
    .returning({ packageId: packageRedemptions.packageId });
  if (!r) return null;
  const [pkg] = await tx
    .update(clientPackages)
    .set({ sessionsUsed: sql`${clientPackages.sessionsUsed} - 1`, updatedAt: new Date() })
    .where(and(clinicScope(actor, clientPackages), eq(clientPackages.id, r.packageId)))
    .returning({ clientId: clientPackages.clientId, used: clientPackages.sessionsUsed });
  await recordEvent(tx, actor, {
    action: "client_package.session_returned",
    entityType: "client_package",
    entityId: r.packageId,
    details: { clientId: pkg!.clientId, appointmentId, sessionsUsed: pkg!.used },
  });
  return live;
}
