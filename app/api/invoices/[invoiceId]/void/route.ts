import { route } from "@/lib/http/route";
import * as ops from "@/lib/billing/operations";
import { voidInvoice } from "@/lib/billing/void-invoice";

export const POST = route(ops.voidInvoice, ({ db, actor, input }) =>
  voidInvoice(db, actor, input.params.invoiceId, input.body.version, input.body.reason),
);
