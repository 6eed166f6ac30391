import { queryOptions } from "@tanstack/react-query";
import { call, hrefFor, ops } from "@/app/_lib/api-client";

export const documentKeys = {
  list: (clientId: string) => ["documents", clientId] as const,
};

export function clientDocumentsQuery(clientId: string) {
  return queryOptions({
    queryKey: documentKeys.list(clientId),
    queryFn: ({ signal }) => call(ops.listClientDocuments, { params: { clientId }, signal }).then((r) => r.documents),
  });
}

export const documentFileUrl = (clientId: string, id: string, variant: "original" | "preview" = "original") =>
  hrefFor(ops.getClientDocumentFile, {
    params: { clientId, documentId: id },
    query: { variant: variant === "preview" ? "preview" : undefined },
  });
export const documentThumbUrl = (clientId: string, id: string) =>
  hrefFor(ops.getClientDocumentThumbnail, { params: { clientId, documentId: id } });
