import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { appointmentTypes, appointments, clients, invoices, memberships } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { conflict, invalid, notFound } from "@/lib/errors";
import { sqlState } from "@/lib/errors";
import { computeLines, replaceDraftLines, type LineInput } from "./invoice-lines";
import { appointmentInvoice, getInvoice } from "./queries";
import { loadBillingSettings } from "./settings";
import { priceFor } from "./catalogue/lookups";
import { localDateIn } from "./rules/dates";
import { packageLineSuffix, redemptionFor } from "./redeem-package";
import type { draftInvoiceBody, updateDraftBody } from "./schemas";

async function assertClient(db: Db, actor: Actor, clientId: string) {
  const [c] = await db
    .select({ id: clients.id })
    .from(clients)
    .where(and(eq(clients.clinicId, actor.clinicId), eq(clients.id, clientId)));
  if (!c) throw notFound("That client");
}

async function assertTherapist(db: Db, actor: Actor, userId: string | null) {
  if (!userId) return;
  const [m] = await db
    .select({ id: memberships.userId })
    .from(memberships)
    .where(
      and(
        clinicScope(actor, memberships),
        eq(memberships.userId, userId),
        eq(memberships.role, "therapist"),
        isNull(memberships.revokedAt),
      ),
    );
  if (!m) throw invalid("Some fields need attention.", { therapistUserId: ["Choose one of the clinic's therapists."] });
}

/** A draft invoice written by hand (products, a missed fee). Nothing is numbered until issue. */
export async function createDraftInvoice(db: Db, actor: Actor, input: z.output<typeof draftInvoiceBody>) {
  assertCan(actor, "billing.manage");
  const id = await db.transaction(async (tx) => {
    await assertClient(tx, actor, input.clientId);
    await assertTherapist(tx, actor, input.therapistUserId);
    return insertDraft(tx, actor, { ...input, appointmentId: null });
  });
  return getInvoice(db, actor, id);
}

async function insertDraft(
  tx: Db,
  actor: Actor,
  input: z.output<typeof draftInvoiceBody> & { appointmentId: string | null },
): Promise<string> {
  const settings = await loadBillingSettings(tx, actor.clinicId);
  const [row] = await tx
    .insert(invoices)
    .values({
      clinicId: actor.clinicId,
      clientId: input.clientId,
      appointmentId: input.appointmentId,
      therapistUserId: input.therapistUserId,
      serviceDate: input.serviceDate,
      currency: settings.currency,
      taxInclusive: settings.pricesIncludeTax,
      diagnosisCodes: input.diagnosisCodes,
      notes: input.notes,
      createdBy: actor.userId,
    })
    .returning({ id: invoices.id });
  const rows = await computeLines(tx, actor, row!.id, input.lines, settings.pricesIncludeTax);
  await replaceDraftLines(tx, actor, row!.id, rows);
  await recordEvent(tx, actor, {
    action: "invoice.drafted",
    entityType: "invoice",
    entityId: row!.id,
    details: { clientId: input.clientId, appointmentId: input.appointmentId, lines: rows.length },
  });
  return row!.id;
}

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

/** Drafts an appointment's invoice inside the caller's transaction (also used on completion). */
export async function draftForAppointment(tx: Db, actor: Actor, appointmentId: string): Promise<string> {
  const [appt] = await tx
    .select({
      id: appointments.id,
      clientId: appointments.clientId,
      therapistUserId: appointments.therapistUserId,
      typeId: appointments.typeId,
      typeName: appointmentTypes.name,
      status: appointments.status,
      startsAt: appointments.startsAt,
    })
    .from(appointments)
    .innerJoin(
      appointmentTypes,
      and(eq(appointmentTypes.clinicId, appointments.clinicId), eq(appointmentTypes.id, appointments.typeId)),
    )
    .where(and(clinicScope(actor, appointments), eq(appointments.id, appointmentId)));
  if (!appt) throw notFound("That appointment");
  if (appt.status !== "completed" && appt.status !== "arrived") {
    throw conflict("Only an appointment the client attended can be invoiced. Mark it arrived or completed first.");
  }
  const [price, settings, redeemed] = await Promise.all([
    priceFor(tx, actor, appt.typeId, appt.therapistUserId),
    loadBillingSettings(tx, actor.clinicId),
    redemptionFor(tx, actor, appt.id),
  ]);
  // A session drawn from a prepaid package: the line says which, and charges nothing.
  const line: LineInput = {
    kind: "service",
    description: redeemed ? appt.typeName + packageLineSuffix(redeemed) : appt.typeName,
    productId: null,
    procedureCode: price?.procedureCode ?? null,
    quantity: 1,
    unitPriceMinor: redeemed ? 0 : (price?.amountMinor ?? 0),
    discountBp: 0,
    taxRateId: price?.taxRateId ?? settings.defaultTaxRateId,
  };
  return insertDraft(tx, actor, {
    clientId: appt.clientId,
    appointmentId: appt.id,
    therapistUserId: appt.therapistUserId,
    serviceDate: localDateIn(appt.startsAt, actor.clinicTimezone),
    lines: [line],
    diagnosisCodes: [],
    notes: "",
  });
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

export async function updateDraftInvoice(
  db: Db,
  actor: Actor,
  invoiceId: string,
  input: z.output<typeof updateDraftBody>,
) {
  assertCan(actor, "billing.manage");
  await db.transaction(async (tx) => {
    const inv = await lockDraft(tx, actor, invoiceId, input.version);
    await assertTherapist(tx, actor, input.therapistUserId);
    const rows = await computeLines(tx, actor, invoiceId, input.lines, inv.taxInclusive);
    await replaceDraftLines(tx, actor, invoiceId, rows);
    await tx
      .update(invoices)
      .set({
        therapistUserId: input.therapistUserId,
        serviceDate: input.serviceDate,
        diagnosisCodes: input.diagnosisCodes,
        notes: input.notes,
        version: inv.version + 1,
      })
      .where(and(clinicScope(actor, invoices), eq(invoices.id, invoiceId)));
    await recordEvent(tx, actor, {
      action: "invoice.draft_updated",
      entityType: "invoice",
      entityId: invoiceId,
      details: { lines: rows.length },
    });
  });
  return getInvoice(db, actor, invoiceId);
}

/** Only a draft is ever deleted (the trigger refuses the rest). */
export async function deleteDraftInvoice(db: Db, actor: Actor, invoiceId: string, version?: number) {
  assertCan(actor, "billing.manage");
  await db.transaction(async (tx) => {
    await lockDraft(tx, actor, invoiceId, version);
    await replaceDraftLines(tx, actor, invoiceId, []);
    await tx.delete(invoices).where(and(clinicScope(actor, invoices), eq(invoices.id, invoiceId)));
    await recordEvent(tx, actor, { action: "invoice.draft_deleted", entityType: "invoice", entityId: invoiceId });
  });
}
