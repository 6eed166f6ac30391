import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { billingCounters, clients, invoiceLines, invoices, therapistRegistrations, users } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { conflict, notFound } from "@/lib/errors";
import { lockDraft } from "./invoices/lookups";
import { getInvoice } from "./invoices/get-invoice";
import { giveBackAfterVoid, refuseVoidOfUsedPackage } from "./package-void";
import { loadBillingSettings } from "./settings/load-billing-settings";
import { addDays, localDateIn } from "./rules/dates";

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

/**
 * Issues a draft: numbers it, copies the details onto it and locks it (the database refuses
 * any later change but its payment state). A zero total is paid on issue.
 */
export async function issueInvoice(db: Db, actor: Actor, invoiceId: string, version: number) {
  assertCan(actor, "billing.manage");
  await db.transaction(async (tx) => {
    await lockDraft(tx, actor, invoiceId, version);
    const [inv] = await tx
      .select({
        clientId: invoices.clientId,
        therapistUserId: invoices.therapistUserId,
        totalMinor: invoices.totalMinor,
      })
      .from(invoices)
      .where(and(clinicScope(actor, invoices), eq(invoices.id, invoiceId)));
    if (!inv) throw notFound("That invoice");
    const [lines] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(invoiceLines)
      .where(and(clinicScope(actor, invoiceLines), eq(invoiceLines.invoiceId, invoiceId)));
    if (Number(lines!.n) === 0) throw conflict("Add at least one line before issuing the invoice.");
    const { settings, fields } = await snapshotFor(tx, actor, inv.clientId, inv.therapistUserId);
    const number = await takeNumber(tx, actor.clinicId, "invoice");
    const issueDate = localDateIn(new Date(), actor.clinicTimezone);
    await tx
      .update(invoices)
      .set({
        ...fields,
        number,
        displayNumber: `${settings.invoicePrefix}${number}`,
        status: inv.totalMinor === 0 ? "paid" : "issued",
        issueDate,
        dueDate: addDays(issueDate, settings.paymentTermsDays),
        issuedAt: new Date(),
        version: version + 1,
        updatedAt: new Date(),
      })
      .where(and(clinicScope(actor, invoices), eq(invoices.id, invoiceId)));
    await recordEvent(tx, actor, {
      action: "invoice.issued",
      entityType: "invoice",
      entityId: invoiceId,
      details: { clientId: inv.clientId, number, totalMinor: inv.totalMinor },
    });
  });
  return getInvoice(db, actor, invoiceId);
}

/**
 * Voids an issued invoice nothing was paid on (a mistake caught at once): the number stays
 * used and the document stays, marked void. Once money or credit is applied, correct it with
 * a credit note instead.
 */
export async function voidInvoice(db: Db, actor: Actor, invoiceId: string, version: number, reason: string) {
  assertCan(actor, "billing.manage");
  await db.transaction(async (tx) => {
    const [inv] = await tx
      .select({
        status: invoices.status,
        kind: invoices.kind,
        version: invoices.version,
        allocated: invoices.allocatedMinor,
        clientId: invoices.clientId,
        appointmentId: invoices.appointmentId,
      })
      .from(invoices)
      .where(and(clinicScope(actor, invoices), eq(invoices.id, invoiceId)))
      .for("update");
    if (!inv) throw notFound("That invoice");
    if (inv.version !== version) throw conflict("Someone else changed this invoice. Reload to see their changes.");
    if (inv.status === "draft") throw conflict("A draft is deleted, not voided.");
    if (inv.status === "void") throw conflict("This invoice is already void.");
    if (inv.kind !== "invoice" || inv.allocated > 0) {
      throw conflict("Payments or credits are applied to this document: issue a credit note instead.");
    }
    await tx
      .update(invoices)
      .set({ status: "void", voidedAt: new Date(), voidReason: reason, version: version + 1, updatedAt: new Date() })
      .where(and(clinicScope(actor, invoices), eq(invoices.id, invoiceId)));
    await recordEvent(tx, actor, {
      action: "invoice.voided",
      entityType: "invoice",
      entityId: invoiceId,
      details: { clientId: inv.clientId },
    });
    // After the audit event, not before: a completion takes the audit chain's lock before the
    // package's, so taking them in the same order here cannot deadlock with it. A refusal rolls
    // the whole void back.
    await refuseVoidOfUsedPackage(tx, actor, invoiceId);
    await giveBackAfterVoid(tx, actor, inv.appointmentId);
  });
  return getInvoice(db, actor, invoiceId);
}
