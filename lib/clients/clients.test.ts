import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditEvents, clients } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { clientScope } from "@/lib/identity/scopes";
import { AppError } from "@/lib/errors";
import { actorFor, clientIdByName, freshDb, type TestDb } from "@/lib/testing/db";
import { listClientsQuery } from "./schemas";
import { createClient } from "./records/create-client";
import { getClientOrThrow } from "./records/get-client-or-throw";
import { listClients } from "./records/list-clients";
import { setClientArchived } from "./records/set-client-archived";
import { updateClient } from "./records/update-client";

let t: TestDb;
let admin: Actor;
let therapist: Actor;
beforeAll(async () => {
  t = await freshDb();
  admin = await actorFor(t.db, "admin@demo.test");
  therapist = await actorFor(t.db, "therapist@demo.test");
});
afterAll(() => t?.close());

const query = (q: Record<string, unknown> = {}) => listClientsQuery.parse(q);
const names = (r: { items: { firstName: string; lastName: string }[] }) =>
  r.items.map((c) => `${c.firstName} ${c.lastName}`);

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe("create and list", () => {
  it("creates a client that the clinic's staff can list and open", async () => {
    const created = await createClient(t.db, admin, {
      firstName: "Zelda",
      lastName: "Quist",
      email: "zelda.quist@example.test",
      phone: "+44 (0)20 7946 0958",
    });
    expect(created).toMatchObject({
      firstName: "Zelda",
      lastName: "Quist",
      version: 1,
      archivedAt: null,
      hasPortalAccess: false,
    });
    expect(names(await listClients(t.db, therapist, query({ q: "quist" })))).toEqual(["Zelda Quist"]);
    expect((await getClientOrThrow(t.db, therapist, created.id)).email).toBe("zelda.quist@example.test");
    const [event] = await t.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.clinicId, admin.clinicId), eq(auditEvents.entityId, created.id)));
    expect(event?.action).toBe("client.created");
  });

  it("lists only the actor's clinic, sorted by last name", async () => {
    const all = await listClients(t.db, admin, query({ limit: 200 }));
    expect(names(all)).toContain("Priya Shah");
    expect(names(all)).not.toContain("Noah Reed");
    const lastNames = all.items.map((c) => c.lastName.toLowerCase());
    expect(lastNames).toEqual([...lastNames].sort());
    expect(all.total).toBe(all.items.length);
  });

  it("searches by name, email and phone digits whatever the formatting", async () => {
    expect(names(await listClients(t.db, admin, query({ q: "PRIYA" })))).toEqual(["Priya Shah"]);
    expect(names(await listClients(t.db, admin, query({ q: "tom.okafor@" })))).toEqual(["Tom Okafor"]);
    // Stored as "+44 7700 900002".
    expect(names(await listClients(t.db, admin, query({ q: "7700900002" })))).toEqual(["Priya Shah"]);
    expect(names(await listClients(t.db, admin, query({ q: "(7700) 900-002" })))).toEqual(["Priya Shah"]);
    expect(names(await listClients(t.db, admin, query({ q: "900.003" })))).toEqual(["Tom Okafor"]);
    // International prefix with spaces, and the national form with its leading 0.
    expect(names(await listClients(t.db, admin, query({ q: "+44 7700 900002" })))).toEqual(["Priya Shah"]);
    expect(names(await listClients(t.db, admin, query({ q: "07700 900002" })))).toEqual(["Priya Shah"]);
    // Stored as "+44 (0)20 7946 0958" by the first test.
    expect(names(await listClients(t.db, admin, query({ q: "020-7946-0958" })))).toEqual(["Zelda Quist"]);
    expect(names(await listClients(t.db, admin, query({ q: "100%" })))).toEqual([]);
  });
});

describe("update", () => {
  it("saves with the current version and bumps it", async () => {
    const id = await clientIdByName(t.db, "Ben", "Walsh");
    const updated = await updateClient(t.db, therapist, id, { phone: "+44 7700 900555", version: 1 });
    expect(updated).toMatchObject({ phone: "+44 7700 900555", version: 2 });
  });

  it("refuses a stale version with CONFLICT and writes nothing", async () => {
    const id = await clientIdByName(t.db, "Hannah", "Kim");
    await updateClient(t.db, admin, id, { preferredName: "Han", version: 1 });
    const before = await getClientOrThrow(t.db, admin, id);
    const eventsBefore = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, id));

    const err = await rejection(updateClient(t.db, therapist, id, { lastName: "Stale", version: 1 }));
    expect(err.code).toBe("CONFLICT");
    expect(err.details).toEqual({ currentVersion: 2 });

    expect(await getClientOrThrow(t.db, admin, id)).toEqual(before);
    expect(await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, id))).toHaveLength(eventsBefore.length);
  });
});

describe("archive and restore", () => {
  it("hides an archived client from the default list, refuses edits, and restores it", async () => {
    const id = await clientIdByName(t.db, "Luca", "Rossi");
    const archived = await setClientArchived(t.db, admin, id, true);
    expect(archived.archivedAt).not.toBeNull();
    expect(names(await listClients(t.db, admin, query({ q: "Rossi" })))).toEqual([]);
    expect(names(await listClients(t.db, admin, query({ q: "Rossi", status: "archived" })))).toEqual(["Luca Rossi"]);
    expect((await rejection(updateClient(t.db, admin, id, { phone: "123", version: archived.version }))).code).toBe(
      "CONFLICT",
    );

    const restored = await setClientArchived(t.db, therapist, id, false);
    expect(restored.archivedAt).toBeNull();
    expect(restored.version).toBe(archived.version + 1);
    expect(names(await listClients(t.db, admin, query({ q: "Rossi" })))).toEqual(["Luca Rossi"]);
  });
});

describe("tenancy and scope", () => {
  it("treats another clinic's client as not found, and leaves it untouched", async () => {
    const noah = await clientIdByName(t.db, "Noah", "Reed", "other-clinic");
    for (const attempt of [
      () => getClientOrThrow(t.db, admin, noah),
      () => updateClient(t.db, admin, noah, { lastName: "Hijacked", version: 1 }),
      () => setClientArchived(t.db, admin, noah, true),
    ]) {
      expect((await rejection(attempt())).code).toBe("NOT_FOUND");
    }
    const [row] = await t.db.select().from(clients).where(eq(clients.id, noah));
    expect(row).toMatchObject({ lastName: "Reed", version: 1, archivedAt: null });
  });

  it("lets a client actor see only their own record", async () => {
    const client = await actorFor(t.db, "client@demo.test");
    const own = await clientIdByName(t.db, "Casey", "Client");
    expect(client.clientId).toBe(own);
    const visible = await t.db.select({ id: clients.id }).from(clients).where(clientScope(client));
    expect(visible).toEqual([{ id: own }]);
    expect((await getClientOrThrow(t.db, client, own)).email).toBe("client@demo.test");
    expect((await rejection(getClientOrThrow(t.db, client, await clientIdByName(t.db, "Priya", "Shah")))).code).toBe(
      "NOT_FOUND",
    );
    expect((await rejection(listClients(t.db, client, query()))).code).toBe("FORBIDDEN");
  });
});
