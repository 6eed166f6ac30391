import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clients, invoices, payments } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, can } from "@/lib/identity/scopes";
import { notFound } from "@/lib/errors";
import { listInvoices } from "./invoices/list-invoices";
import { listClientPackages } from "./client-packages";
import { loadBillingSettings } from "./settings/load-billing-settings";
import { PAYMENT_METHOD_LABEL } from "./rules/constants";
import type { ClientAccount } from "./payment-schemas";

/** Who may read a client's account: billing staff for any client, a client for their own. */
function assertAccountAccess(actor: Actor, clientId: string) {
  if (can(actor, "billing.manage")) return;
  if (actor.clientId === clientId && can(actor, "portal.self")) return;
  if (actor.clientId) throw notFound("That client");
  assertCan(actor, "billing.manage");
}

/**
 * The client's account: what they owe, what they have on credit, and a statement of every
 * issued invoice, credit note, payment and refund with the running balance (positive: the
 * client owes the clinic). Void invoices are left out: they never asked for money.
 */
export async function getClientAccount(db: Db, actor: Actor, clientId: string): Promise<ClientAccount> {
  assertAccountAccess(actor, clientId);
  const [client] = await db
    .select({ first: clients.firstName, last: clients.lastName })
    .from(clients)
    .where(and(eq(clients.clinicId, actor.clinicId), eq(clients.id, clientId)));
  if (!client) throw notFound("That client");
  const [settings, docs, money, summaries, packages] = await Promise.all([
    loadBillingSettings(db, actor.clinicId),
    db
      .select({
        id: invoices.id,
        kind: invoices.kind,
        number: invoices.displayNumber,
        total: invoices.totalMinor,
        allocated: invoices.allocatedMinor,
        status: invoices.status,
        at: invoices.issuedAt,
      })
      .from(invoices)
      .where(
        and(
          eq(invoices.clinicId, actor.clinicId),
          eq(invoices.clientId, clientId),
          inArray(invoices.status, ["issued", "partly_paid", "paid"]),
        ),
      ),
    db
      .select({
        id: payments.id,
        kind: payments.kind,
        method: payments.method,
        amount: payments.amountMinor,
        at: payments.receivedAt,
        reference: payments.reference,
      })
      .from(payments)
      .where(and(eq(payments.clinicId, actor.clinicId), eq(payments.clientId, clientId))),
    listInvoices(db, actor, { clientId, limit: 200 }),
    listClientPackages(db, actor, clientId),
  ]);
  const raw = [
    ...docs.map((d) => ({
      at: d.at!,
      kind: d.kind,
      id: d.id,
      reference: d.number ?? "",
      amountMinor: d.kind === "invoice" ? d.total : -d.total,
    })),
    ...money.map((p) => ({
      at: p.at,
      kind: p.kind,
      id: p.id,
      reference: [PAYMENT_METHOD_LABEL[p.method], p.reference].filter(Boolean).join(" · "),
      amountMinor: p.kind === "payment" ? -p.amount : p.amount,
    })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  let balance = 0;
  const entries = raw.map((e) => {
    balance += e.amountMinor;
    return { ...e, at: e.at.toISOString(), balanceMinor: balance };
  });
  const owing = docs.filter((d) => d.kind === "invoice").reduce((s, d) => s + (d.total - d.allocated), 0);
  return {
    clientId,
    clientName: `${client.first} ${client.last}`,
    currency: settings.currency,
    owingMinor: owing,
    creditMinor: owing - balance,
    balanceMinor: balance,
    entries,
    invoices: summaries,
    packages,
  };
}
