import { route } from "@/lib/http/route";
import * as ops from "@/lib/documents/operations";
import { listMyDocuments } from "@/lib/documents/document-files/list-my-documents";

export const GET = route(ops.listMyDocuments, async ({ db, actor }) => ({
  documents: await listMyDocuments(db, actor),
}));
