import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { allocations, payments } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { notFound } from "@/lib/errors";
import type { PaymentDto } from "../payment-schemas";

export async function getPayment(db: Db, actor: Actor, paymentId: string): Promise<PaymentDto> {
  assertCan(actor, "billing.manage");
  const [p] = await db
    .select({
      id: payments.id,
      clientId: payments.clientId,
      kind: payments.kind,
      method: payments.method,
      amountMinor: payments.amountMinor,
      currency: payments.currency,
      receivedAt: payments.receivedAt,
      reference: payments.reference,
      allocatedMinor: sql<string>`coalesce((select sum(a.amount_minor) from ${allocations} a where a.clinic_id = payments.clinic_id and a.payment_id = payments.id), 0)`,
    })
    .from(payments)
    .where(and(clinicScope(actor, payments), eq(payments.id, paymentId)));
  if (!p) throw notFound("That payment");
  return { ...p, receivedAt: p.receivedAt.toISOString(), allocatedMinor: Number(p.allocatedMinor) };
}
