import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";

/** What a running job knows about itself. */
export interface JobContext {
  jobId: string;
  /** 1 on the first run; a retry or a re-run after a lost lease counts up. */
  attempt: number;
  maxAttempts: number;
  clinicId: string | null;
  /** Aborted when the job's timeout passes or the worker is told to stop; pass it to slow I/O. */
  signal: AbortSignal;
}

export interface Backoff {
  /** Delay before the second attempt; doubles per attempt. */
  baseMs: number;
  /** No retry waits longer than this. */
  capMs: number;
}

/**
 * A job's name, payload and retry policy without its run: all that enqueue needs. An area that only
 * queues a job another area runs (scheduling's "tell the client", run by messaging) declares it with
 * declareJob, and the running area adds the run with implementJob, so neither imports the other the wrong way.
 */
export interface JobDeclaration<Payload = unknown, Input = Payload> {
  name: string;
  payload: z.ZodType<Payload, Input>;
  maxAttempts: number;
  backoff: Backoff;
  /** A run that takes longer fails (and is retried); the lease is this plus a margin. */
  timeoutMs: number;
}

export interface JobDefinition<Payload = unknown, Input = Payload> extends JobDeclaration<Payload, Input> {
  run: (db: Db, payload: Payload, ctx: JobContext) => Promise<JobOutcome>;
}

/** What a run may return: a short note of what it did ("skipped: appointment moved"), kept on the job row. */
export type JobOutcome = string | void | undefined;

/** Any job, whatever its payload: what registries and workers hold. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a registry holds jobs of every payload type
export type AnyJob = JobDefinition<any, any>;

export interface JobOptions<S extends z.ZodType> {
  /** Dotted, area first: "messaging.send-email". Stored in every row: never rename a live job. */
  name: string;
  /** The payload is stored as JSON (ids and plain values, no Dates, no clinical text). */
  payload: S;
  maxAttempts?: number;
  backoff?: Partial<Backoff>;
  timeoutMs?: number;
  /**
   * The work. A worker that dies mid-run loses its lease and the job runs again, so the effect
   * must be idempotent (check state first, mark it done in the same step) — see README.
   */
  run: (db: Db, payload: z.output<S>, ctx: JobContext) => Promise<JobOutcome>;
}

const NAME = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;

/** Declares a job without its run (JobDeclaration): enqueue it here, implement it with implementJob elsewhere. */
export function declareJob<S extends z.ZodType>(
  options: Omit<JobOptions<S>, "run">,
): JobDeclaration<z.output<S>, z.input<S>> {
  if (!NAME.test(options.name)) throw new Error(`Job name must be dotted lower-case: ${options.name}`);
  const maxAttempts = options.maxAttempts ?? 5;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 100) {
    throw new Error(`maxAttempts must be 1..100: ${options.name}`);
  }
  return {
    name: options.name,
    payload: options.payload as z.ZodType<z.output<S>, z.input<S>>,
    maxAttempts,
    backoff: { baseMs: 10_000, capMs: 60 * 60_000, ...options.backoff },
    timeoutMs: options.timeoutMs ?? 60_000,
  };
}

/** Declares a job type; add it to lib/jobs/registry.ts so workers know it. */
export function defineJob<S extends z.ZodType>(options: JobOptions<S>): JobDefinition<z.output<S>, z.input<S>> {
  return { ...declareJob(options), run: options.run };
}

/** The run of a job declared with declareJob (the same name, payload and retries); list it in lib/jobs/registry.ts. */
export function implementJob<P, I>(
  declared: JobDeclaration<P, I>,
  run: JobDefinition<P, I>["run"],
): JobDefinition<P, I> {
  return { ...declared, run };
}

/** The jobs a worker can run, by name (lib/jobs/registry.ts holds the app's; tests build their own). */
export type JobRegistry = ReadonlyMap<string, AnyJob>;

/** Builds a registry from definitions, refusing two jobs with one name. */
export function makeRegistry(defs: readonly AnyJob[]): JobRegistry {
  const map = new Map<string, AnyJob>();
  for (const def of defs) {
    if (map.has(def.name)) throw new Error(`Two jobs are named ${def.name}`);
    map.set(def.name, def);
  }
  return map;
}

/**
 * The wait before retrying after `attempt` failed: exponential, capped, with "equal jitter"
 * (half fixed, half random) so a burst of failures does not retry in lock step.
 */
export function retryDelayMs(backoff: Backoff, attempt: number, random: () => number = Math.random): number {
  const exp = Math.min(backoff.capMs, backoff.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + (exp / 2) * random());
}
