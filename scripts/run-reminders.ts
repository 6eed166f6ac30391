// One pass of the background jobs — queue due appointment reminders, deliver the outbox — then
// exit. For an external scheduler (cron, a Kubernetes CronJob) when the app servers run with
// KNOTWORK_JOBS=off, or to catch up by hand:
//   DATABASE_URL=postgres://… npx tsx scripts/run-reminders.ts
// Without DATABASE_URL it opens the embedded database under KNOTWORK_DATA_DIR (default .data):
// stop the app first, as two processes must never open one PGlite folder.
// Safe to run beside the app servers on PostgreSQL: a reminder is queued once per appointment
// whoever gets there first, and outbox rows are claimed with SKIP LOCKED.
import { spawnSync } from "node:child_process";
import path from "node:path";

async function main() {
  // Dynamic imports: lib code guards itself with "server-only", which resolves to a no-op
  // only under the react-server condition this process was started with (see below).
  const { openPglite, openPostgres } = await import("../db/open");
  const { runJobsOnce } = await import("../lib/reminders/jobs");
  const url = process.env.DATABASE_URL;
  const opened = url
    ? await openPostgres(url)
    : await openPglite(path.resolve(process.env.KNOTWORK_DATA_DIR ?? ".data", "pglite"));
  try {
    const { queued, delivered } = await runJobsOnce(opened.db);
    console.log(`Reminders queued: ${queued}. Outbox messages handled: ${delivered} (${opened.kind}).`);
  } finally {
    await opened.close();
  }
}

if (!process.execArgv.some((a) => a.includes("react-server"))) {
  // `npx tsx scripts/run-reminders.ts` as documented: run again under the condition.
  const child = spawnSync(
    process.execPath,
    ["--conditions=react-server", ...process.execArgv, ...process.argv.slice(1)],
    { stdio: "inherit" },
  );
  process.exit(child.status ?? 1);
} else {
  main().catch((err) => {
    console.error(`Jobs failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
