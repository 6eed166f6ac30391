import { route } from "@/lib/http/route";
import * as ops from "@/lib/billing/operations-desk";
import { emailInvoice } from "@/lib/billing/email-invoice";

export const POST = route(ops.emailInvoice, ({ db, actor, input }) => emailInvoice(db, actor, input.params.invoiceId));
