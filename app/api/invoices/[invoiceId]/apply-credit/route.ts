import { route } from "@/lib/http/route";
import * as ops from "@/lib/billing/operations";
import { applyCreditToInvoice } from "@/lib/billing/payments/apply-credit-to-invoice";

export const POST = route(ops.applyCredit, ({ db, actor, input }) =>
  applyCreditToInvoice(db, actor, input.params.invoiceId),
);
