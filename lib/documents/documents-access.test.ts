import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "@/db/schema";
import { actorFor, clientIdByName, freshDb, sessionFor, type TestDb } from "@/lib/testing/db";
import type { RouteDeps } from "@/lib/http/route";
import * as listRoute from "@/app/api/clients/[clientId]/documents/route";
import * as docRoute from "@/app/api/clients/[clientId]/documents/[documentId]/route";
import * as fileRoute from "@/app/api/clients/[clientId]/documents/[documentId]/file/route";
import * as thumbRoute from "@/app/api/clients/[clientId]/documents/[documentId]/thumbnail/route";
import * as portalList from "@/app/api/portal/documents/route";
import * as portalFile from "@/app/api/portal/documents/[documentId]/file/route";
import { uploadDocument } from "./upload-document";

const TINY_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";
const U = "http://knotwork.test/api";

let t: TestDb;
let priya: string;
let casey: string;
let priyaDoc: string;
let caseyShared: string;
let caseyPrivate: string;

const deps = async (email: string, clinic = "demo-clinic"): Promise<RouteDeps> => ({
  db: t.db,
  session: await sessionFor(t.db, email, clinic),
});
const file = async (clientId: string, documentId: string, who: string, clinic = "demo-clinic") =>
  fileRoute.GET.invoke(
    new Request(`${U}/clients/${clientId}/documents/${documentId}/file`),
    { clientId, documentId },
    await deps(who, clinic),
  );
const myFile = async (documentId: string, who = "client@demo.test", clinic = "demo-clinic") =>
  portalFile.GET.invoke(
    new Request(`${U}/portal/documents/${documentId}/file`),
    { documentId },
    await deps(who, clinic),
  );
const events = (action: string, entityId: string) =>
  t.db
    .select({ actor: auditEvents.actorUserId, clientId: auditEvents.clientId, entityType: auditEvents.entityType })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)));

beforeAll(async () => {
  t = await freshDb();
  priya = await clientIdByName(t.db, "Priya", "Shah");
  casey = await clientIdByName(t.db, "Casey", "Client");
  const therapist = await actorFor(t.db, "therapist@demo.test");
  const photo = {
    kind: "posture_photo" as const,
    documentDate: "2026-11-01",
    view: "front" as const,
    fileName: "p.png",
    dataBase64: TINY_PNG,
  };
  priyaDoc = (await uploadDocument(t.db, therapist, priya, { ...photo, title: "Priya front", sharedWithClient: true }))
    .id;
  caseyShared = (
    await uploadDocument(t.db, therapist, casey, { ...photo, title: "Casey front", sharedWithClient: true })
  ).id;
  caseyPrivate = (await uploadDocument(t.db, therapist, casey, { ...photo, title: "Casey private" })).id;
});
afterAll(() => t.close());

describe("documents are isolated between clinics and clients", () => {
  it("another clinic's staff get 404 for the list, the file, the thumbnail and edits", async () => {
    for (const who of ["therapist@other.test", "admin@other.test"]) {
      const d = await deps(who, "other-clinic");
      expect(
        (await listRoute.GET.invoke(new Request(`${U}/clients/${priya}/documents`), { clientId: priya }, d)).status,
      ).not.toBe(200);
      expect([403, 404]).toContain((await file(priya, priyaDoc, who, "other-clinic")).status);
    }
    const other = await deps("therapist@other.test", "other-clinic");
    expect(
      (await listRoute.GET.invoke(new Request(`${U}/clients/${priya}/documents`), { clientId: priya }, other)).status,
    ).toBe(404);
    expect((await file(priya, priyaDoc, "therapist@other.test", "other-clinic")).status).toBe(404);
    const thumb = await thumbRoute.GET.invoke(new Request(`${U}/x`), { clientId: priya, documentId: priyaDoc }, other);
    expect(thumb.status).toBe(404);
    const patch = await docRoute.PATCH.invoke(
      new Request(`${U}/x`, {
        method: "PATCH",
        body: JSON.stringify({ version: 1, title: "Mine now" }),
        headers: { "content-type": "application/json" },
      }),
      { clientId: priya, documentId: priyaDoc },
      other,
    );
    expect(patch.status).toBe(404);
  });

  it("a document asked for under another client of the same clinic is 404", async () => {
    expect((await file(casey, priyaDoc, "therapist@demo.test")).status).toBe(404);
    expect((await file(priya, priyaDoc, "therapist@demo.test")).status).toBe(200);
  });

  it("admins (no clinical access) are refused; clients never reach the staff routes", async () => {
    expect((await file(priya, priyaDoc, "admin@demo.test")).status).toBe(403);
    expect((await file(casey, caseyShared, "client@demo.test")).status).toBe(403);
  });

  it("the portal lists and serves only what was shared with that client", async () => {
    const list = await (
      await portalList.GET.invoke(new Request(`${U}/portal/documents`), {}, await deps("client@demo.test"))
    ).json();
    expect(list.documents.map((d: { id: string }) => d.id)).toEqual([caseyShared]);
    expect(Object.keys(list.documents[0])).not.toContain("tags");
    expect((await myFile(caseyShared)).status).toBe(200);
    expect((await myFile(caseyPrivate)).status).toBe(404);
    // Shared with Priya, not with Casey.
    expect((await myFile(priyaDoc)).status).toBe(404);
    expect((await myFile(caseyShared, "client@other.test", "other-clinic")).status).toBe(404);
  });
});

