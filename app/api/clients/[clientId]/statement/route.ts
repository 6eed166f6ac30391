import { route } from "@/lib/http/route";
import * as ops from "@/lib/billing/operations";
import { renderStatementPdf } from "@/lib/billing/render-statement-pdf";
import { pdfResponse } from "@/lib/pdf/document";

export const GET = route(ops.clientStatementPdf, async ({ db, actor, input }) => {
  const { body, filename } = await renderStatementPdf(db, actor, input.params.clientId);
  return pdfResponse(body, filename);
});
