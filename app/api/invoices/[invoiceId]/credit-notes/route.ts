import { route } from "@/lib/http/route";
import * as ops from "@/lib/billing/operations";
import { creditInvoice } from "@/lib/billing/credit-notes";

export const POST = route(ops.creditInvoice, ({ db, actor, input }) =>
  creditInvoice(db, actor, input.params.invoiceId, input.body),
);
