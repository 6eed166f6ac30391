import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { is, sql } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import { Pool, type PoolClient, type QueryConfig } from "pg";
import type { PGlite, Transaction as PgliteTransaction } from "@electric-sql/pglite";
import * as schema from "./schema";
import type { Db } from "./client";

/**
 * The setting every clinic-owned table's row-level security policy reads (see the RLS migration):
 * a query sees, inserts and changes only rows whose clinic_id equals it, and nothing without it.
 */
export const CLINIC_SETTING = "app.clinic_id";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The statement that sets the clinic for the rest of the current transaction (`true`: local). */
export function setClinicSql(clinicId: string): string {
  // Checked, so inlining it as a literal is safe; a literal lets it ride in the BEGIN's round trip.
  if (!UUID.test(clinicId)) throw new Error("setClinicSql: the clinic id is not a uuid");
  return `select set_config('${CLINIC_SETTING}', '${clinicId.toLowerCase()}', true)`;
}

type PgQueryArgs = [QueryConfig | string, unknown[]?];

/**
 * A checked-out connection whose BEGIN also sets the clinic: drizzle sends `begin` with no
 * parameters, which node-postgres sends as a simple query, so two statements go in one round trip.
 */
function clinicConnection(conn: PoolClient, setClinic: string): PoolClient {
  // Reads started together inside one transaction (lib/portal/home.ts) queue on the connection itself (db/pool.ts).
  const query = (cfg: QueryConfig | string, values?: unknown[]) => {
    const text = typeof cfg === "string" ? cfg : cfg.text;
    if (/^begin\b/i.test(text) && !values?.length) return conn.query(`${text}; ${setClinic}`);
    return conn.query(cfg as QueryConfig, values);
  };
  return new Proxy(conn, {
    get(target, key) {
      if (key === "query") return query;
      const v = Reflect.get(target, key) as unknown;
      return typeof v === "function" ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

/**
 * The pool as a clinic sees it: every transaction sets the clinic in its BEGIN, and a statement
 * outside a transaction runs in one of its own (BEGIN and the setting, the statement, COMMIT).
 * Still a Pool to drizzle (the prototype is the pool's), so its transactions check out a connection.
 */
function clinicPool(pool: Pool, setClinic: string): Pool {
  const connect = async () => clinicConnection(await pool.connect(), setClinic);
  const query = async (...[cfg, values]: PgQueryArgs) => {
    const conn = await pool.connect();
    let broken: Error | undefined;
    try {
      await conn.query(`begin; ${setClinic}`);
      try {
        const result = await conn.query(cfg as QueryConfig, values);
        await conn.query("commit");
        return result;
      } catch (err) {
        await conn.query("rollback").catch((e: Error) => (broken = e));
        throw err;
      }
    } finally {
      conn.release(broken);
    }
  };
  return new Proxy(pool, {
    get(target, key) {
      if (key === "connect") return connect;
      if (key === "query") return query;
      const v = Reflect.get(target, key) as unknown;
      return typeof v === "function" ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

/**
 * PGlite as a clinic sees it: the same rule, in process (no round trips to save). The clinic is
 * set just before the transaction's first statement other than SET TRANSACTION (which must come first).
 */
function clinicPglite(client: PGlite, setClinic: string): PGlite {
  const inClinic = <T>(fn: (tx: PgliteTransaction) => Promise<T>) =>
    client.transaction(async (tx) => {
      let set: Promise<unknown> | undefined;
      const query = async (q: string, ...rest: unknown[]) => {
        const first = !set && /^\s*set\s+transaction\b/i.test(q);
        if (!first) await (set ??= tx.query(setClinic));
        return (tx.query as (...a: unknown[]) => Promise<unknown>)(q, ...rest);
      };
      const scoped = new Proxy(tx, {
        get(target, key) {
          if (key === "query") return query;
          const v = Reflect.get(target, key) as unknown;
          return typeof v === "function" ? (v as (...a: unknown[]) => unknown).bind(target) : v;
        },
      });
      return fn(scoped);
    });
  return new Proxy(client, {
    get(target, key) {
      if (key === "transaction") return inClinic;
      if (key === "query") {
        return (q: string, params?: unknown[], options?: Parameters<PGlite["query"]>[2]) =>
          inClinic((tx) => tx.query(q, params, options));
      }
      const v = Reflect.get(target, key) as unknown;
      return typeof v === "function" ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

// drizzle() reads the schema's relations each time; one handle per clinic and database is enough.
const handles = new WeakMap<object, Map<string, Db>>();
const MAX_HANDLES_PER_DATABASE = 1000;

/**
 * The database as one clinic's data-access handle: every transaction (and every statement
 * outside one, in a transaction of its own) first runs `set_config('app.clinic_id', clinic, true)`,
 * which row-level security reads. Queries still scope by clinic themselves (lib/identity/scopes.ts);
 * this is the second wall. Platform work (sign-in, public booking by slug, the worker, seeding,
 * migrations, the platform operator) uses the platform handle instead (db/index.ts).
 *
 * Inside an open transaction (tests run requests in one that is rolled back) the clinic is set on
 * that transaction, which is then returned.
 */
export async function clinicDb(base: Db, clinicId: string): Promise<Db> {
  const setClinic = setClinicSql(clinicId);
  if (is(base, PgTransaction)) {
    await base.execute(sql.raw(setClinic));
    return base;
  }
  const client = (base as unknown as { $client?: object }).$client;
  if (!client) throw new Error("clinicDb: a drizzle database or transaction is required");
  let byClinic = handles.get(client);
  if (!byClinic) handles.set(client, (byClinic = new Map()));
  const key = clinicId.toLowerCase();
  let handle = byClinic.get(key);
  if (!handle) {
    handle =
      client instanceof Pool
        ? (drizzlePg({ client: clinicPool(client, setClinic), schema }) as unknown as Db)
        : (drizzlePglite({ client: clinicPglite(client as PGlite, setClinic), schema }) as unknown as Db);
    if (byClinic.size >= MAX_HANDLES_PER_DATABASE) byClinic.clear();
    byClinic.set(key, handle);
  }
  return handle;
}
