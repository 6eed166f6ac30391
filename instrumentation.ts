/**
 * Runs once when the server starts: a production start with missing or malformed
 * configuration stops with a message naming the variable (lib/startup-check.ts); then the
 * background job loop starts (lib/reminders/worker.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { checkStartup } = await import("./lib/startup-check");
  await checkStartup();
  // Reminders and outbox delivery, once per server process (KNOTWORK_JOBS=off to opt out).
  const { startJobWorker } = await import("./lib/reminders/worker");
  startJobWorker();
}
