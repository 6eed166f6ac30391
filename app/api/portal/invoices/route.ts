import { route } from "@/lib/http/route";
import * as ops from "@/lib/billing/operations";
import { listInvoices } from "@/lib/billing/invoices/list-invoices";

export const GET = route(ops.listMyInvoices, ({ db, actor }) => listInvoices(db, actor, { limit: 200 }));
