// The job worker as its own process, for production: `npm run worker`.
// Runs the queue and the recurring schedules (lib/jobs) until SIGTERM or SIGINT: it then stops
// claiming, lets the jobs in hand finish (each within its timeout) and exits 0. A second signal
// (two seconds or more after the first) aborts them; their leases expire and another worker runs
// them again. Run as many as you like on PostgreSQL (claims use SKIP LOCKED, schedule ticks a
// compare-and-set); set KNOTWORK_JOBS=off on the app servers so they do not run an in-process
// worker as well.
//   DATABASE_URL=postgres://… npm run worker
//   npm run worker -- --once     one pass (due schedule ticks, then every due job), then exit
// Without DATABASE_URL it opens the embedded database under KNOTWORK_DATA_DIR: stop the app
// first, as two processes must never open one PGlite folder.
import { spawnSync } from "node:child_process";
import path from "node:path";

async function main() {
  // Dynamic imports: lib code guards itself with "server-only", which resolves to a no-op only
  // under the react-server condition this process was started with (see below).
  const { openPglite, openPostgres } = await import("../db/open");
  const { config } = await import("../lib/config");
  const { jobRegistry, jobSchedules } = await import("../lib/jobs/registry");
  const { enqueueDueSchedules } = await import("../lib/jobs/schedules");
  const { runDueJobs } = await import("../lib/jobs/worker");
  const { startWorkerLoop } = await import("../lib/jobs/worker-loop");
  const cfg = config();
  // The worker's jobs belong to every clinic: with row-level security it runs as the platform role.
  const url = cfg.DATABASE_PLATFORM_URL ?? cfg.DATABASE_URL;
  const opened = url
    ? await openPostgres(url, cfg.DATABASE_POOL_MAX, !cfg.DATABASE_PLATFORM_URL && cfg.KNOTWORK_MIGRATE === "on")
    : await openPglite(path.resolve(cfg.KNOTWORK_DATA_DIR, "pglite"));
  const concurrency = cfg.KNOTWORK_WORKER_CONCURRENCY;

  if (process.argv.includes("--once")) {
    try {
      const ticks = await enqueueDueSchedules(opened.db, jobSchedules, new Date());
      let ran = 0;
      for (let n = 1; n > 0; ran += n) n = await runDueJobs(opened.db, { registry: jobRegistry, concurrency });
      console.log(`Schedule ticks enqueued: ${ticks}. Jobs run: ${ran} (${opened.kind}).`);
    } finally {
      await opened.close();
    }
    return;
  }

  const worker = startWorkerLoop(opened.db, { registry: jobRegistry, schedules: jobSchedules, concurrency });
  console.log(`[knotwork] job worker ${worker.workerId} started (${opened.kind}, ${concurrency} at a time)`);
  let signals = 0;
  let firstSignalAt = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    // Ctrl-C or a group kill reaches npm, tsx and this process at once, and tsx relays it again:
    // copies within two seconds are the same request to stop, not the second one that aborts.
    if (signals > 0 && Date.now() - firstSignalAt < 2_000) return;
    if (signals === 0) firstSignalAt = Date.now();
    signals++;
    console.log(`[knotwork] ${signal}: ${signals === 1 ? "finishing the jobs in hand" : "aborting the jobs in hand"}`);
    const stopping = signals === 1 ? worker.stop() : worker.abort();
    void stopping
      .then(() => opened.close())
      .then(() => process.exit(0))
      .catch(() => process.exit(1));
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}

if (!process.execArgv.some((a) => a.includes("react-server"))) {
  // `npx tsx scripts/worker.ts`: run again under the condition.
  const child = spawnSync(
    process.execPath,
    ["--conditions=react-server", ...process.execArgv, ...process.argv.slice(1)],
    { stdio: "inherit" },
  );
  process.exit(child.status ?? 1);
} else {
  main().catch((err) => {
    console.error(`Job worker failed: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`);
    process.exit(1);
  });
}
