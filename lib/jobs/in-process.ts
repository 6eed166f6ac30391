import "server-only";
import { config } from "@/lib/config";
import type { JobRegistry } from "./define";
import type { AnySchedule } from "./schedules";
import { startWorkerLoop, type RunningWorker } from "./worker-loop";

/** Lets the server finish starting (and PGlite open) before the first pass. */
const FIRST_RUN_DELAY_MS = 5_000;

const state = globalThis as unknown as { knotworkJobWorker?: { worker?: RunningWorker; starting: boolean } };

/**
 * Starts the in-process worker once per server process (instrumentation.ts): for `npm run dev`,
 * embedded mode and small installs. KNOTWORK_JOBS=off turns it off — set it on every app server
 * when a separate `npm run worker` process runs the queue (README: Background jobs). The caller passes the
 * app's jobs (lib/jobs/registry.ts) as a loader, so the queue itself names no area and the jobs'
 * code loads with the worker, after the server's first answers.
 */
export function startInProcessWorker(
  loadJobs: () => Promise<{ registry: JobRegistry; schedules: readonly AnySchedule[] }>,
): boolean {
  const cfg = config();
  if (cfg.KNOTWORK_JOBS === "off" || cfg.NODE_ENV === "test" || state.knotworkJobWorker) return false;
  state.knotworkJobWorker = { starting: true };
  setTimeout(() => {
    void (async () => {
      const { getPlatformDb } = await import("@/db");
      const jobs = await loadJobs();
      state.knotworkJobWorker!.worker = startWorkerLoop(await getPlatformDb(), jobs);
    })().catch((err) => {
      state.knotworkJobWorker = undefined;
      console.error(`[knotwork] job worker did not start: ${err instanceof Error ? err.name : "error"}`);
    });
  }, FIRST_RUN_DELAY_MS).unref();
  return true;
}

/**
 * Tells this process's worker that a job was just committed, so e.g. an invitation email goes
 * out now rather than at the next poll. A no-op where no in-process worker runs.
 */
export function wakeInProcessWorker(): void {
  state.knotworkJobWorker?.worker?.wake();
}
