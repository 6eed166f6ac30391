import { route } from "@/lib/http/route";
import * as ops from "@/lib/billing/operations";
import { createDraftInvoice } from "@/lib/billing/invoices/create-draft-invoice";
import { listInvoices } from "@/lib/billing/invoices/list-invoices";

export const GET = route(ops.listInvoices, ({ db, actor, input }) => listInvoices(db, actor, input.query));
export const POST = route(ops.createInvoice, ({ db, actor, input }) => createDraftInvoice(db, actor, input.body));
