import { route } from "@/lib/http/route";
import * as ops from "@/lib/billing/operations";
import { getInvoice } from "@/lib/billing/invoices/get-invoice";

export const GET = route(ops.getMyInvoice, ({ db, actor, input }) => getInvoice(db, actor, input.params.myInvoiceId));
