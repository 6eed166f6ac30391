import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { appointmentTypes, appointments, clients, invoices, memberships } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { conflict, invalid, notFound } from "@/lib/errors";
import { computeLines, replaceDraftLines, type LineInput } from "../invoice-lines";
import { loadBillingSettings } from "../settings/load-billing-settings";
import { priceFor } from "../catalogue/lookups";
import { localDateIn } from "../rules/dates";
import { packageLineSuffix, redemptionFor } from "../redeem-package";
import type { draftInvoiceBody } from "../schemas";
import { currentTherapistOf } from "@/lib/identity/staff/current-therapist";

export async function assertClient(db: Db, actor: Actor, clientId: string) {
  const [c] = await db
    .select({ id: clients.id })
    .from(clients)
    .where(and(eq(clients.clinicId, actor.clinicId), eq(clients.id, clientId)));
  if (!c) throw notFound("That client");
}

export async function assertTherapist(db: Db, actor: Actor, userId: string | null) {
  if (!userId) return;
  const [m] = await db
    .select({ id: memberships.userId })
    .from(memberships)
    .where(and(currentTherapistOf(actor.clinicId), eq(memberships.userId, userId)));
  if (!m) throw invalid("Some fields need attention.", { therapistUserId: ["Choose one of the clinic's therapists."] });
}

export async function insertDraft(
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
