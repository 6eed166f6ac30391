/**
 * Runs once when the server starts: a production start with missing or malformed
 * configuration stops with a message naming the variable (lib/startup-check.ts); then the
 * in-process job worker starts (lib/jobs/in-process.ts) unless KNOTWORK_JOBS=off.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { checkStartup } = await import("./lib/startup-check");
  await checkStartup();
  // Jobs and schedules, once per server process (KNOTWORK_JOBS=off when `npm run worker` runs them).
  // The registry (mail, SMS, PDF and storage code) loads when the worker starts, not before the
  // server answers its first request (issue 16).
  const { startInProcessWorker } = await import("./lib/jobs/in-process");
  startInProcessWorker(async () => {
    const { jobRegistry, jobSchedules } = await import("./lib/jobs/registry");
    return { registry: jobRegistry, schedules: jobSchedules };
  });
}
