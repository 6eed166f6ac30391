import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clientDocuments, users } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { getClientOrThrow } from "@/lib/clients/records/get-client-or-throw";
import { documentColumns, toDocumentDto } from "../queries";
import type { DocumentDto } from "../schemas";

/** The client's documents, newest first (by the document's own date, then upload). */
export async function listClientDocuments(db: Db, actor: Actor, clientId: string): Promise<DocumentDto[]> {
  assertCan(actor, "clinical.read");
  await getClientOrThrow(db, actor, clientId);
  const rows = await db
    .select(documentColumns)
    .from(clientDocuments)
    .innerJoin(users, eq(users.id, clientDocuments.uploadedBy))
    .where(
      and(
        clinicScope(actor, clientDocuments),
        eq(clientDocuments.clientId, clientId),
        isNull(clientDocuments.deletedAt),
      ),
    )
    .orderBy(desc(clientDocuments.documentDate), desc(clientDocuments.uploadedAt))
    .limit(500);
  return rows.map(toDocumentDto);
}
