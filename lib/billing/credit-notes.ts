import "server-only";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { invoiceLines, invoices } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { conflict, invalid, notFound } from "@/lib/errors";
import { applyAllocations, lockClient } from "./ledger";
import { snapshotFor, takeNumber } from "./issuing";
import { getInvoice } from "./invoices/get-invoice";
import { invoiceTotals, lineAmounts } from "./rules/money";
import { localDateIn } from "./rules/dates";
import type { creditNoteBody } from "./schemas";

/**
 * Corrects an issued invoice with a credit note (the invoice itself never changes). The whole
 * invoice: its lines copied, so the tax mirrors exactly. Part of it: one line of that amount,
 * tax at the invoice's main rate taken out of it. The credit pays the invoice's balance first;
 * any rest (the invoice was already paid) is account credit the client can have refunded.
 */
export async function creditInvoice(db: Db, actor: Actor, invoiceId: string, input: z.output<typeof creditNoteBody>) {
  assertCan(actor, "billing.manage");
  const noteId = await db.transaction(async (tx) => {
    const [head] = await tx
      .select({ clientId: invoices.clientId })
      .from(invoices)
      .where(and(clinicScope(actor, invoices), eq(invoices.id, invoiceId)));
    if (!head) throw notFound("That invoice");
    await lockClient(tx, actor, head.clientId);
    const [inv] = await tx
      .select()
      .from(invoices)
      .where(and(clinicScope(actor, invoices), eq(invoices.id, invoiceId)))
      .for("update");
    if (!inv) throw notFound("That invoice");
    if (inv.kind !== "invoice") throw conflict("A credit note cannot itself be credited.");
    if (inv.status === "draft") throw conflict("A draft is edited or deleted, not credited.");
    if (inv.status === "void") throw conflict("A void invoice is not credited.");
    const [prior] = await tx
      .select({ sum: sql<string>`coalesce(sum(${invoices.totalMinor}), 0)` })
      .from(invoices)
      .where(and(clinicScope(actor, invoices), eq(invoices.creditsInvoiceId, invoiceId), ne(invoices.status, "void")));
    const creditable = inv.totalMinor - Number(prior!.sum);
    if (creditable <= 0) throw conflict("This invoice has already been credited in full.");
    const lines = await tx
      .select()
      .from(invoiceLines)
      .where(and(clinicScope(actor, invoiceLines), eq(invoiceLines.invoiceId, invoiceId)))
      .orderBy(asc(invoiceLines.position));
    const whole = input.amountMinor === undefined && Number(prior!.sum) === 0;
    const amount = input.amountMinor ?? creditable;
    if (amount > creditable) {
      throw invalid("Some fields need attention.", { amountMinor: ["More than is left to credit on this invoice."] });
    }
    const { settings, fields } = await snapshotFor(tx, actor, inv.clientId, inv.therapistUserId);
    const [note] = await tx
      .insert(invoices)
      .values({
        clinicId: actor.clinicId,
        kind: "credit_note",
        clientId: inv.clientId,
        creditsInvoiceId: inv.id,
        therapistUserId: inv.therapistUserId,
        serviceDate: inv.serviceDate,
        currency: inv.currency,
        taxInclusive: inv.taxInclusive,
        diagnosisCodes: inv.diagnosisCodes,
        notes: input.reason,
        createdBy: actor.userId,
      })
      .returning({ id: invoices.id });
    // The main rate: that of the line carrying the most money.
    const main = [...lines].sort((a, b) => b.totalMinor - a.totalMinor)[0];
    const rows = whole
      ? lines.map((l) => ({ ...l, id: undefined, invoiceId: note!.id }))
      : [
          {
            clinicId: actor.clinicId,
            invoiceId: note!.id,
            position: 1,
            kind: "other" as const,
            description: `Credit: ${input.reason}`,
            quantity: 1,
            unitPriceMinor: amount,
            taxRateBp: main?.taxRateBp ?? 0,
            taxName: main?.taxName ?? "",
            ...lineAmounts({ quantity: 1, unitPriceMinor: amount, taxRateBp: main?.taxRateBp ?? 0 }, true),
          },
        ];
    await tx.insert(invoiceLines).values(rows);
    const totals = invoiceTotals(rows);
    const number = await takeNumber(tx, actor.clinicId, "credit_note");
    await tx
      .update(invoices)
      .set({
        ...totals,
        ...fields,
        number,
        displayNumber: `${settings.creditNotePrefix}${number}`,
        status: "issued",
        issueDate: localDateIn(new Date(), actor.clinicTimezone),
        issuedAt: new Date(),
      })
      .where(and(clinicScope(actor, invoices), eq(invoices.id, note!.id)));
    const toInvoice = Math.min(totals.totalMinor, inv.totalMinor - inv.allocatedMinor);
    if (toInvoice > 0) {
      await applyAllocations(tx, actor, { creditNoteId: note!.id }, [{ invoiceId: inv.id, amountMinor: toInvoice }]);
    }
    await recordEvent(tx, actor, {
      action: "invoice.credited",
      entityType: "invoice",
      entityId: inv.id,
      details: { clientId: inv.clientId, creditNoteId: note!.id, number, amountMinor: totals.totalMinor },
    });
    return note!.id;
  });
  return getInvoice(db, actor, noteId);
}
