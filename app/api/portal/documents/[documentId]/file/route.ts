import { route } from "@/lib/http/route";
import * as ops from "@/lib/documents/operations";
import { fileResponse, getMyDocumentFile } from "@/lib/documents/document-files";

export const GET = route(ops.getMyDocumentFile, async ({ db, actor, input, req }) =>
  fileResponse(
    await getMyDocumentFile(db, actor, input.params.documentId, input.query.variant),
    input.query.download ?? false,
    req,
  ),
);
