import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { allocations, clients, invoiceLines, invoices, payments, users } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { invoiceScope } from "@/lib/identity/scopes";
import { notFound } from "@/lib/errors";
import type { InvoiceDetail } from "../schemas";
import { joinClient, summaryColumns, toSummary } from "./summary-rows";

/** One invoice with lines and what was applied to it; NOT_FOUND for another clinic's or client's. */
export async function getInvoice(db: Db, actor: Actor, invoiceId: string): Promise<InvoiceDetail> {
  const credited = alias(invoices, "credited");
  const [row] = await db
    .select({
      ...summaryColumns,
      appointmentId: invoices.appointmentId,
      creditsInvoiceId: invoices.creditsInvoiceId,
      creditsInvoiceNumber: credited.displayNumber,
      therapistUserId: invoices.therapistUserId,
      therapistName: sql<string | null>`coalesce(${invoices.therapistName}, ${users.name})`,
      therapistRegistration: invoices.therapistRegistration,
      businessName: invoices.businessName,
      businessAddress: invoices.businessAddress,
      taxNumber: invoices.taxNumber,
      clientEmail: sql<string | null>`coalesce(${invoices.clientEmail}, ${clients.email})`,
      clientDateOfBirth: sql<string | null>`coalesce(${invoices.clientDateOfBirth}, ${clients.dateOfBirth})`,
      taxInclusive: invoices.taxInclusive,
      subtotalMinor: invoices.subtotalMinor,
      taxMinor: invoices.taxMinor,
      diagnosisCodes: invoices.diagnosisCodes,
      notes: invoices.notes,
      voidReason: invoices.voidReason,
      version: invoices.version,
    })
    .from(invoices)
    .innerJoin(clients, joinClient)
    .leftJoin(users, eq(users.id, invoices.therapistUserId))
    .leftJoin(credited, and(eq(credited.clinicId, invoices.clinicId), eq(credited.id, invoices.creditsInvoiceId)))
    .where(and(invoiceScope(actor), eq(invoices.id, invoiceId)));
  if (!row) throw notFound("That invoice");
  const [lines, applied] = await Promise.all([
    db
      .select({
        id: invoiceLines.id,
        kind: invoiceLines.kind,
        description: invoiceLines.description,
        procedureCode: invoiceLines.procedureCode,
        quantity: invoiceLines.quantity,
        unitPriceMinor: invoiceLines.unitPriceMinor,
        discountBp: invoiceLines.discountBp,
        productId: invoiceLines.productId,
        taxRateId: invoiceLines.taxRateId,
        taxRateBp: invoiceLines.taxRateBp,
        taxName: invoiceLines.taxName,
        netMinor: invoiceLines.netMinor,
        taxMinor: invoiceLines.taxMinor,
        totalMinor: invoiceLines.totalMinor,
      })
      .from(invoiceLines)
      .where(and(eq(invoiceLines.clinicId, actor.clinicId), eq(invoiceLines.invoiceId, invoiceId)))
      .orderBy(asc(invoiceLines.position)),
    db
      .select({
        paymentId: allocations.paymentId,
        creditNoteId: allocations.creditNoteId,
        method: sql<string>`coalesce(${payments.method}, 'credit_note')`,
        amountMinor: allocations.amountMinor,
        at: allocations.createdAt,
      })
      .from(allocations)
      .leftJoin(payments, and(eq(payments.clinicId, allocations.clinicId), eq(payments.id, allocations.paymentId)))
      .where(
        and(
          eq(allocations.clinicId, actor.clinicId),
          row.kind === "invoice" ? eq(allocations.invoiceId, invoiceId) : eq(allocations.creditNoteId, invoiceId),
        ),
      )
      .orderBy(asc(allocations.createdAt)),
  ]);
  const { displayNumber, ...rest } = row;
  return {
    ...toSummary({ ...row }),
    ...rest,
    number: displayNumber,
    businessName: row.businessName ?? "",
    businessAddress: row.businessAddress ?? "",
    taxNumber: row.taxNumber ?? "",
    lines,
    payments: applied.map((a) => ({ ...a, at: a.at.toISOString() })),
  };
}
