import "server-only";
import { and, eq, gte, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointmentTypes, appointments, invoiceLines, invoices, users } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { loadBillingSettings } from "../settings/load-billing-settings";

/**
 * Revenue issued in a period (by issue date), before tax, by therapist and appointment type;
 * credit notes count against the therapist and type of the invoice they correct.
 */
export async function revenueReport(db: Db, actor: Actor, from: string, to: string) {
  assertCan(actor, "billing.manage");
  const original = sql`coalesce(${invoices.creditsInvoiceId}, ${invoices.id})`;
  const rows = await db
    .select({
      therapist: sql<string>`coalesce(${users.name}, 'No therapist')`,
      type: sql<string>`coalesce(${appointmentTypes.name}, case when ${invoiceLines.kind} = 'product' then 'Products' else 'Other items' end)`,
      net: sql<string>`sum(case when ${invoices.kind} = 'credit_note' then -${invoiceLines.netMinor} else ${invoiceLines.netMinor} end)`,
      tax: sql<string>`sum(case when ${invoices.kind} = 'credit_note' then -${invoiceLines.taxMinor} else ${invoiceLines.taxMinor} end)`,
    })
    .from(invoiceLines)
    .innerJoin(invoices, and(eq(invoices.clinicId, invoiceLines.clinicId), eq(invoices.id, invoiceLines.invoiceId)))
    .leftJoin(
      appointments,
      and(
        eq(appointments.clinicId, invoices.clinicId),
        sql`${appointments.id} = (select o.appointment_id from invoices o where o.clinic_id = ${invoices.clinicId} and o.id = ${original})`,
      ),
    )
    .leftJoin(
      appointmentTypes,
      and(
        eq(appointmentTypes.clinicId, appointments.clinicId),
        eq(appointmentTypes.id, appointments.typeId),
        eq(invoiceLines.kind, "service"),
      ),
    )
    .leftJoin(users, eq(users.id, invoices.therapistUserId))
    .where(
      and(
        clinicScope(actor, invoiceLines),
        inArray(invoices.status, ["issued", "partly_paid", "paid"]),
        gte(invoices.issueDate, from),
        lte(invoices.issueDate, to),
      ),
    )
    .groupBy(sql`1`, sql`2`)
    .orderBy(sql`1`, sql`2`);
  const settings = await loadBillingSettings(db, actor.clinicId);
  const items = rows.map((r) => ({
    therapist: r.therapist,
    type: r.type,
    netMinor: Number(r.net),
    taxMinor: Number(r.tax),
  }));
  return {
    from,
    to,
    currency: settings.currency,
    items,
    totalNetMinor: items.reduce((s, i) => s + i.netMinor, 0),
    totalTaxMinor: items.reduce((s, i) => s + i.taxMinor, 0),
  };
}

export type RevenueReport = Awaited<ReturnType<typeof revenueReport>>;
