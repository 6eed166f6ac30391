import { queryOptions } from "@tanstack/react-query";
import { api } from "@/app/_lib/api";
import type { DocumentDto } from "@/lib/documents/schemas";

export const documentKeys = {
  list: (clientId: string) => ["documents", clientId] as const,
};

export function clientDocumentsQuery(clientId: string) {
  return queryOptions({
    queryKey: documentKeys.list(clientId),
    queryFn: ({ signal }) =>
      api<{ documents: DocumentDto[] }>(`/api/clients/${clientId}/documents`, { signal }).then((r) => r.documents),
  });
}

export const documentFileUrl = (clientId: string, id: string, variant: "original" | "preview" = "original") =>
  `/api/clients/${clientId}/documents/${id}/file${variant === "preview" ? "?variant=preview" : ""}`;
export const documentThumbUrl = (clientId: string, id: string) => `/api/clients/${clientId}/documents/${id}/thumbnail`;
