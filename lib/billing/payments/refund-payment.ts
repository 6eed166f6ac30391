import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { payments } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { conflict } from "@/lib/errors";
import { availableCredit, lockClient } from "../ledger";
import { loadBillingSettings } from "../settings/load-billing-settings";
import { formatMoney } from "../rules/money";
import type { refundBody } from "../payment-schemas";
import { getPayment } from "./get-payment";

/**
 * Pays money back out of the client's account credit. Money applied to an invoice is not on
 * account: credit the invoice first (a credit note), then refund.
 */
export async function refundPayment(db: Db, actor: Actor, input: z.output<typeof refundBody>) {
  assertCan(actor, "billing.manage");
  const id = await db.transaction(async (tx) => {
    await lockClient(tx, actor, input.clientId);
    const settings = await loadBillingSettings(tx, actor.clinicId);
    const credit = await availableCredit(tx, actor, input.clientId);
    if (input.amountMinor > credit.totalMinor) {
      const onAccount = formatMoney(Math.max(credit.totalMinor, 0), settings.currency, actor.clinicLocale);
      throw conflict(
        `Only ${onAccount} is on this client's account. To refund a paid invoice, issue a credit note for it first.`,
        { availableMinor: credit.totalMinor },
      );
    }
    const [row] = await tx
      .insert(payments)
      .values({
        clinicId: actor.clinicId,
        clientId: input.clientId,
        kind: "refund",
        method: input.method,
        amountMinor: input.amountMinor,
        currency: settings.currency,
        reference: input.reference,
        createdBy: actor.userId,
      })
      .returning({ id: payments.id });
    await recordEvent(tx, actor, {
      action: "payment.refunded",
      entityType: "payment",
      entityId: row!.id,
      details: { clientId: input.clientId, method: input.method, amountMinor: input.amountMinor },
    });
    return row!.id;
  });
  return getPayment(db, actor, id);
}
