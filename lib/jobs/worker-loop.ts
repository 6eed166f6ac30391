import "server-only";
import type { Db } from "@/db/client";
import { sanitiseError } from "./errors";
import { enqueueDueSchedules, type AnySchedule } from "./schedules";
import { newWorkerId, runDueJobs, type RunOptions } from "./worker";

export interface WorkerLoopOptions extends Omit<RunOptions, "signal"> {
  /** Wait between polls when the queue is empty (a wake() ends the wait early). */
  pollMs?: number;
  /** Recurring schedules this worker ticks (lib/jobs/schedules.ts). */
  schedules?: readonly AnySchedule[];
  /** How often schedules are checked for a due tick. */
  scheduleCheckMs?: number;
  /** Where a failed pass is reported; by default one line on stderr (error class and sanitised message). */
  onError?: (err: unknown) => void;
}

export interface RunningWorker {
  workerId: string;
  /** Ends the idle wait: new work was just committed. */
  wake: () => void;
  /** Stops claiming, lets the jobs in hand finish, resolves when the loop has ended. */
  stop: () => Promise<void>;
  /** Aborts the jobs in hand (their ctx.signal) and stops; their leases expire and they run again. */
  abort: () => Promise<void>;
}

/**
 * The worker loop: check schedules now and then, run passes of due jobs back to back while
 * there is work, and poll when idle. One loop per process; several processes share the queue
 * safely (SKIP LOCKED claims, compare-and-set schedule ticks).
 */
export function startWorkerLoop(db: Db, options: WorkerLoopOptions): RunningWorker {
  const workerId = options.workerId ?? newWorkerId();
  const pollMs = options.pollMs ?? 1_000;
  const scheduleCheckMs = options.scheduleCheckMs ?? 15_000;
  const onError =
    options.onError ?? ((err: unknown) => console.error(`[knotwork] job worker pass failed: ${sanitiseError(err)}`));
  const hardStop = new AbortController();
  let stopping = false;
  let wakeUp: (() => void) | undefined;
  let lastScheduleCheck = 0;

  const idle = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakeUp = undefined;
        resolve();
      }
      wakeUp = done;
    });

  const loop = (async () => {
    while (!stopping) {
      let ran = 0;
      try {
        if (options.schedules?.length && Date.now() - lastScheduleCheck >= scheduleCheckMs) {
          lastScheduleCheck = Date.now();
          await enqueueDueSchedules(db, options.schedules, new Date());
        }
        ran = await runDueJobs(db, { ...options, workerId, signal: hardStop.signal });
      } catch (err) {
        onError(err);
        // A database that is down must not turn the loop into a busy spin.
        if (!stopping) await idle(pollMs * 5);
        continue;
      }
      if (ran === 0 && !stopping) await idle(pollMs);
    }
  })();

  const stop = async () => {
    stopping = true;
    wakeUp?.();
    await loop;
  };
  return {
    workerId,
    wake: () => wakeUp?.(),
    stop,
    abort: async () => {
      hardStop.abort(new Error("worker aborted"));
      await stop();
    },
  };
}
