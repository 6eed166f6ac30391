import { Worker } from "node:worker_threads";

/**
 * Creating a PGlite cluster runs initdb inside WebAssembly: one synchronous call that takes
 * most of a fresh start's CPU (about 7 s of CPU on the shared 2-core machine, issue 16). On
 * the server's own thread it would hold up every request meanwhile, the sign-in page too,
 * though that page needs no database. A worker thread runs it instead and closes the new
 * folder; the app's thread then opens it as it opens any existing one. initdb needs no
 * extension (the migrations create them), so the worker loads none.
 *
 * The source is inline and loads PGlite from node_modules at run time (as
 * lib/documents/pdf-first-page.ts does), so it works the same under Next's server bundle,
 * the standalone worker script and the tests.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
(async () => {
  const { PGlite } = await import("@electric-sql/pglite");
  const pg = await PGlite.create(workerData.dir);
  await pg.close();
  parentPort.postMessage({ done: true });
})().catch((err) => parentPort.postMessage({ error: err && err.message ? err.message : String(err) }));
`;

/** Creates (initdb) an empty PGlite cluster in `dir` on a worker thread. */
export function initPgliteInWorker(dir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { dir } });
    let settled = false;
    const finish = (err?: Error) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      if (err) reject(err);
      else resolve();
    };
    worker.on("message", (m: { done?: boolean; error?: string }) =>
      finish(m.done ? undefined : new Error(`PGlite initdb failed: ${m.error}`)),
    );
    worker.on("error", (err) => finish(err));
    worker.on("exit", (code) => finish(new Error(`PGlite initdb worker exited (${code}) before finishing`)));
  });
}
