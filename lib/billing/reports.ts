import "server-only";
import { and, eq, gte, inArray, lt, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointmentTypes, appointments, clients, invoiceLines, invoices, payments, users } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { addLocalDays, zonedInstant } from "@/lib/format/zoned";
import { loadBillingSettings } from "./settings/load-billing-settings";
import { PAYMENT_METHODS } from "./rules/constants";
import { localDateIn } from "./rules/dates";

/**
 * End-of-day reconciliation: money in and out on one day in the clinic's time zone, by method.
 * The drawer's cash should equal the cash line; the terminal's batch the card line.
 */
export async function dailyTakings(db: Db, actor: Actor, date: string) {
  assertCan(actor, "billing.manage");
  const from = zonedInstant(date, 0, actor.clinicTimezone);
  const to = zonedInstant(addLocalDays(date, 1), 0, actor.clinicTimezone);
  const [settings, rows] = await Promise.all([
    loadBillingSettings(db, actor.clinicId),
    db
      .select({
        method: payments.method,
        received: sql<string>`coalesce(sum(case when ${payments.kind} = 'payment' then ${payments.amountMinor} end), 0)`,
        refunded: sql<string>`coalesce(sum(case when ${payments.kind} = 'refund' then ${payments.amountMinor} end), 0)`,
        count: sql<number>`count(*)::int`,
      })
      .from(payments)
      .where(and(clinicScope(actor, payments), gte(payments.receivedAt, from), lt(payments.receivedAt, to)))
      .groupBy(payments.method),
  ]);
  const byMethod = PAYMENT_METHODS.map((method) => {
    const r = rows.find((x) => x.method === method);
    const received = Number(r?.received ?? 0);
    const refunded = Number(r?.refunded ?? 0);
    return {
      method,
      receivedMinor: received,
      refundedMinor: refunded,
      netMinor: received - refunded,
      count: r?.count ?? 0,
    };
  });
  const total = byMethod.reduce(
    (s, m) => ({
      receivedMinor: s.receivedMinor + m.receivedMinor,
      refundedMinor: s.refundedMinor + m.refundedMinor,
      netMinor: s.netMinor + m.netMinor,
    }),
    { receivedMinor: 0, refundedMinor: 0, netMinor: 0 },
  );
  return { date, currency: settings.currency, byMethod, total };
}

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

export type TakingsReport = Awaited<ReturnType<typeof dailyTakings>>;
export type RevenueReport = Awaited<ReturnType<typeof revenueReport>>;

/** The period a report covers: as asked, else from the first of this month to today (clinic zone). */
export function periodOf(actor: Actor, q: { from?: string; to?: string }) {
  const today = localDateIn(new Date(), actor.clinicTimezone);
  return { from: q.from ?? `${today.slice(0, 8)}01`, to: q.to ?? today };
}

export const todayFor = (actor: Actor) => localDateIn(new Date(), actor.clinicTimezone);
