import { route } from "@/lib/http/route";
import * as ops from "@/lib/billing/operations";
import { renderInvoicePdf } from "@/lib/billing/render-invoice-pdf";
import { pdfResponse } from "@/lib/pdf/document";

export const GET = route(ops.myInvoicePdf, async ({ db, actor, input }) => {
  const { body, filename } = await renderInvoicePdf(db, actor, input.params.myInvoiceId);
  return pdfResponse(body, filename);
});
