import "server-only";
import { and, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { clients, invoices } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { invoiceScope } from "@/lib/identity/scopes";
import type { InvoiceSummary, listInvoicesQuery } from "../schemas";
import { joinClient, summaryColumns, toSummary } from "./summary-rows";

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
