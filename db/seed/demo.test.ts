import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rowsOf } from "@/db/client";
import { clinics } from "@/db/schema";
import { freshDb, type TestDb } from "@/lib/testing/db";
import { DEMO_CLIENTS, DEMO_CLINICS, DEMO_STAFF } from "./demo-people";
import { SeedRefusedError, seedDemo } from "./demo";

const TABLES = ["clinics", "users", "memberships", "clients", "audit_events"] as const;

async function counts(t: TestDb): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) {
    out[table] = rowsOf<{ n: number }>(
      await t.db.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`),
    )[0]!.n;
  }
  return out;
}

/**
 * Removes every clinic and person, and everything that refers to them; reference data stays.
 * The cascade reaches the audit tables, whose triggers refuse TRUNCATE to everyone: this test
 * stands in for a brand-new database, so it switches user triggers off for its own transaction
 * (superuser only; the application role can never do this).
 */
async function emptyDatabase(t: TestDb) {
  await t.db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql`truncate clinics, users, login_attempts cascade`);
  });
}

describe("seedDemo", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await freshDb();
  });
  afterAll(() => t?.close());

  it("seeds an empty database, then a second run is a no-op", async () => {
    await emptyDatabase(t);
    expect(await seedDemo(t.db)).toBe("seeded");
    const seeded = await counts(t);
    expect(seeded).toMatchObject({
      clinics: DEMO_CLINICS.length,
      users: DEMO_STAFF.length + DEMO_CLIENTS.filter((c) => c.login).length,
      clients: DEMO_CLIENTS.length,
    });
    expect(await seedDemo(t.db)).toBe("already-seeded");
    expect(await counts(t)).toEqual(seeded);
  });

  it("refuses a database that holds a real clinic, and writes nothing", async () => {
    await emptyDatabase(t);
    await t.db.insert(clinics).values({ name: "Real Clinic", slug: "real-clinic" });
    const before = await counts(t);
    await expect(seedDemo(t.db)).rejects.toBeInstanceOf(SeedRefusedError);
    expect(await counts(t)).toEqual(before);
  });
});
