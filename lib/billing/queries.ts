import "server-only";
import { and, asc, desc, eq, inArray, ne, notInArray, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { allocations, appointments, clients, invoiceLines, invoices, payments, users } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope, invoiceScope } from "@/lib/identity/scopes";
import { notFound } from "@/lib/errors";
import type { InvoiceDetail, InvoiceSummary, listInvoicesQuery } from "./schemas";

const clientName = sql<string>`coalesce(${invoices.clientName}, ${clients.firstName} || ' ' || ${clients.lastName})`;

/** Explicit columns of a summary; the client's live name until issue, the printed one after. */
const summaryColumns = {
  id: invoices.id,
  kind: invoices.kind,
  displayNumber: invoices.displayNumber,
  status: invoices.status,
  clientId: invoices.clientId,
  clientName,
  serviceDate: invoices.serviceDate,
  issueDate: invoices.issueDate,
  dueDate: invoices.dueDate,
  currency: invoices.currency,
  totalMinor: invoices.totalMinor,
  allocatedMinor: invoices.allocatedMinor,
};

type SummaryRow = Omit<InvoiceSummary, "number" | "balanceMinor"> & { displayNumber: string | null };

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

export function toSummary(r: SummaryRow): InvoiceSummary {
  const { displayNumber, ...rest } = r;
  const open = r.status === "issued" || r.status === "partly_paid" || r.status === "draft";
  return { ...rest, number: displayNumber, balanceMinor: open ? r.totalMinor - r.allocatedMinor : 0 };
}

const joinClient = and(eq(clients.clinicId, invoices.clinicId), eq(clients.id, invoices.clientId));

/** Invoices and credit notes, newest first, filtered; a client sees only their own issued ones. */
export async function listInvoices(
  db: Db,
  actor: Actor,
  query: z.output<typeof listInvoicesQuery>,
): Promise<InvoiceSummary[]> {
  const where: SQL[] = [invoiceScope(actor)];
  if (query.status === "unpaid") where.push(inArray(invoices.status, ["issued", "partly_paid"]));
  else if (query.status) where.push(eq(invoices.status, query.status));
  if (query.clientId) where.push(eq(invoices.clientId, query.clientId));
  if (query.kind) where.push(eq(invoices.kind, query.kind));
  const rows = await db
    .select(summaryColumns)
    .from(invoices)
    .innerJoin(clients, joinClient)
    .where(and(...where))
    .orderBy(desc(invoices.createdAt))
    .limit(query.limit);
  return rows.map(toSummary);
}

/**
 * The appointment's invoice as the calendar's check-out shows it (none, draft, issued with a
 * balance, paid); a void one counts as none, since the appointment may be invoiced again.
 * NOT_FOUND for another clinic's appointment.
 */
export async function getAppointmentInvoice(
  db: Db,
  actor: Actor,
  appointmentId: string,
): Promise<{ invoice: InvoiceSummary | null }> {
  assertCan(actor, "billing.manage");
  const [appt] = await db
    .select({ id: appointments.id })
    .from(appointments)
    .where(and(clinicScope(actor, appointments), eq(appointments.id, appointmentId)));
  if (!appt) throw notFound("That appointment");
  const [row] = await db
    .select(summaryColumns)
    .from(invoices)
    .innerJoin(clients, joinClient)
    .where(
      and(
        invoiceScope(actor),
        eq(invoices.appointmentId, appointmentId),
        eq(invoices.kind, "invoice"),
        ne(invoices.status, "void"),
      ),
    );
  return { invoice: row ? toSummary(row) : null };
}

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
