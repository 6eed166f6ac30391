import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { allocations, clients, invoices, payments } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { conflict, invalid, notFound } from "@/lib/errors";
import type { InvoiceStatus } from "./rules/constants";

/**
 * Serializes money movements of one client (payments, refunds, credits): the client row is
 * locked until commit, so two refunds at once cannot both spend the same credit.
 */
export async function lockClient(tx: Db, actor: Actor, clientId: string) {
  const [c] = await tx
    .select({ id: clients.id, first: clients.firstName, last: clients.lastName })
    .from(clients)
    .where(and(eq(clients.clinicId, actor.clinicId), eq(clients.id, clientId)))
    .for("update");
  if (!c) throw notFound("That client");
  return c;
}

export function paymentStatus(total: number, allocated: number): InvoiceStatus {
  if (allocated >= total) return "paid";
  return allocated > 0 ? "partly_paid" : "issued";
}

/** Money a client has on account: payments and credit notes not applied to invoices, less refunds. */
export async function availableCredit(tx: Db, actor: Actor, clientId: string) {
  const [p] = await tx
    .select({
      paid: sql<string>`coalesce(sum(case when ${payments.kind} = 'payment' then ${payments.amountMinor} else 0 end), 0)`,
      refunded: sql<string>`coalesce(sum(case when ${payments.kind} = 'refund' then ${payments.amountMinor} else 0 end), 0)`,
      applied: sql<string>`coalesce((select sum(a.amount_minor) from ${allocations} a join ${payments} p2 on p2.clinic_id = a.clinic_id and p2.id = a.payment_id where a.clinic_id = ${actor.clinicId} and p2.client_id = ${clientId}), 0)`,
    })
    .from(payments)
    .where(and(eq(payments.clinicId, actor.clinicId), eq(payments.clientId, clientId)));
  const [c] = await tx
    .select({
      credit: sql<string>`coalesce(sum(${invoices.totalMinor} - ${invoices.allocatedMinor}), 0)`,
    })
    .from(invoices)
    .where(
      and(
        eq(invoices.clinicId, actor.clinicId),
        eq(invoices.clientId, clientId),
        eq(invoices.kind, "credit_note"),
        inArray(invoices.status, ["issued", "partly_paid", "paid"]),
      ),
    );
  const cash = Number(p!.paid) - Number(p!.refunded) - Number(p!.applied);
  return { cashMinor: cash, creditNotesMinor: Number(c!.credit), totalMinor: cash + Number(c!.credit) };
}

/** The client's open invoices, oldest first, locked for allocation. */
export async function lockOpenInvoices(tx: Db, actor: Actor, clientId: string, only?: readonly string[]) {
  return tx
    .select({
      id: invoices.id,
      number: invoices.displayNumber,
      total: invoices.totalMinor,
      allocated: invoices.allocatedMinor,
      status: invoices.status,
    })
    .from(invoices)
    .where(
      and(
        eq(invoices.clinicId, actor.clinicId),
        eq(invoices.clientId, clientId),
        eq(invoices.kind, "invoice"),
        inArray(invoices.status, ["issued", "partly_paid"]),
        ...(only ? [inArray(invoices.id, [...only])] : []),
      ),
    )
    .orderBy(asc(invoices.issueDate), asc(invoices.number))
    .for("update");
}

export interface Allocation {
  invoiceId: string;
  amountMinor: number;
}

/**
 * Decides where money goes: the requested allocations (each at most the invoice's balance,
 * never more than the money), or else the oldest open invoices first.
 */
export async function planAllocations(
  tx: Db,
  actor: Actor,
  clientId: string,
  money: number,
  requested: readonly Allocation[] | undefined,
): Promise<Allocation[]> {
  const open = await lockOpenInvoices(
    tx,
    actor,
    clientId,
    requested?.map((r) => r.invoiceId),
  );
  const byId = new Map(open.map((i) => [i.id, i]));
  if (requested) {
    const fieldErrors: Record<string, string[]> = {};
    let sum = 0;
    const merged = new Map<string, number>();
    for (const r of requested) merged.set(r.invoiceId, (merged.get(r.invoiceId) ?? 0) + r.amountMinor);
    [...merged].forEach(([invoiceId, amountMinor], i) => {
      const inv = byId.get(invoiceId);
      sum += amountMinor;
      if (!inv) fieldErrors[`allocations.${i}.invoiceId`] = ["Choose an unpaid invoice of this client."];
      else if (amountMinor > inv.total - inv.allocated) {
        fieldErrors[`allocations.${i}.amountMinor`] = ["More than the invoice's balance."];
      }
    });
    if (sum > money) fieldErrors.allocations = ["The allocations add up to more than the amount."];
    if (Object.keys(fieldErrors).length) throw invalid("Some fields need attention.", fieldErrors);
    return [...merged].map(([invoiceId, amountMinor]) => ({ invoiceId, amountMinor }));
  }
  const plan: Allocation[] = [];
  let left = money;
  for (const inv of open) {
    if (left <= 0) break;
    const take = Math.min(left, inv.total - inv.allocated);
    if (take > 0) plan.push({ invoiceId: inv.id, amountMinor: take });
    left -= take;
  }
  return plan;
}

/** Writes allocations from one source and moves each invoice's paid state. */
export async function applyAllocations(
  tx: Db,
  actor: Actor,
  source: { paymentId: string } | { creditNoteId: string },
  plan: readonly Allocation[],
) {
  for (const a of plan) {
    await tx.insert(allocations).values({
      clinicId: actor.clinicId,
      invoiceId: a.invoiceId,
      paymentId: "paymentId" in source ? source.paymentId : null,
      creditNoteId: "creditNoteId" in source ? source.creditNoteId : null,
      amountMinor: a.amountMinor,
    });
    const [inv] = await tx
      .select({ total: invoices.totalMinor, allocated: invoices.allocatedMinor })
      .from(invoices)
      .where(and(eq(invoices.clinicId, actor.clinicId), eq(invoices.id, a.invoiceId)));
    const allocated = inv!.allocated + a.amountMinor;
    if (allocated > inv!.total) throw conflict("That would pay more than the invoice's balance.");
    await tx
      .update(invoices)
      .set({ allocatedMinor: allocated, status: paymentStatus(inv!.total, allocated), updatedAt: new Date() })
      .where(and(eq(invoices.clinicId, actor.clinicId), eq(invoices.id, a.invoiceId)));
  }
  if ("creditNoteId" in source && plan.length) {
    const used = plan.reduce((s, a) => s + a.amountMinor, 0);
    await tx
      .update(invoices)
      .set({ allocatedMinor: sql`${invoices.allocatedMinor} + ${used}`, updatedAt: new Date() })
      .where(and(eq(invoices.clinicId, actor.clinicId), eq(invoices.id, source.creditNoteId)));
  }
}
