import { route } from "@/lib/http/route";
import * as ops from "@/lib/documents/operations";
import { listClientDocuments } from "@/lib/documents/client-documents/list-client-documents";
import { uploadDocument } from "@/lib/documents/upload-document";

export const GET = route(ops.listClientDocuments, async ({ db, actor, input }) => ({
  documents: await listClientDocuments(db, actor, input.params.clientId),
}));

export const POST = route(ops.uploadClientDocument, ({ db, actor, input }) =>
  uploadDocument(db, actor, input.params.clientId, input.body),
);
