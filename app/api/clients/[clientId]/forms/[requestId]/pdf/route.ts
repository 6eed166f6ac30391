import { route } from "@/lib/http/route";
import * as ops from "@/lib/forms/operations";
import { getSubmissionPdf } from "@/lib/forms/get-submission-pdf";
import { fileResponse } from "@/lib/documents/document-files/file-bytes";

export const GET = route(ops.getClientFormPdf, async ({ db, actor, input, req }) =>
  fileResponse(
    {
      ...(await getSubmissionPdf(db, actor, input.params.clientId, input.params.requestId)),
      contentType: "application/pdf",
    },
    false,
    req,
  ),
);
