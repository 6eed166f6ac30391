/**
 * Row-level security, the second wall (issue 11 item 8; migration 0036). The test database is
 * owned by a superuser, which RLS never binds, so these tests take a non-superuser role without
 * BYPASSRLS, as the production application role is (scripts/db-least-privilege.sql), with SET LOCAL
 * ROLE inside a transaction that is rolled back. PGlite supports roles and RLS as PostgreSQL does.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { tableTenancy } from "@/db/schema/tenancy";
import { freshDb, actorFor, clinicIdBySlug, inRolledBackTransaction, type TestDb } from "@/lib/testing/db";
import { listClients } from "@/lib/clients/records/list-clients";
import { sqlState } from "@/lib/errors";
import { clinicDb } from "./clinic-db";

const ROLE = "knotwork_rls_probe";
const clinicTables = Object.entries(tableTenancy)
  .filter(([, tenancy]) => tenancy === "clinic")
  .map(([name]) => name);

let t: TestDb;
let demo: string;
let other: string;
beforeAll(async () => {
  t = await freshDb();
  demo = await clinicIdBySlug(t.db, "demo-clinic");
  other = await clinicIdBySlug(t.db, "other-clinic");
  // Roles belong to the whole server: several test runs may create this one at once.
  try {
    await t.db.execute(
      sql.raw(`do $$ begin
        if not exists (select 1 from pg_roles where rolname = '${ROLE}') then
          create role ${ROLE} nologin nosuperuser nobypassrls;
        end if; end $$`),
    );
  } catch (err) {
    if (!["42710", "23505", "XX000"].includes(sqlState(err) ?? "")) throw err;
  }
  await t.db.execute(sql.raw(`grant select, insert, update, delete on all tables in schema public to ${ROLE}`));
});
afterAll(() => t.close());

/** Runs `fn` as the probe role, in a transaction rolled back afterwards. */
const asAppRole = <T>(fn: (tx: Db) => Promise<T>) =>
  inRolledBackTransaction(t.db, async (tx) => {
    await tx.execute(sql.raw(`set local role ${ROLE}`));
    return fn(tx);
  });

const count = async (db: Db, table: string, where = "true") =>
  Number(rowsOf<{ n: string }>(await db.execute(sql.raw(`select count(*) as n from "${table}" where ${where}`)))[0]!.n);

describe("row-level security", () => {
  it("is enabled and forced, with the clinic policy, on every clinic-owned table and no other", async () => {
    const rows = rowsOf<{ table: string; enabled: boolean; forced: boolean; policies: string[] }>(
      await t.db.execute(sql`
        select c.relname as table, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
          array(select p.polname::text from pg_policy p where p.polrelid = c.oid order by 1) as policies
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r'`),
    );
    const secured = rows.filter((r) => r.enabled).map((r) => r.table);
    expect(secured.sort()).toEqual([...clinicTables].sort());
    for (const r of rows.filter((r) => r.enabled)) {
      expect(r.forced, r.table).toBe(true);
      expect(r.policies, r.table).toEqual([`${r.table}_clinic_isolation`]);
    }
  });

  it("a deliberately unscoped query without the clinic setting sees no row of any clinic", async () => {
    const counts = async (db: Db) => {
      const out: Record<string, number> = {};
      for (const table of clinicTables) out[table] = await count(db, table);
      return out;
    };
    // As the owner (superuser) the demo data is there...
    const owned = await counts(t.db);
    expect(owned.clients).toBeGreaterThan(0);
    expect(owned.memberships).toBeGreaterThan(0);
    // ...and as the application's role, without app.clinic_id, every clinic-owned table is empty.
    const seen = await asAppRole(counts);
    expect(Object.values(seen).every((n) => n === 0)).toBe(true);
  });

  it("with clinic A set, a query for clinic B's rows returns nothing and B's rows cannot be written", async () => {
    const seen = await asAppRole(async (tx) => {
      const db = await clinicDb(tx, demo);
      return {
        own: await count(db, "clients", `clinic_id = '${demo}'`),
        others: await count(db, "clients", `clinic_id = '${other}'`),
        otherAppointments: await count(db, "appointments", `clinic_id = '${other}'`),
        otherMemberships: await count(db, "memberships", `clinic_id = '${other}'`),
        all: await count(db, "clients"),
      };
    });
    expect(seen.own).toBeGreaterThan(0);
    expect(seen).toMatchObject({ others: 0, otherAppointments: 0, otherMemberships: 0, all: seen.own });

    const refused = await asAppRole(async (tx) => {
      const db = await clinicDb(tx, demo);
      return db
        .execute(sql`insert into clients (clinic_id, first_name, last_name) values (${other}, 'Wrong', 'Clinic')`)
        .then(() => "written")
        .catch((err: unknown) => sqlState(err));
    });
    expect(refused).toBe("42501");
  });

  it("a use-case whose actor names another clinic than the handle finds nothing (a scoping bug is contained)", async () => {
    // The query scopes by the actor's clinic (other), the handle is demo's: the two walls disagree.
    const actor = await actorFor(t.db, "admin@other.test", "other-clinic");
    const asOwner = await listClients(t.db, actor, { status: "all", limit: 200, offset: 0 });
    expect(asOwner.items.length).toBeGreaterThan(0);
    const leaked = await asAppRole(async (tx) =>
      listClients(await clinicDb(tx, demo), actor, { status: "all", limit: 200, offset: 0 }),
    );
    expect(leaked.items).toEqual([]);
    // The right clinic's handle sees them, as the application does.
    const own = await asAppRole(async (tx) =>
      listClients(await clinicDb(tx, other), actor, { status: "all", limit: 200, offset: 0 }),
    );
    expect(own.items.length).toBe(asOwner.items.length);
  });

  it("a person's live memberships in every clinic are counted through one owner's-rights function, nothing more", async () => {
    const olive = rowsOf<{ id: string }>(
      await t.db.execute(sql`select id from users where email = 'admin@other.test'`),
    )[0]!.id;
    const seen = await asAppRole(async (tx) => {
      const db = await clinicDb(tx, demo);
      return {
        direct: await count(db, "memberships", `user_id = '${olive}'`),
        counted: rowsOf<{ n: number }>(await db.execute(sql`select live_membership_count(${olive}) as n`))[0]!.n,
      };
    });
    expect(seen.direct).toBe(0);
    expect(seen.counted).toBe(await count(t.db, "memberships", `user_id = '${olive}' and revoked_at is null`));
    expect(seen.counted).toBeGreaterThan(0);
  });
});
