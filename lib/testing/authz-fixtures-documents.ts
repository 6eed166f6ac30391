import { uploadDocument } from "@/lib/documents/upload-document";
import type { FixtureModule } from "./authz-fixture-module";
import { actorFor, clientIdByName } from "./db";

// A 1×1 PNG: a real picture, so the thumbnail and preview routes have renditions to serve.
const TINY_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

/**
 * Fixtures for the document routes: a posture photo of the walk's client (Priya), and one of
 * Casey (the portal client) shared with her, for the portal's own routes.
 */
export const documentsFixtures: FixtureModule = {
  buildParams: async (db, base) => {
    const therapist = await actorFor(db, "therapist@demo.test");
    const photo = { kind: "posture_photo" as const, documentDate: "2026-11-30", view: "front" as const };
    const doc = await uploadDocument(db, therapist, base.clientId!, {
      ...photo,
      title: "Fixture front view",
      fileName: "front.png",
      dataBase64: TINY_PNG,
    });
    const casey = await clientIdByName(db, "Casey", "Client");
    const shared = await uploadDocument(db, therapist, casey, {
      ...photo,
      title: "Fixture shared photo",
      fileName: "shared.png",
      sharedWithClient: true,
      dataBase64: TINY_PNG,
    });
    return { documentId: doc.id, caseyDocumentId: shared.id };
  },
  paramOverrides: { getMyDocumentFile: { documentId: "caseyDocumentId" } },
};
