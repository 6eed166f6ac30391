import { route } from "@/lib/http/route";
import * as ops from "@/lib/billing/operations";
import { deleteDraftInvoice } from "@/lib/billing/invoices/delete-draft-invoice";
import { updateDraftInvoice } from "@/lib/billing/invoices/update-draft-invoice";
import { getInvoice } from "@/lib/billing/invoices/get-invoice";

export const GET = route(ops.getInvoice, ({ db, actor, input }) => getInvoice(db, actor, input.params.invoiceId));
export const PATCH = route(ops.updateInvoice, ({ db, actor, input }) =>
  updateDraftInvoice(db, actor, input.params.invoiceId, input.body),
);
export const DELETE = route(ops.deleteInvoice, ({ db, actor, input }) =>
  deleteDraftInvoice(db, actor, input.params.invoiceId, input.query.version),
);
