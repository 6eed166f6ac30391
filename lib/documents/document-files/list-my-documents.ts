import "server-only";
import { and, desc, eq, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clientDocuments, users } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { documentColumns, toDocumentDto } from "../queries";

/** The documents the clinic shared with the signed-in client, newest first. */
export async function listMyDocuments(db: Db, actor: Actor) {
  assertCan(actor, "portal.self");
  if (!actor.clientId) return [];
  const rows = await db
    .select(documentColumns)
    .from(clientDocuments)
    .innerJoin(users, eq(users.id, clientDocuments.uploadedBy))
    .where(
      and(
        clinicScope(actor, clientDocuments),
        eq(clientDocuments.clientId, actor.clientId),
        isNull(clientDocuments.deletedAt),
        isNotNull(clientDocuments.sharedWithClientAt),
      ),
    )
    .orderBy(desc(clientDocuments.documentDate), desc(clientDocuments.uploadedAt))
    .limit(200);
  return rows.map(toDocumentDto).map((d) => ({
    id: d.id,
    kind: d.kind,
    title: d.title,
    contentType: d.contentType,
    byteSize: d.byteSize,
    hasThumbnail: d.hasThumbnail,
    documentDate: d.documentDate,
    view: d.view,
  }));
}
