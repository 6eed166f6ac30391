import "server-only";
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { retryDelayMs, type AnyJob, type JobOutcome, type JobRegistry } from "./define";
import { PermanentJobError, sanitiseError } from "./errors";

/** Extra time a lease runs past the longest job timeout before another worker may take the job. */
const LEASE_MARGIN_MS = 30_000;

export interface ClaimedJob {
  id: string;
  name: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
  clinic_id: string | null;
}

export interface RunOptions {
  /** The jobs this worker runs: lib/jobs/registry.ts in the app, a test's own in tests. */
  registry: JobRegistry;
  /** Written to locked_by: which worker holds a job (host, pid and a random part). */
  workerId?: string;
  /** Jobs claimed and run at once. */
  concurrency?: number;
  /** Aborts running jobs (their ctx.signal) when the worker must stop now. */
  signal?: AbortSignal;
}

export function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
}

function leaseMs(registry: JobRegistry): number {
  let longest = 0;
  for (const def of registry.values()) longest = Math.max(longest, def.timeoutMs);
  return longest + LEASE_MARGIN_MS;
}

/**
 * Puts back jobs whose lease ran out (their worker died or hung): queued again to run at once,
 * or dead when that was their last attempt. SKIP LOCKED: several workers may do this at once.
 */
export async function reclaimExpiredLeases(db: Db): Promise<number> {
  const result = await db.execute(sql`
    update jobs set
      status = case when attempts >= max_attempts then 'dead' else 'queued' end,
      finished_at = case when attempts >= max_attempts then now() else null end,
      run_at = now(), locked_until = null, locked_by = null,
      last_error = 'LeaseExpired: the worker stopped before the job finished'
    where id in (
      select id from jobs where status = 'running' and locked_until < now()
      order by locked_until limit 100 for update skip locked)
    returning id`);
  return rowsOf(result).length;
}

/**
 * Claims up to `limit` due jobs in one statement: FOR UPDATE SKIP LOCKED so concurrent workers
 * take disjoint jobs without waiting, and a lease (locked_until) instead of a long transaction,
 * so no job runs inside the claim's transaction. Only jobs whose names this worker knows: during
 * a rolling deploy an old worker leaves a new job type to the new workers.
 */
export async function claimJobs(
  db: Db,
  workerId: string,
  limit: number,
  lease: number,
  names: readonly string[],
): Promise<ClaimedJob[]> {
  const known = sql.join(
    names.map((n) => sql`${n}`),
    sql`, `,
  );
  const result = await db.execute(sql`
    update jobs set status = 'running', attempts = attempts + 1,
      locked_until = now() + make_interval(secs => ${lease / 1000}), locked_by = ${workerId}
    where id in (
      select id from jobs where status = 'queued' and run_at <= now() and name in (${known})
      order by run_at limit ${limit} for update skip locked)
    returning id, name, payload, attempts, max_attempts, clinic_id`);
  return rowsOf<ClaimedJob>(result);
}

/** Longest outcome note kept on a job row. */
const MAX_OUTCOME = 200;

async function finish(db: Db, job: ClaimedJob, workerId: string, result: RunResult, def?: AnyJob) {
  // Only the holder of this attempt may record its outcome: a worker that lost its lease to
  // another finds nothing to update.
  const mine = sql`id = ${job.id} and status = 'running' and locked_by = ${workerId} and attempts = ${job.attempts}`;
  if (result.ok) {
    const outcome = result.outcome ? result.outcome.slice(0, MAX_OUTCOME) : null;
    await db.execute(sql`
      update jobs set status = 'done', finished_at = now(), locked_until = null, last_error = null,
        outcome = ${outcome}
      where ${mine}`);
    return;
  }
  const error = result.error;
  const lastError = sanitiseError(error);
  const retry =
    def &&
    job.attempts < job.max_attempts &&
    !(error instanceof UnknownJobError) &&
    !(error instanceof PermanentJobError);
  if (retry) {
    const delay = retryDelayMs(def.backoff, job.attempts);
    await db.execute(sql`
      update jobs set status = 'queued', run_at = now() + make_interval(secs => ${delay / 1000}),
        locked_until = null, locked_by = null, last_error = ${lastError}
      where ${mine}`);
  } else {
    await db.execute(sql`
      update jobs set status = 'dead', finished_at = now(), locked_until = null, last_error = ${lastError}
      where ${mine}`);
  }
}

type RunResult = { ok: true; outcome?: string } | { ok: false; error: unknown };

class UnknownJobError extends Error {
  name = "UnknownJob";
}
class JobTimeoutError extends Error {
  name = "JobTimeout";
}

async function runOne(db: Db, job: ClaimedJob, registry: JobRegistry, workerId: string, stop?: AbortSignal) {
  const def = registry.get(job.name);
  let result: RunResult;
  if (!def) {
    result = { ok: false, error: new UnknownJobError(`no job named ${job.name} in this worker's registry`) };
  } else {
    const controller = new AbortController();
    const onStop = () => controller.abort(stop?.reason);
    stop?.addEventListener("abort", onStop);
    let timer: NodeJS.Timeout | undefined;
    try {
      const payload: unknown = def.payload.parse(job.payload);
      const ctx = {
        jobId: job.id,
        attempt: job.attempts,
        maxAttempts: job.max_attempts,
        clinicId: job.clinic_id,
        signal: controller.signal,
      };
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          controller.abort();
          reject(new JobTimeoutError(`ran longer than ${def.timeoutMs} ms`));
        }, def.timeoutMs);
      });
      const outcome: JobOutcome = await Promise.race([def.run(db, payload, ctx), timeout]);
      result = { ok: true, outcome: typeof outcome === "string" ? outcome : undefined };
    } catch (err) {
      result = { ok: false, error: err ?? new Error("rejected") };
    } finally {
      clearTimeout(timer);
      stop?.removeEventListener("abort", onStop);
    }
  }
  await finish(db, job, workerId, result, def);
}

/**
 * One pass: put back expired leases, claim a batch, run it (jobs of the batch side by side),
 * record each outcome. Returns how many jobs were run. The worker loop and tests call this.
 */
export async function runDueJobs(db: Db, options: RunOptions): Promise<number> {
  const { registry } = options;
  const workerId = options.workerId ?? newWorkerId();
  await reclaimExpiredLeases(db);
  if (options.signal?.aborted) return 0;
  if (registry.size === 0) return 0;
  const claimed = await claimJobs(db, workerId, options.concurrency ?? 5, leaseMs(registry), [...registry.keys()]);
  await Promise.all(claimed.map((job) => runOne(db, job, registry, workerId, options.signal)));
  return claimed.length;
}
