// The growth table of `npm run bench` (issue 16): every hot path timed on the demo data and on the large data
// set (scripts/bench/generate-large.ts), side by side in one run, with the statements each request sends and
// any sequential scan of a big table in their plans. Runs only when BENCH_LARGE_URL names the large database;
// the demo database is BENCH_DEMO_URL, or a fresh "knotwork_bench_demo" on the same server.
// Goals: large ≤ 1.5 × demo (median), ≤ 8 statements per request, index scans only.
import { performance } from "node:perf_hooks";
import pg from "pg";
import { sql } from "drizzle-orm";
import { openPostgres, type OpenDatabase } from "../../db/open";
import { rowsOf } from "../../db/client";
import { seedDemo } from "../../db/seed/demo";
import { loadActor, type Actor } from "../../lib/identity/actor";
import { recreateDatabase } from "./databases";
import { explainSeqScans, installRecorder, record } from "./query-recorder";
import { hotPaths, type HotPath } from "./hot-paths";
import { BILLING_DATA_SQL } from "./billing-data-sql";

const RATIO_GOAL = 1.5;
const QUERY_GOAL = 8;

export interface Subject {
  name: string;
  opened: OpenDatabase;
  pool: pg.Pool;
  therapist: Actor;
  /** The demo admin: billing reports need billing.manage. */
  admin: Actor;
  portal: Actor;
  ids: { clientId: string; visitId: string; typeId: string };
}

/** Invoices and payments for the demo seed's completed appointments (the large set has them from bench:data). */
async function invoiceDemo(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("begin");
    await client.query(BILLING_DATA_SQL);
    await client.query("commit");
  } finally {
    await client.end();
  }
}

async function subject(name: string, url: string): Promise<Subject> {
  const opened = await openPostgres(url, 4);
  await seedDemo(opened.db);
  if (name === "demo") await invoiceDemo(url);
  const db = opened.db;
  const one = async <T>(q: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(q))[0]!;
  const staff = await one<{ user: string; clinic: string }>(sql`
    select u.id as "user", m.clinic_id as clinic from users u join memberships m on m.user_id = u.id
    where u.email = 'therapist@demo.test'`);
  const casey = await one<{ user: string }>(sql`select id as "user" from users where email = 'client@demo.test'`);
  const admin = await one<{ user: string }>(sql`select id as "user" from users where email = 'admin@demo.test'`);
  // The demo clinic's client with the longest history: the record a therapist opens at that size.
  const busiest = await one<{ clientId: string; visitId: string }>(sql`
    select v.client_id as "clientId", (array_agg(v.id order by v.started_at desc))[1] as "visitId"
    from visits v where v.clinic_id = ${staff.clinic} group by v.client_id order by count(*) desc limit 1`);
  const type = await one<{ id: string }>(sql`
    select id from appointment_types where clinic_id = ${staff.clinic} and name = 'Follow-up treatment'`);
  return {
    name,
    opened,
    pool: new pg.Pool({ connectionString: url, max: 1 }),
    therapist: (await loadActor(db, staff.user, staff.clinic))!,
    admin: (await loadActor(db, admin.user, staff.clinic))!,
    portal: (await loadActor(db, casey.user, staff.clinic))!,
    ids: { ...busiest, typeId: type.id },
  };
}

/** Median of repeated runs: at least 3, up to 15 or about 8 s, after one warm-up run. */
async function median(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const samples: number[] = [];
  const start = performance.now();
  while (samples.length < 3 || (samples.length < 15 && performance.now() - start < 8000)) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

interface Row {
  path: string;
  demoMs: number;
  largeMs: number;
  demoQueries: number;
  largeQueries: number;
  seqScans: string[];
}

async function measure(path: HotPath, demo: Subject, large: Subject): Promise<Row> {
  const demoQueries = (await record(() => path.run(demo))).length;
  const captured = await record(() => path.run(large));
  const seq = await explainSeqScans(large.pool, captured);
  return {
    path: path.name,
    demoMs: await median(() => path.run(demo)),
    largeMs: await median(() => path.run(large)),
    demoQueries,
    largeQueries: captured.length,
    seqScans: [...seq].sort(),
  };
}

function print(rows: Row[]) {
  const head = ["hot path", "demo ms", "large ms", "ratio", "queries", "seq scans (large)", "goal"];
  const lines = rows.map((r) => {
    const ratio = r.largeMs / r.demoMs;
    const pass = ratio <= RATIO_GOAL && r.largeQueries <= QUERY_GOAL && r.seqScans.length === 0;
    return [
      r.path,
      r.demoMs.toFixed(1),
      r.largeMs.toFixed(1),
      `${ratio.toFixed(2)}×`,
      r.demoQueries === r.largeQueries ? String(r.largeQueries) : `${r.demoQueries}/${r.largeQueries}`,
      r.seqScans.join(", ") || "none",
      pass ? "PASS" : "FAIL",
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) =>
    cells.map((c, i) => (i === 0 || i === 5 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  console.log(fmt(head));
  for (const l of lines) console.log(fmt(l));
  const passed = lines.filter((l) => l[6] === "PASS").length;
  console.log(
    `goal: large ≤ ${RATIO_GOAL}× demo (median), ≤ ${QUERY_GOAL} statements per request, no sequential scan of a big table — ${passed}/${rows.length} pass`,
  );
}

/** Prints the growth table, or a line saying how to get one. */
export async function runGrowthBench(): Promise<void> {
  const largeUrl = process.env.BENCH_LARGE_URL;
  console.log("\n== growth: demo data vs the large data set (PostgreSQL) ==");
  if (!largeUrl) {
    console.log("skipped: set BENCH_LARGE_URL to a database built by `npm run bench:data` (see README)");
    return;
  }
  let demoUrl = process.env.BENCH_DEMO_URL;
  if (!demoUrl) {
    const u = new URL(largeUrl);
    u.pathname = "/knotwork_bench_demo";
    demoUrl = u.toString();
    await recreateDatabase(demoUrl);
  }
  installRecorder();
  const demo = await subject("demo", demoUrl);
  const large = await subject("large", largeUrl);
  const counts = rowsOf<{ clients: number; visits: number; appointments: number; invoices: number; payments: number }>(
    await large.opened.db.execute(sql`select (select count(*) from clients)::int as clients,
      (select count(*) from visits)::int as visits, (select count(*) from appointments)::int as appointments,
      (select count(*) from invoices)::int as invoices, (select count(*) from payments)::int as payments`),
  )[0]!;
  console.log(
    `large data set: ${counts.clients} clients, ${counts.visits} visits, ${counts.appointments} appointments, ` +
      `${counts.invoices} invoices, ${counts.payments} payments`,
  );
  const rows: Row[] = [];
  // BENCH_PATHS=attention,adherence measures only the hot paths whose names contain one of the words.
  const only = process.env.BENCH_PATHS?.split(",").filter(Boolean);
  for (const path of hotPaths)
    if (!only || only.some((w) => path.name.includes(w))) rows.push(await measure(path, demo, large));
  print(rows);
  for (const s of [demo, large]) {
    await s.pool.end();
    await s.opened.close();
  }
}
