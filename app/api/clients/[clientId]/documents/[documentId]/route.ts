import { route } from "@/lib/http/route";
import * as ops from "@/lib/documents/operations";
import { deleteDocument } from "@/lib/documents/client-documents/delete-document";
import { updateDocument } from "@/lib/documents/client-documents/update-document";

export const PATCH = route(ops.updateClientDocument, ({ db, actor, input }) =>
  updateDocument(db, actor, input.params.clientId, input.params.documentId, input.body),
);

export const DELETE = route(ops.deleteClientDocument, ({ db, actor, input }) =>
  deleteDocument(db, actor, input.params.clientId, input.params.documentId),
);
