/**
 * The clinic handle sets app.clinic_id on every transaction, and on every statement outside one
 * (in a transaction of its own); the platform handle never does. Row-level security reads it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { clinics } from "@/db/schema";
import { rowsOf } from "@/db/client";
import { freshDb, clinicIdBySlug, inRolledBackTransaction, type TestDb } from "@/lib/testing/db";
import { CLINIC_SETTING, clinicDb, setClinicSql } from "./clinic-db";

let t: TestDb;
let demo: string;
beforeAll(async () => {
  t = await freshDb();
  demo = await clinicIdBySlug(t.db, "demo-clinic");
});
afterAll(() => t.close());

const setting = sql`select coalesce(current_setting(${CLINIC_SETTING}, true), '') as clinic`;
const clinicOf = async (db: TestDb["db"]) => rowsOf<{ clinic: string }>(await db.execute(setting))[0]!.clinic;

describe("clinic data-access handle", () => {
  it("sets the clinic for a statement outside a transaction, and only for that statement", async () => {
    const db = await clinicDb(t.db, demo);
    expect(await clinicOf(db)).toBe(demo);
    // The platform handle (the same pool or PGlite) never carries it over.
    expect(await clinicOf(t.db)).toBe("");
    const [row] = await db
      .select({ id: clinics.id })
      .from(clinics)
      .where(sql`${clinics.id} = ${demo}`);
    expect(row?.id).toBe(demo);
  });

  it("sets the clinic in every transaction, including nested ones (savepoints)", async () => {
    const db = await clinicDb(t.db, demo);
    const seen = await db.transaction(async (tx) => {
      const outer = await clinicOf(tx);
      const inner = await tx.transaction(async (sp) => clinicOf(sp));
      return { outer, inner };
    });
    expect(seen).toEqual({ outer: demo, inner: demo });
    expect(await db.transaction(async (tx) => clinicOf(tx), { isolationLevel: "repeatable read" })).toBe(demo);
    // Local to the transaction: the platform handle afterwards sees nothing.
    expect(await clinicOf(t.db)).toBe("");
  });

  it("keeps two clinics apart on one pool, and leaves the pool usable after a failed statement", async () => {
    const other = "00000000-0000-4000-8000-000000000001";
    const [a, b] = await Promise.all([clinicDb(t.db, demo), clinicDb(t.db, other)]);
    const seen = await Promise.all([clinicOf(a), clinicOf(b), clinicOf(a), clinicOf(b)]);
    expect(seen).toEqual([demo, other, demo, other]);
    await expect(a.execute(sql`select 1/0`)).rejects.toThrow();
    await expect(a.transaction(async (tx) => tx.execute(sql`select 1/0`))).rejects.toThrow();
    expect(await clinicOf(a)).toBe(demo);
  });

  it("inside an open transaction, sets the clinic on it", async () => {
    const seen = await inRolledBackTransaction(t.db, async (tx) => clinicOf(await clinicDb(tx, demo)));
    expect(seen).toBe(demo);
  });

  it("accepts only a uuid", () => {
    expect(() => setClinicSql("x'); drop table clients; --")).toThrow();
  });
});
