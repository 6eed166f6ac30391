// Child processes, readiness and load for the bench sections (scripts/bench/*.ts).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import os from "node:os";
import path from "node:path";

export const repoRoot = path.resolve(__dirname, "../..");
export const nextBin = path.join(repoRoot, "node_modules/next/dist/bin/next");
const autocannonBin = path.join(repoRoot, "node_modules/autocannon/autocannon.js");

const hasTaskset = spawnSync("taskset", ["-V"]).status === 0 && os.cpus().length >= 2;

/**
 * On a small machine the server and the load tool would fight for one core: pin servers to
 * core 0 and autocannon to core 1 (STACK-NOTES) so a ratio compares the servers, not the fight.
 */
export function pinned(core: number, cmd: string, args: string[]): [string, string[]] {
  return hasTaskset ? ["taskset", ["-c", String(core), cmd, ...args]] : [cmd, args];
}

export const pinningNote = hasTaskset
  ? "servers pinned to core 0, autocannon to core 1"
  : "no pinning (taskset missing)";

export function loadAverage(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
}

export interface Started {
  child: ChildProcess;
  log: () => string;
  stop: () => Promise<void>;
}

/** Starts a server process; its output is kept (last 8 KB) for the error message if it dies. */
export function startProcess(cmd: string, args: string[], env: Record<string, string>, cwd = repoRoot): Started {
  const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  const keep = (b: Buffer) => (out = (out + b.toString()).slice(-8192));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 5000).unref();
    });
  return { child, log: () => out, stop };
}

/** Polls a URL until it answers (any status below 500) or the child exits. */
export async function waitForHttp(url: string, started: Started, timeoutMs = 60_000): Promise<number> {
  const t0 = performance.now();
  while (performance.now() - t0 < timeoutMs) {
    if (started.child.exitCode !== null) throw new Error(`server exited before answering ${url}:\n${started.log()}`);
    try {
      const res = await fetch(url, { redirect: "manual" });
      await res.arrayBuffer();
      if (res.status < 500) return performance.now() - t0;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no answer from ${url} within ${timeoutMs} ms:\n${started.log()}`);
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/** One autocannon run (its CLI, pinned to core 1); `rate` caps the total requests per second. */
export function autocannon(
  url: string,
  opts: { seconds: number; connections: number; rate?: number; headers?: Record<string, string> },
): LoadResult {
  const args = ["--json", "-c", String(opts.connections), "-d", String(opts.seconds)];
  if (opts.rate) args.push("-R", String(Math.max(1, Math.round(opts.rate))));
  for (const [k, v] of Object.entries(opts.headers ?? {})) args.push("-H", `${k}=${v}`);
  const [cmd, full] = pinned(1, process.execPath, [autocannonBin, ...args, url]);
  const run = spawnSync(cmd, full, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`autocannon failed: ${run.stderr}`);
  const r = JSON.parse(run.stdout);
  return {
    // Completed answers over the run's length (the per-second average drops the last partial second).
    rps: r.requests.total / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx ?? 0,
    errors: (r.errors ?? 0) + (r.timeouts ?? 0),
  };
}
