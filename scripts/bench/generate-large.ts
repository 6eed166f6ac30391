// Builds the large benchmark data set on PostgreSQL (issue 16): the demo seed plus, at scale 1, 500 more
// clinics of 200 clients and a demo clinic grown to 2,010 clients — about 102k clients, 1M visits, 4M findings,
// 2M appointments, 1M diary entries and 850k tick-offs — with set-based SQL (scripts/bench/large-data-sql.ts).
//
//   npm run bench:data -- --scale 1 [--big-clients 2010] [--url postgres://…/knotwork_bench_large] [--fresh]
//
// --big-clients keeps the measured clinic at a real clinic's size while --scale shrinks the rest (the hot paths
// read one clinic, so `--scale 0.2 --big-clients 2010` gives the same per-clinic growth in a fifth of the time).
// --url defaults to BENCH_LARGE_URL. --fresh drops and re-creates that database first (its name must contain
// "bench", so a slip cannot drop a real database). Prints the time of each step and the row counts.
import { performance } from "node:perf_hooks";
import pg from "pg";
import { recreateDatabase } from "./databases";
import { openPostgres } from "../../db/open";
import { seedDemo } from "../../db/seed/demo";
import { largeDataSteps, shapeFor } from "./large-data-sql";

function args(argv: string[]) {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const scale = Number(get("scale") ?? "1");
  if (!Number.isFinite(scale) || scale <= 0 || scale > 10) throw new Error("--scale must be a number in (0, 10]");
  const url = get("url") ?? process.env.BENCH_LARGE_URL;
  if (!url) throw new Error("give --url postgres://… or set BENCH_LARGE_URL");
  const big = get("big-clients");
  const bigClients = big === undefined ? undefined : Number(big);
  if (bigClients !== undefined && (!Number.isInteger(bigClients) || bigClients < 20 || bigClients > 20_000))
    throw new Error("--big-clients must be a whole number in [20, 20000]");
  return { scale, bigClients, url, fresh: argv.includes("--fresh") };
}

const COUNTED = [
  "clinics",
  "clients",
  "visits",
  "findings",
  "visit_pain_scores",
  "appointments",
  "diary_entries",
  "programme_completions",
];

async function main() {
  const { scale, bigClients, url, fresh } = args(process.argv.slice(2));
  const started = performance.now();
  if (fresh) await recreateDatabase(url);
  const opened = await openPostgres(url);
  const seeded = await seedDemo(opened.db);
  await opened.close();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const [{ n }] = (await client.query(`select count(*)::int as n from clinics where slug like 'bench-clinic-%'`))
      .rows;
    if (seeded === "already-seeded" && n > 0)
      throw new Error("this database already holds the large data set (use --fresh)");
    const shape = { ...shapeFor(scale), ...(bigClients ? { bigClinicClients: bigClients } : {}) };
    console.log(`scale ${scale}: ${JSON.stringify(shape)}`);
    for (const step of largeDataSteps(shape)) {
      const t0 = performance.now();
      await client.query("begin");
      await client.query(step.sql);
      await client.query("commit");
      console.log(`  ${step.name.padEnd(32)} ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s`);
    }
    const t0 = performance.now();
    await client.query("vacuum analyze");
    console.log(`  ${"vacuum analyze".padEnd(32)} ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s`);
    const counts = await client.query(
      `select ${COUNTED.map((t) => `(select count(*) from ${t})::int as ${t}`).join(", ")},
        (select max(n) from (select count(*)::int n from clients group by clinic_id) x) as largest_clinic`,
    );
    console.log("rows:", counts.rows[0]);
  } finally {
    await client.end();
  }
  console.log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
