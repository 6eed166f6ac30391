import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { invoiceLines, invoices } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { conflict, notFound } from "@/lib/errors";
import { lockDraft } from "./invoices/lookups";
import { getInvoice } from "./invoices/get-invoice";
import { snapshotFor, takeNumber } from "./issuing";
import { addDays, localDateIn } from "./rules/dates";

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
