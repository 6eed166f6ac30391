import "server-only";
import { and, asc, eq, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clientDocuments } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { getClientOrThrow } from "@/lib/clients/records/get-client-or-throw";
import { recordRead } from "@/lib/audit/record-read";
import { notFound } from "@/lib/errors";
import { PHOTO_VIEWS } from "./kinds";
import type { PhotoView } from "./schemas";

/** One posture photo as the comparison lists it (no storage keys, no uploader). */
export interface PosturePhoto {
  id: string;
  title: string;
  documentDate: string;
  view: PhotoView;
}

export interface PostureComparison {
  /** Every view with its photos, oldest first; a view is comparable once it has two. */
  photosByView: Record<PhotoView, PosturePhoto[]>;
  /** The view on show, or null when no view has two photos yet. */
  view: PhotoView | null;
  before: PosturePhoto | null;
  after: PosturePhoto | null;
}

export interface ComparisonPick {
  view?: PhotoView;
  before?: string;
  after?: string;
}

/**
 * Posture over time: the client's posture photos of one view, two of them picked to be shown
 * side by side (by default the first and the latest). A picked id that is not a posture photo
 * of this client with that view (another client's, another clinic's, a letter, a removed photo)
 * is NOT_FOUND, so the page answers 404 and existence never leaks. Both photos shown are
 * recorded in the audit trail as opened documents, like any other opening.
 */
export async function comparePosturePhotos(
  db: Db,
  actor: Actor,
  clientId: string,
  pick: ComparisonPick = {},
): Promise<PostureComparison> {
  assertCan(actor, "clinical.read");
  await getClientOrThrow(db, actor, clientId);
  const rows = await db
    .select({
      id: clientDocuments.id,
      title: clientDocuments.title,
      documentDate: clientDocuments.documentDate,
      view: clientDocuments.view,
    })
    .from(clientDocuments)
    .where(
      and(
        clinicScope(actor, clientDocuments),
        eq(clientDocuments.clientId, clientId),
        eq(clientDocuments.kind, "posture_photo"),
        isNotNull(clientDocuments.view),
        // Only pictures that have a preview rendition can be shown (every image upload has one).
        isNotNull(clientDocuments.previewKey),
        isNull(clientDocuments.deletedAt),
      ),
    )
    .orderBy(asc(clientDocuments.documentDate), asc(clientDocuments.uploadedAt))
    .limit(1000);
  const photosByView = Object.fromEntries(PHOTO_VIEWS.map((v) => [v, [] as PosturePhoto[]])) as Record<
    PhotoView,
    PosturePhoto[]
  >;
  for (const r of rows) photosByView[r.view as PhotoView].push({ ...r, view: r.view as PhotoView });

  const find = (id: string) => {
    const photo = rows.find((r) => r.id === id);
    if (!photo) throw notFound("That photo");
    return photosByView[photo.view as PhotoView].find((p) => p.id === id)!;
  };
  const pickedBefore = pick.before ? find(pick.before) : undefined;
  const pickedAfter = pick.after ? find(pick.after) : undefined;
  const view =
    pick.view ??
    pickedBefore?.view ??
    pickedAfter?.view ??
    PHOTO_VIEWS.find((v) => photosByView[v].length >= 2) ??
    null;
  for (const p of [pickedBefore, pickedAfter]) if (p && p.view !== view) throw notFound("That photo of this view");
  const list = view ? photosByView[view] : [];
  if (list.length < 2 && !pickedBefore && !pickedAfter) return { photosByView, view, before: null, after: null };
  const before = pickedBefore ?? list[0]!;
  const after = pickedAfter ?? list[list.length - 1]!;
  for (const p of new Set([before, after]))
    await recordRead(db, actor, { kind: "document", clientId, entityType: "client_document", entityId: p.id });
  return { photosByView, view, before, after };
}
