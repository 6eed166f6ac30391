import "server-only";
import { and, eq, gte, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clients, invoices } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";

/** Every issued invoice and credit note in a period, one row each, for the accountant. */
export async function invoiceLedger(db: Db, actor: Actor, from: string, to: string) {
  assertCan(actor, "billing.manage");
  return db
    .select({
      number: invoices.displayNumber,
      kind: invoices.kind,
      issueDate: invoices.issueDate,
      status: invoices.status,
      client: sql<string>`coalesce(${invoices.clientName}, ${clients.firstName} || ' ' || ${clients.lastName})`,
      therapist: invoices.therapistName,
      currency: invoices.currency,
      netMinor: invoices.subtotalMinor,
      taxMinor: invoices.taxMinor,
      totalMinor: invoices.totalMinor,
      paidMinor: invoices.allocatedMinor,
    })
    .from(invoices)
    .innerJoin(clients, and(eq(clients.clinicId, invoices.clinicId), eq(clients.id, invoices.clientId)))
    .where(
      and(
        clinicScope(actor, invoices),
        sql`${invoices.status} <> 'draft'`,
        gte(invoices.issueDate, from),
        lte(invoices.issueDate, to),
      ),
    )
    .orderBy(invoices.issueDate, invoices.kind, invoices.number);
}
