import { route } from "@/lib/http/route";
import * as ops from "@/lib/billing/operations";
import { issueInvoice } from "@/lib/billing/issue-invoice";

export const POST = route(ops.issueInvoice, ({ db, actor, input }) =>
  issueInvoice(db, actor, input.params.invoiceId, input.body.version),
);
