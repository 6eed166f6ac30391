import "server-only";
import { and, gte, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { payments } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { addLocalDays, zonedInstant } from "@/lib/format/zoned";
import { loadBillingSettings } from "../settings/load-billing-settings";
import { PAYMENT_METHODS } from "../rules/constants";

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

export type TakingsReport = Awaited<ReturnType<typeof dailyTakings>>;
