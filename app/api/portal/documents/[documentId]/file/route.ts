import { route } from "@/lib/http/route";
import * as ops from "@/lib/documents/operations";
import { fileResponse } from "@/lib/documents/document-files/file-bytes";
import { getMyDocumentFile } from "@/lib/documents/document-files/get-my-document-file";

export const GET = route(ops.getMyDocumentFile, async ({ db, actor, input, req }) =>
  fileResponse(
    await getMyDocumentFile(db, actor, input.params.documentId, input.query.variant),
    input.query.download ?? false,
    req,
  ),
);
