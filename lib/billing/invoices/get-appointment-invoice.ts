import "server-only";
import { and, eq, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, clients, invoices } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope, invoiceScope } from "@/lib/identity/scopes";
import { notFound } from "@/lib/errors";
import type { InvoiceSummary } from "../schemas";
import { joinClient, summaryColumns, toSummary } from "./summary-rows";

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
