import { and, eq, sql } from "drizzle-orm";
import { clients, invoices } from "@/db/schema";
import type { InvoiceSummary } from "../schemas";

const clientName = sql<string>`coalesce(${invoices.clientName}, ${clients.firstName} || ' ' || ${clients.lastName})`;

/** Explicit columns of a summary; the client's live name until issue, the printed one after. */
export const summaryColumns = {
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

export function toSummary(r: SummaryRow): InvoiceSummary {
  const { displayNumber, ...rest } = r;
  const open = r.status === "issued" || r.status === "partly_paid" || r.status === "draft";
  return { ...rest, number: displayNumber, balanceMinor: open ? r.totalMinor - r.allocatedMinor : 0 };
}

export const joinClient = and(eq(clients.clinicId, invoices.clinicId), eq(clients.id, invoices.clientId));
