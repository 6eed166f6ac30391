import { route } from "@/lib/http/route";
import * as ops from "@/lib/documents/operations";
import { fileResponse } from "@/lib/documents/document-files/file-bytes";
import { getDocumentFile } from "@/lib/documents/document-files/get-document-file";

export const GET = route(ops.getClientDocumentFile, async ({ db, actor, input, req }) =>
  fileResponse(
    await getDocumentFile(db, actor, input.params.clientId, input.params.documentId, input.query.variant),
    input.query.download ?? false,
    req,
  ),
);
