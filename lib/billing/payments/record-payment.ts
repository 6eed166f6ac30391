import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import type { PaymentMethod } from "../rules/constants";
import type { paymentBody } from "../payment-schemas";
import { getPayment } from "./get-payment";
import { recordPaymentIn } from "./record-payment-in";

export async function recordPayment(db: Db, actor: Actor, input: z.output<typeof paymentBody>) {
  assertCan(actor, "billing.manage");
  const id = await db.transaction((tx) =>
    recordPaymentIn(tx, actor, {
      ...input,
      method: input.method as PaymentMethod,
      receivedAt: input.receivedAt ? new Date(input.receivedAt) : undefined,
    }),
  );
  return getPayment(db, actor, id);
}
