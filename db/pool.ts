import { Pool, type PoolClient, type PoolConfig } from "pg";

type Query = PoolClient["query"];

/**
 * Queries sent on one connection while another is still running wait in our own queue, in order.
 * Several reads of one transaction share its connection, and use-cases start them together with
 * Promise.all; node-postgres queues such a query itself today, but that is deprecated and goes in
 * pg@9 ("Calling client.query() when the client is already executing a query"). One connection
 * answers one query at a time either way, so this changes no timing, only who keeps the queue.
 */
function serialiseQueries(client: PoolClient): void {
  const send = client.query.bind(client) as (...args: unknown[]) => unknown;
  let tail: Promise<unknown> = Promise.resolve();
  client.query = ((...args: unknown[]) => {
    const last = args[args.length - 1];
    const submittable = typeof (args[0] as { submit?: unknown } | null)?.submit === "function";
    // Callback and stream forms are pg's own (pool.query on a fresh connection): not ours to queue.
    if (typeof last === "function" || submittable) return send(...args);
    const run = tail.then(() => send(...args));
    tail = run.catch(() => undefined);
    return run;
  }) as Query;
}

/** A node-postgres pool whose connections queue their own queries (see serialiseQueries). */
export function createPool(config: PoolConfig): Pool {
  const pool = new Pool(config);
  pool.on("connect", serialiseQueries);
  return pool;
}
