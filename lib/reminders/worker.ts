import "server-only";
import { config } from "@/lib/config";
import { runJobsOnce } from "./jobs";

const INTERVAL_MS = 60_000;
/** Lets the server finish starting (and PGlite open) before the first pass. */
const FIRST_RUN_DELAY_MS = 10_000;

const state = globalThis as unknown as { knotworkJobs?: { timer: NodeJS.Timeout; running: boolean } };

/**
 * Starts the in-process job loop (reminders, then outbox delivery) once per server process:
 * instrumentation.ts calls it at start-up. KNOTWORK_JOBS=off turns it off, e.g. on all but one
 * of several app servers, or when an external scheduler runs scripts/run-reminders.ts instead.
 */
export function startJobWorker(): boolean {
  const cfg = config();
  if (cfg.KNOTWORK_JOBS === "off" || cfg.NODE_ENV === "test" || state.knotworkJobs) return false;
  const tick = async () => {
    const jobs = state.knotworkJobs;
    if (!jobs || jobs.running) return;
    jobs.running = true;
    try {
      const { getDb } = await import("@/db");
      await runJobsOnce(await getDb());
    } catch (err) {
      // No clinical data in logs: the error's kind is enough to look into it.
      console.error(`[knotwork] background jobs failed: ${err instanceof Error ? err.name : "error"}`);
    } finally {
      jobs.running = false;
    }
  };
  const timer = setInterval(() => void tick(), INTERVAL_MS);
  timer.unref();
  state.knotworkJobs = { timer, running: false };
  setTimeout(() => void tick(), FIRST_RUN_DELAY_MS).unref();
  return true;
}
