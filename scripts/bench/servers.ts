// Server comparison (issue 16): a bare node:http + pg server, a bare Next 16 app and Knotwork's
// production build, side by side on one fresh PostgreSQL database, loaded with autocannon on
// loopback. Prints req/s, p99 at half the measured throughput, the ratios and the goals.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import pg from "pg";
import { openPostgres } from "../../db/open";
import { seedDemo } from "../../db/seed/demo";
import { autocannon, loadAverage, nextBin, pinned, pinningNote, repoRoot, startProcess, waitForHttp } from "./proc";
import type { LoadResult, Started } from "./proc";

const DEMO_PASSWORD = "knotwork-demo";
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 8);
const distDir = process.env.KNOTWORK_DIST_DIR || ".next-bench";
const bareNextDir = path.join(repoRoot, "scripts/bench/bare-next");

/** Builds Knotwork into its own folder (keeping tsconfig.json as it was) and the bare Next app. */
export function buildApps() {
  const tsconfig = fs.readFileSync(path.join(repoRoot, "tsconfig.json"), "utf8");
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", KNOTWORK_DIST_DIR: distDir };
  for (const args of [["build"], ["build", bareNextDir]]) {
    const t0 = performance.now();
    const run = spawnSync(process.execPath, [nextBin, ...args], { cwd: repoRoot, env, encoding: "utf8" });
    // next build adds the custom dist folder's types to tsconfig.json; that change is not ours to keep.
    fs.writeFileSync(path.join(repoRoot, "tsconfig.json"), tsconfig);
    if (run.status !== 0) throw new Error(`next ${args.join(" ")} failed:\n${run.stdout}\n${run.stderr}`);
    console.log(
      `built ${args[1] ? "bare Next app" : `Knotwork (${distDir})`} in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
    );
  }
}

async function createDatabase(adminUrl: string) {
  const name = `knotwork_bench_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const drop = async () => {
    const a = new pg.Client({ connectionString: adminUrl });
    await a.connect();
    await a.query(`drop database if exists "${name}" with (force)`);
    await a.end();
  };
  return { name, url: url.toString(), drop };
}

/** Signs in through next-auth's own endpoints and returns the Cookie header of the session. */
export async function signIn(base: string, email: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair!.indexOf("=");
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header() },
    body: new URLSearchParams({ csrfToken, email, password: DEMO_PASSWORD, json: "true", callbackUrl: "/" }),
  });
  keep(res);
  const me = await fetch(`${base}/api/me`, { headers: { cookie: header() } });
  if (me.status !== 200) throw new Error(`sign-in as ${email} failed (${me.status})`);
  return header();
}

interface Target {
  label: string;
  url: string;
  headers?: Record<string, string>;
}

/** Saturating run for throughput, then a run capped at half of it for the p99 the goal names. */
function measure(t: Target): LoadResult & { p99Half: number } {
  autocannon(t.url, { seconds: 2, connections, headers: t.headers }); // warm-up: JIT, pools, caches
  const full = autocannon(t.url, { seconds, connections, headers: t.headers });
  const half = autocannon(t.url, { seconds, connections, rate: full.rps / 2, headers: t.headers });
  if (full.rps === 0) throw new Error(`${t.label}: no answer within ${seconds} s (raise BENCH_SECONDS)`);
  if (full.non2xx || full.errors) throw new Error(`${t.label}: ${full.non2xx} non-2xx answers, ${full.errors} errors`);
  const r = { ...full, p99Half: half.p99 };
  console.log(
    `  ${t.label.padEnd(44)} ${r.rps.toFixed(0).padStart(7)} req/s   p50 ${String(r.p50).padStart(4)} ms   p99 at half ${String(r.p99Half).padStart(4)} ms`,
  );
  return r;
}

const verdict = (ok: boolean) => (ok ? "PASS" : "FAIL");

