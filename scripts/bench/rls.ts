// `npm run bench -- rls`: what row-level security costs on the hot paths (issue 11 item 8).
// On a fresh PostgreSQL database (knotwork_bench_rls on the server named by BENCH_DATABASE_URL,
// else TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres; demo data) the same
// use-cases run three ways, interleaved round by round so the machine's load moves them alike:
//   unscoped     the superuser pool as before: no setting, RLS bypassed (the old path)
//   clinic       the clinic handle on that pool: every statement/transaction sets app.clinic_id
//   clinic+RLS   the clinic handle as a NOBYPASSRLS role (pool option `-c role=…`): policies apply
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "../../db/schema";
import { openPostgres } from "../../db/open";
import { clinicDb } from "../../db/clinic-db";
import { rowsOf, type Db } from "../../db/client";
import { seedDemo } from "../../db/seed/demo";
import { loadActor, type Actor } from "../../lib/identity/actor";
import { getClientOrThrow } from "../../lib/clients/records/get-client-or-throw";
import { listClients } from "../../lib/clients/records/list-clients";
import { listClientsQuery } from "../../lib/clients/schemas";
import { listMyDay } from "../../lib/scheduling/appointments/list-my-day";
import { recreateDatabase } from "./databases";

const ROLE = "knotwork_bench_app";

export async function benchRls() {
  const server =
    process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const url = new URL(server);
  url.pathname = "/knotwork_bench_rls";
  await recreateDatabase(url.toString());
  const opened = await openPostgres(url.toString(), 4);
  const owner = opened.db;
  await seedDemo(owner);
  await owner.execute(
    sql.raw(`do $$ begin
      if not exists (select 1 from pg_roles where rolname = '${ROLE}') then
        create role ${ROLE} nologin nosuperuser nobypassrls;
      end if; end $$`),
  );
  await owner.execute(sql.raw(`grant select, insert, update, delete on all tables in schema public to ${ROLE}`));
  const appPool = new pg.Pool({ connectionString: url.toString(), max: 4, options: `-c role=${ROLE}` });
  const app = drizzle(appPool, { schema }) as unknown as Db;

  const [ids] = rowsOf<{ user: string; clinic: string }>(
    await owner.execute(sql`
      select u.id as "user", m.clinic_id as clinic from users u join memberships m on m.user_id = u.id
      where u.email = 'therapist@demo.test'`),
  );
  const actor = (await loadActor(owner, ids!.user, ids!.clinic)) as Actor;
  const { items } = await listClients(owner, actor, listClientsQuery.parse({ q: "Priya" }));
  const clientId = items[0]!.id;
  const variants: [string, Db][] = [
    ["unscoped", owner],
    ["clinic", await clinicDb(owner, actor.clinicId)],
    ["clinic+RLS", await clinicDb(app, actor.clinicId)],
  ];
  // The app role really is bound by the policies: without the handle it sees no client.
  const bare = rowsOf<{ n: string }>(await app.execute(sql`select count(*) as n from clients`))[0]!.n;
  console.log(
    `rls: load ${(await import("node:os")).loadavg()[0]!.toFixed(1)}; app role sees ${bare} clients unscoped`,
  );

  const paths: [string, (db: Db) => Promise<unknown>][] = [
    ["GET /api/clients/{id} (getClientOrThrow)", (db) => getClientOrThrow(db, actor, clientId)],
    ["dashboard: today's appointments (listMyDay)", (db) => listMyDay(db, actor)],
    ["client search 'sha' (listClients)", (db) => listClients(db, actor, listClientsQuery.parse({ q: "sha" }))],
  ];
  const ROUNDS = Number(process.env.BENCH_RLS_ROUNDS ?? 10);
  const RUNS = 30;
  for (const [label, fn] of paths) {
    const samples = new Map<string, number[]>(variants.map(([v]) => [v, []]));
    for (const [, db] of variants) for (let i = 0; i < 5; i++) await fn(db); // warm up
    for (let r = 0; r < ROUNDS; r++) {
      for (const [v, db] of variants) {
        for (let i = 0; i < RUNS; i++) {
          const t0 = performance.now();
          await fn(db);
          samples.get(v)!.push(performance.now() - t0);
        }
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const base = median(samples.get("unscoped")!);
    const parts = variants.map(([v]) => {
      const m = median(samples.get(v)!);
      return `${v} ${m.toFixed(2)} ms (${((m / base - 1) * 100).toFixed(0)}%)`;
    });
    console.log(`${label.padEnd(46)} median of ${ROUNDS * RUNS}: ${parts.join("  ")}`);
  }
  await appPool.end();
  await opened.close();
}