describe("every read of a document is in the audit trail", () => {
  it("listing and opening are recorded with the client; the grid thumbnail is covered by the list", async () => {
    const therapist = await actorFor(t.db, "therapist@demo.test");
    await listRoute.GET.invoke(
      new Request(`${U}/clients/${priya}/documents`),
      { clientId: priya },
      await deps("therapist@demo.test"),
    );
    expect(await events("documents.listed", priya)).toEqual([
      { actor: therapist.userId, clientId: priya, entityType: "client" },
    ]);
    await file(priya, priyaDoc, "therapist@demo.test");
    await fileRoute.GET.invoke(
      new Request(`${U}/x?variant=preview`),
      { clientId: priya, documentId: priyaDoc },
      await deps("therapist@demo.test"),
    );
    expect(await events("document.viewed", priyaDoc)).toHaveLength(3); // two above + the isolation test's 200
    await thumbRoute.GET.invoke(
      new Request(`${U}/x`),
      { clientId: priya, documentId: priyaDoc },
      await deps("therapist@demo.test"),
    );
    expect(await events("document.viewed", priyaDoc)).toHaveLength(3);
  });

  it("a refused attempt is recorded in the trying clinic's trail; the client's own download in the clinic's", async () => {
    // The route wrapper names the first path parameter tried: here the client's id.
    const refused = await events("access.refused", priya);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((e) => e.clientId === null && e.entityType === "client")).toBe(true);
    const client = await actorFor(t.db, "client@demo.test");
    const own = await events("document.viewed", caseyShared);
    expect(own).toContainEqual({ actor: client.userId, clientId: casey, entityType: "client_document" });
  });
});

describe("editing and removing", () => {
  it("a stale version is a 409 that explains; removal hides the document everywhere", async () => {
    const d = await deps("therapist@demo.test");
    const patch = (body: unknown) =>
      docRoute.PATCH.invoke(
        new Request(`${U}/x`, {
          method: "PATCH",
          body: JSON.stringify(body),
          headers: { "content-type": "application/json" },
        }),
        { clientId: casey, documentId: caseyShared },
        d,
      );
    const ok = await patch({ version: 1, tags: ["baseline"], sharedWithClient: false });
    expect(await ok.json()).toMatchObject({ version: 2, tags: ["baseline"], sharedWithClient: false });
    const stale = await patch({ version: 1, title: "Old" });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.message).toMatch(/Someone changed this document/);
    expect((await myFile(caseyShared)).status).toBe(404);
    const del = await docRoute.DELETE.invoke(
      new Request(`${U}/x`, { method: "DELETE" }),
      { clientId: casey, documentId: caseyPrivate },
      d,
    );
    expect(del.status).toBe(204);
    expect((await file(casey, caseyPrivate, "therapist@demo.test")).status).toBe(404);
  });
});
