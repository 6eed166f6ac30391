import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { freshDb, type TestDb } from "@/lib/testing/db";
import { checkTenancy } from "@/lib/testing/tenancy-check";
import { tableTenancy } from "./tenancy";

describe("tenancy of the real schema", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await freshDb();
  });
  afterAll(() => t?.close());

  it("classifies every table, and clinic tables key and reference by clinic_id", async () => {
    expect(await checkTenancy(t.db, tableTenancy)).toEqual([]);
  });

  it("holds at least the clinic tables the foundation relies on", () => {
    const clinicTables = Object.entries(tableTenancy)
      .filter(([, v]) => v === "clinic")
      .map(([k]) => k);
    expect(clinicTables).toEqual(expect.arrayContaining(["clients", "invitations", "memberships", "audit_events"]));
  });
});

describe("the tenancy checker", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await freshDb();
    // A table written the way the rules forbid: keyed by id alone, clinic_id nullable,
    // a unique index without clinic_id, and a foreign key to clients on client_id alone
    // (which needs a clinic-less unique index on clients(id) to exist at all).
    await t.db.execute(sql`create unique index bad_clients_id_key on clients (id)`);
    await t.db.execute(sql`
      create table bad_notes (
        clinic_id uuid references clinics (id),
        id uuid primary key default gen_random_uuid(),
        client_id uuid not null,
        slug text not null,
        constraint bad_notes_client_fk foreign key (client_id) references clients (id)
      )`);
    await t.db.execute(sql`create unique index bad_notes_slug_key on bad_notes (slug)`);
    await t.db.execute(sql`create table mystery (id int primary key)`);
  });
  afterAll(() => t?.close());

  it("reports each way a clinic table can leak across clinics", async () => {
    const problems = await checkTenancy(t.db, { ...tableTenancy, bad_notes: "clinic" });
    expect(problems).toEqual(
      expect.arrayContaining([
        "mystery: not classified in db/schema/tenancy.ts",
        "bad_notes: clinic_id is nullable",
        "bad_notes: primary key bad_notes_pkey does not include clinic_id",
        "bad_notes: unique index bad_notes_slug_key does not include clinic_id",
        "bad_notes: foreign key bad_notes_client_fk to clients does not pair clinic_id with clinic_id",
        "clients: unique index bad_clients_id_key does not include clinic_id",
      ]),
    );
    expect(problems).toHaveLength(6);
  });

  it("reports a clinic table with no clinic_id, and a classified table that does not exist", async () => {
    const problems = await checkTenancy(t.db, {
      ...tableTenancy,
      bad_notes: "global",
      mystery: "clinic",
      ghosts: "clinic",
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        "mystery: clinic table without a clinic_id column",
        "ghosts: classified in db/schema/tenancy.ts but not in the database",
      ]),
    );
    // bad_notes is global here, so its foreign key to clients is allowed; the index on clients is not.
    expect(problems).toContain("clients: unique index bad_clients_id_key does not include clinic_id");
    expect(problems.some((p) => p.startsWith("bad_notes"))).toBe(false);
  });
});
