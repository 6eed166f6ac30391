import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rowsOf } from "@/db/client";
import { actorFor, freshDb, inRolledBackTransaction, type TestDb } from "@/lib/testing/db";
import type { Actor } from "@/lib/identity/actor";
import { createClient } from "./records/create-client";
import { listClients } from "./records/list-clients";
import { updateClient } from "./records/update-client";
import { clientFields, listClientsQuery } from "./schemas";

let t: TestDb;
let admin: Actor;

beforeAll(async () => {
  t = await freshDb();
  admin = await actorFor(t.db, "admin@demo.test");
});
afterAll(() => t.close());

const names = async (q: string) =>
  (await listClients(t.db, admin, listClientsQuery.parse({ q }))).items.map((c) => `${c.firstName} ${c.lastName}`);

describe("client search columns kept by the database", () => {
  it("follows a rename and a new phone number at once (generated columns)", async () => {
    const created = await createClient(
      t.db,
      admin,
      clientFields.parse({ firstName: "Wilhelmina", lastName: "Barraclough", phone: "01632 960111" }),
    );
    expect(await names("helmi")).toEqual(["Wilhelmina Barraclough"]);
    expect(await names("960 111")).toEqual(["Wilhelmina Barraclough"]);
    await updateClient(t.db, admin, created.id, {
      version: created.version,
      firstName: "Mina",
      lastName: "Barraclough",
      phone: "+44 1632 960222",
    });
    expect(await names("helmi")).toEqual([]);
    expect(await names("mina barra")).toEqual(["Mina Barraclough"]);
    expect(await names("960111")).toEqual([]);
    expect(await names("01632 960222")).toEqual(["Mina Barraclough"]);
  });

  it("never matches a term across two fields", async () => {
    await createClient(t.db, admin, clientFields.parse({ firstName: "Ada", lastName: "Mistry" }));
    expect(await names("adam")).toEqual([]);
    expect(await names("ada mis")).toEqual(["Ada Mistry"]);
  });

  it("is answered by the trigram indexes (pg_trgm loaded in both databases)", async () => {
    const plan = await inRolledBackTransaction(t.db, async (tx) => {
      // On a tiny table the planner rightly prefers a scan; turned off, it must find the index.
      await tx.execute(sql`set local enable_seqscan = off`);
      const rows = rowsOf<{ "QUERY PLAN": string }>(
        await tx.execute(
          sql`explain select id from clients where search_text ilike '%sha%' or phone_digits like '%7700%'`,
        ),
      );
      return rows.map((r) => r["QUERY PLAN"]).join("\n");
    });
    expect(plan).toContain("clients_search_text_trgm_idx");
    expect(plan).toContain("clients_phone_digits_trgm_idx");
  });
});