export async function benchServers() {
  const adminUrl =
    process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  if (process.env.BENCH_SKIP_BUILD !== "1") buildApps();
  const database = await createDatabase(adminUrl);
  const started: Started[] = [];
  try {
    const opened = await openPostgres(database.url);
    await seedDemo(opened.db);
    await opened.close();
    const pool = new pg.Pool({ connectionString: database.url, max: 1 });
    const { rows: ids } = await pool.query(`
      select c.id as client, v.id as visit from users u
      join memberships m on m.user_id = u.id and m.role = 'therapist'
      join clients c on c.clinic_id = m.clinic_id and c.archived_at is null
      join visits v on v.client_id = c.id and v.clinic_id = c.clinic_id
      where u.email = 'therapist@demo.test' order by c.last_name, v.started_at desc limit 1`);
    await pool.end();
    const { client, visit } = ids[0] as { client: string; visit: string };

    const ports = { node: 3961, next: 3962, app: 3963 };
    const db = { DATABASE_URL: database.url, POOL_MAX: "10", NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
    const nodeServer = startProcess(...pinned(0, process.execPath, [path.join(__dirname, "bare-node.mjs")]), {
      ...db,
      PORT: String(ports.node),
    });
    const nextServer = startProcess(
      ...pinned(0, process.execPath, [nextBin, "start", bareNextDir, "-p", String(ports.next), "-H", "127.0.0.1"]),
      db,
    );
    const base = `http://127.0.0.1:${ports.app}`;
    const appServer = startProcess(
      // BENCH_CPU_PROF=dir: a V8 CPU profile of Knotwork's server under the load, written when it stops.
      ...pinned(0, process.execPath, [
        ...(process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
        nextBin,
        "start",
        "-p",
        String(ports.app),
        "-H",
        "127.0.0.1",
      ]),
      {
        ...db,
        DATABASE_POOL_MAX: "10",
        KNOTWORK_DIST_DIR: distDir,
        NEXTAUTH_URL: base,
        NEXTAUTH_SECRET: crypto.randomBytes(24).toString("hex"),
        // Reminder and outbox polling would add load that the bare servers do not have.
        KNOTWORK_JOBS: "off",
      },
    );
    started.push(nodeServer, nextServer, appServer);
    await waitForHttp(`http://127.0.0.1:${ports.node}/row?id=${client}`, nodeServer);
    await waitForHttp(`http://127.0.0.1:${ports.next}/api/row?id=${client}`, nextServer);
    await waitForHttp(`${base}/api/auth/csrf`, appServer);
    const cookie = await signIn(base, "therapist@demo.test");
    const headers = { cookie };
    const size = async (p: string) => {
      try {
        // A kept-alive socket may have been closed by the server during the load runs: retry once.
        const get = () => fetch(`${base}${p}`, { headers, redirect: "manual" });
        const res = await get().catch(get);
        if (res.status !== 200) throw new Error(`answered ${res.status}`);
        return (await res.arrayBuffer()).byteLength;
      } catch (err) {
        throw new Error(`Knotwork ${p}: ${(err as Error).message}\n${appServer.log()}`);
      }
    };
    const pages = {
      dashboard: "/therapist",
      calendar: "/calendar",
      "client page": `/clients/${client}`,
      visit: `/visits/${visit}`,
    };
    const dashboardBytes = await size(pages.dashboard);

    console.log(`\nserver comparison: PostgreSQL database ${database.name} (demo data), ${pinningNote}`);
    console.log(`  ${connections} connections, ${seconds} s per run; load average ${loadAverage()}`);
    const bareNode = measure({
      label: "bare node:http + pg  GET /row",
      url: `http://127.0.0.1:${ports.node}/row?id=${client}`,
    });
    const bareNodePage = measure({
      label: `bare node:http + pg  page ${(dashboardBytes / 1024).toFixed(0)} KB`,
      url: `http://127.0.0.1:${ports.node}/page?bytes=${dashboardBytes}`,
    });
    const bareRoute = measure({
      label: "bare Next  GET /api/row",
      url: `http://127.0.0.1:${ports.next}/api/row?id=${client}`,
    });
    // The goal compares each page with a bare Next page of its own size (the visit is three times the
    // dashboard's), so the bare page is measured once per size.
    const barePages = new Map<number, LoadResult>();
    const bareNextPage = (bytes: number) => {
      const kb = Math.round(bytes / 1024);
      if (!barePages.has(kb))
        barePages.set(
          kb,
          measure({
            label: `bare Next  page ${kb} KB, one query`,
            url: `http://127.0.0.1:${ports.next}/page-size?bytes=${bytes}`,
          }),
        );
      return barePages.get(kb)!;
    };
    const barePage = bareNextPage(dashboardBytes);
    const api = measure({
      label: "Knotwork  GET /api/clients/{id} (signed in)",
      url: `${base}/api/clients/${client}`,
      headers,
    });
    const results: [string, LoadResult, LoadResult & { p99Half: number }][] = [];
    for (const [name, p] of Object.entries(pages)) {
      const bytes = await size(p);
      const bare = bareNextPage(bytes);
      results.push([
        name,
        bare,
        measure({ label: `Knotwork  ${name} (${(bytes / 1024).toFixed(0)} KB)`, url: `${base}${p}`, headers }),
      ]);
    }
    console.log(`  load average after: ${loadAverage()}`);
    console.log("\n  goal                                              measured      verdict");
    const line = (goal: string, value: string, ok: boolean | null) =>
      console.log(`  ${goal.padEnd(50)}${value.padEnd(14)}${ok === null ? "(info)" : verdict(ok)}`);
    line("API ≥ 0.7× bare Next route", `${(api.rps / bareRoute.rps).toFixed(2)}×`, api.rps / bareRoute.rps >= 0.7);
    line("API vs bare node:http + pg", `${(api.rps / bareNode.rps).toFixed(3)}×`, null);
    line("bare Next route vs bare node", `${(bareRoute.rps / bareNode.rps).toFixed(3)}×`, null);
    line("bare Next page vs bare node page", `${(barePage.rps / bareNodePage.rps).toFixed(3)}×`, null);
    for (const [name, bare, r] of results) {
      line(`${name} ≥ 0.5× bare Next page of its size`, `${(r.rps / bare.rps).toFixed(2)}×`, r.rps / bare.rps >= 0.5);
    }
    for (const [name, r] of [["API", api], ...results.map(([n, , r]) => [n, r] as const)] as const) {
      line(`${name}: p99 ≤ 100 ms at half throughput`, `${r.p99Half} ms`, r.p99Half <= 100);
    }
  } finally {
    for (const s of started) await s.stop();
    if (process.env.BENCH_KEEP_DB !== "1") await database.drop();
  }
}
