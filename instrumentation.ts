/**
 * Runs once when the server starts: a production start with missing or malformed
 * configuration stops with a message naming the variable (lib/startup-check.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { checkStartup } = await import("./lib/startup-check");
  await checkStartup();
}
